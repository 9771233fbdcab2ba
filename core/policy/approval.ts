/** Whether staff must approve a booking first. Emergency requests always go to staff (handled apart). */
import type { Config } from '../config/schema.js';

export function needsApproval(rule: Config['policy']['approval'], priceCents: number): boolean {
  switch (rule) {
    case 'never':
      return false;
    case 'always':
      return true;
    case 'paid_only':
      return priceCents > 0;
  }
}
