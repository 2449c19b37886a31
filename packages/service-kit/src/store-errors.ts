/** A unique-index violation: code 11000, the one part of the error every Mongo-wire store reports alike. */
export function isDuplicateKeyError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}
