/**
 * A person chooses the language Slotkeeper writes to them in (`/language`), over their platform's
 * locale; `auto` goes back to the platform's. It also makes the time parser read their language first.
 */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import type { Member } from '../model.js';
import type { Caller } from '../policy/staff.js';
import { resolveMember } from './resolve-member.js';

/** The languages Slotkeeper writes (and its time parser reads). */
export const LANGUAGE_CODES = ['en', 'de', 'fr', 'es', 'pt', 'nl'] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

/** What a person may type: a code, a tag ("pt-BR"), or the language's own or English name. */
const NAMES: Record<string, LanguageCode | 'auto'> = {
  english: 'en', deutsch: 'de', german: 'de', français: 'fr', francais: 'fr', french: 'fr', español: 'es', espanol: 'es', spanish: 'es',
  português: 'pt', portugues: 'pt', portuguese: 'pt', nederlands: 'nl', dutch: 'nl', auto: 'auto', automatic: 'auto', default: 'auto',
};

export function readLanguage(typed: string): LanguageCode | 'auto' | null {
  const t = typed.trim().toLowerCase();
  if (NAMES[t]) return NAMES[t]!;
  const code = /^([a-z]{2})(?:[-_][a-z0-9]{2,8})?$/.exec(t)?.[1];
  return code && (LANGUAGE_CODES as readonly string[]).includes(code) ? (code as LanguageCode) : null;
}

/** The language a member reads: the one they chose, else their platform's locale; null: the vendor's. */
export const languageOf = (member: Pick<Member, 'language' | 'locale'> | null | undefined): string | null => member?.language ?? member?.locale ?? null;

export type SetLanguageResult = { kind: 'language_saved'; language: LanguageCode | null; locale: string | null } | { kind: 'unknown_language'; typed: string };

export function setLanguage(deps: CoreDeps) {
  const { store } = deps;
  return useCase('setLanguage', z.object({ caller: callerSchema, language: z.string().trim().min(1).max(40) }), deps, (i) =>
    store.transaction(async (tx): Promise<SetLanguageResult> => {
      const chosen = readLanguage(i.language);
      if (!chosen) return { kind: 'unknown_language', typed: i.language };
      const member = await resolveMember(tx, i.caller);
      const language = chosen === 'auto' ? null : chosen;
      const saved = await tx.members.update(member.id, { language });
      return { kind: 'language_saved', language, locale: languageOf(saved) ?? null };
    }),
  );
}

/**
 * The language to answer this caller in now: the one they chose, else the locale their platform
 * sends, else the one it sent before. Read-only; null: the vendor's.
 */
export function languageFor(deps: CoreDeps) {
  const { store } = deps;
  return async (caller: Caller): Promise<string | null> => {
    const member = await store.read((tx) => tx.members.find(caller.platform, caller.userId));
    return member?.language ?? caller.locale ?? member?.locale ?? null;
  };
}
