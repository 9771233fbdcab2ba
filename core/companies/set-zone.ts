/** A person saves the time zone they read times in (Discord gives none; Slack's profile zone wins there). */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import { zoneName } from '../config/schema.js';
import { resolveMember } from './resolve-member.js';

export function setZone(deps: CoreDeps) {
  const { store } = deps;
  return useCase('setZone', z.object({ caller: callerSchema, zone: zoneName }), deps, (i) =>
    store.transaction(async (tx) => {
      const member = await resolveMember(tx, i.caller);
      await tx.members.update(member.id, { zone: i.zone });
      return { kind: 'zone_saved' as const, zone: i.zone };
    }),
  );
}
