import type { Actor, AuditEntry } from '../model.js';
import type { Tx } from '../ports/store.js';

/** Writes one audit entry: who did what to which record, through which platform, when. */
export function recordAudit(
  tx: Tx,
  at: Date,
  actor: Actor,
  entity: AuditEntry['entity'],
  entityId: string,
  action: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  return tx.audit.record({ at, actor, entity, entityId, action, details });
}
