/**
 * Settings the schema does not know: a misspelt `reminderMinutesBefor` would otherwise be dropped
 * silently and the default used. Walks the zod schema next to the raw YAML and lists every key that
 * has no place in it, with the nearest known key as a suggestion.
 */
import type { z } from 'zod';

type AnyDef = { type: string; innerType?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType; valueType?: z.ZodType; options?: z.ZodType[] };

const defOf = (s: z.ZodType): AnyDef => (s as unknown as { _zod: { def: AnyDef } })._zod.def;

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

/** The known key nearest to `key`, when it is close enough to be a typo. */
export function didYouMean(key: string, known: readonly string[]): string | undefined {
  let best: { k: string; d: number } | undefined;
  for (const k of known) {
    const d = k.toLowerCase() === key.toLowerCase() ? 0 : distance(key, k);
    if (!best || d < best.d) best = { k, d };
  }
  return best && best.d <= Math.max(2, Math.floor(key.length / 4)) ? best.k : undefined;
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function objectShape(s: z.ZodType): Record<string, z.ZodType> | undefined {
  const def = defOf(s);
  if (def.type === 'object') return def.shape;
  if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type) && def.innerType) return objectShape(def.innerType);
  if (def.type === 'pipe' && def.in) return objectShape(def.in);
  return undefined;
}

export function unknownKeys(schema: z.ZodType, raw: unknown, path = ''): string[] {
  const def = defOf(schema);
  const at = (k: string | number) => (typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return def.innerType ? unknownKeys(def.innerType, raw, path) : [];
    case 'pipe':
      return def.in ? unknownKeys(def.in, raw, path) : [];
    case 'array':
      return Array.isArray(raw) && def.element ? raw.flatMap((v, i) => unknownKeys(def.element!, v, at(i))) : [];
    case 'record':
      return isPlain(raw) && def.valueType ? Object.entries(raw).flatMap(([k, v]) => unknownKeys(def.valueType!, v, at(k))) : [];
    case 'union': {
      if (!isPlain(raw)) return [];
      const shapes = (def.options ?? []).map(objectShape).filter((s): s is Record<string, z.ZodType> => !!s);
      if (!shapes.length) return [];
      const known = [...new Set(shapes.flatMap((s) => Object.keys(s)))];
      return Object.keys(raw).filter((k) => !known.includes(k)).map((k) => problem(at(k), k, known));
    }
    case 'object': {
      if (!isPlain(raw) || !def.shape) return [];
      const known = Object.keys(def.shape);
      return Object.entries(raw).flatMap(([k, v]) => (def.shape![k] ? unknownKeys(def.shape![k]!, v, at(k)) : [problem(at(k), k, known)]));
    }
    default:
      return [];
  }
}

function problem(path: string, key: string, known: readonly string[]): string {
  const near = didYouMean(key, known);
  return `${path}: is not a setting${near ? `; did you mean "${near}"?` : ` (known here: ${known.join(', ')})`}`;
}
