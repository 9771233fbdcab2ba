/**
 * Wraps a use case: validates its input with zod (bad input is an `invalid_input` value listing each
 * problem, never an exception) and logs {useCase, durationMs, outcome} once per call.
 */
import { z } from 'zod';
import { formatIssues } from './config/schema.js';
import type { CoreDeps } from './deps.js';

export type InvalidInput = { kind: 'invalid_input'; problems: string[] };

export function useCase<S extends z.ZodType, R extends { kind: string }>(
  name: string,
  schema: S,
  deps: CoreDeps,
  run: (input: z.output<S>) => Promise<R>,
): (input: z.input<S>) => Promise<R | InvalidInput> {
  return async (raw) => {
    const started = performance.now();
    const parsed = schema.safeParse(raw);
    let outcome = 'invalid_input';
    try {
      if (!parsed.success) return { kind: 'invalid_input', problems: formatIssues(parsed.error.issues) };
      const nul = nulPaths(parsed.data);
      if (nul.length) return { kind: 'invalid_input', problems: nul.map((path) => `${path}: contains a NUL character, which cannot be stored`) };
      const result = await run(parsed.data);
      outcome = result.kind;
      return result;
    } catch (e) {
      outcome = 'error';
      throw e;
    } finally {
      deps.log?.info({ useCase: name, durationMs: Math.round((performance.now() - started) * 10) / 10, outcome }, 'use case');
    }
  };
}

/**
 * Where a text of the input holds a NUL character: PostgreSQL refuses it in text (an error, not a
 * row), so it is refused here, on every database alike. Nobody types one; a forged payload might.
 */
export function nulPaths(value: unknown, path = '', out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push(path || '(root)');
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nulPaths(v, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) nulPaths(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}

export const callerSchema = z.object({
  platform: z.enum(['slack', 'discord', 'console']),
  userId: z.string().min(1).max(100),
  displayName: z.string().max(200).optional(),
  zone: z.string().max(64).optional(),
  locale: z.string().max(35).optional(),
  /** The address the platform's profile shows (Slack, with users:read.email); kept unless the person set one with /email. */
  email: z.string().max(254).optional(),
  roles: z.array(z.string().max(100)).max(250).optional(),
});
