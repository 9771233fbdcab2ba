/**
 * Maintenance codes: shared by a company's people, looked up by a hash and compared in constant time.
 * Codes are case-insensitive and ignore spaces and dashes ("ab12-cd34" = "AB12CD34").
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

export function normalizeCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export function hashCode(code: string): string {
  return createHash('sha256').update(normalizeCode(code)).digest('hex');
}

export function codesMatch(entered: string, stored: string): boolean {
  const a = Buffer.from(hashCode(entered));
  const b = Buffer.from(hashCode(stored));
  return a.length === b.length && timingSafeEqual(a, b);
}

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A new code like "K7QM-4XRT". */
export function generateCode(): string {
  const pick = () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${Array.from({ length: 4 }, pick).join('')}-${Array.from({ length: 4 }, pick).join('')}`;
}

export function isPlausibleCode(code: string): boolean {
  const n = normalizeCode(code);
  return n.length >= 4 && n.length <= 64 && /^[A-Z0-9]+$/.test(n);
}

/**
 * At most `maxPerHour` wrong codes per person per rolling hour. Returns when the person may try
 * again, or null if they may try now.
 */
export function codeLockedUntil(failures: Date[], now: Date, maxPerHour: number): Date | null {
  const hourAgo = now.getTime() - 3600_000;
  const recent = failures.filter((f) => f.getTime() > hourAgo).sort((a, b) => a.getTime() - b.getTime());
  if (recent.length < maxPerHour) return null;
  // The oldest failure that must age out before the count drops below the limit.
  const oldest = recent[recent.length - maxPerHour]!;
  return new Date(oldest.getTime() + 3600_000);
}
