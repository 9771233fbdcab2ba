/** Who counts as staff: a configured staff identity, or (on Discord) a holder of the staff role. */
import type { Config, StaffConfig } from '../config/schema.js';
import type { Platform } from '../model.js';

export interface Caller {
  platform: Platform;
  userId: string;
  displayName?: string;
  /** The person's IANA zone when the platform knows it (Slack profile). */
  zone?: string;
  locale?: string;
  /** The address in the person's platform profile (Slack, with the users:read.email scope). */
  email?: string;
  /** Platform roles (Discord role ids) the person holds in the server. */
  roles?: string[];
}

export interface StaffIdentity {
  staffId: string;
  name: string;
  config: StaffConfig | null;
}

export function staffFor(config: Config, caller: Caller): StaffIdentity | null {
  const s = config.staff.find((st) => st.identities[caller.platform] === caller.userId);
  if (s) return { staffId: s.id, name: s.name, config: s };
  const role = caller.platform === 'discord' ? config.channels.discord?.staffRole : undefined;
  if (role && caller.roles?.includes(role)) {
    return { staffId: `discord:${caller.userId}`, name: caller.displayName ?? 'Staff', config: null };
  }
  return null;
}
