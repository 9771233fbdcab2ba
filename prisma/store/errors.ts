/** A unique-constraint violation. With driver adapters meta.target is empty: test the code only. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'P2002';
}
