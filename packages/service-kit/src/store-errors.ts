import { AlreadyExistsError } from '@sanshe/domain-kit';

/** A unique-index violation: code 11000, the one part of the error every Mongo-wire store reports alike. */
export function isDuplicateKeyError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

/**
 * The field(s) a duplicate-key error collided on. MongoDB names them in `keyPattern`; a store
 * that does not is read from the index name in the message (`index: name_1 dup key`).
 */
export function duplicateKeyField(err: unknown): string | null {
  const { keyPattern, message } = (err ?? {}) as { keyPattern?: Record<string, unknown>; message?: unknown };
  if (keyPattern && Object.keys(keyPattern).length > 0) return Object.keys(keyPattern).join('+');
  const index = typeof message === 'string' ? /index: (\S+) dup key/.exec(message)?.[1] : undefined;
  if (!index) return null;
  if (index === '_id_') return '_id';
  return (
    index
      .split(/_-?1(?:_|$)/)
      .filter(Boolean)
      .join('+') || null
  );
}

/**
 * Runs a store write and turns a unique-index violation into the domain's `AlreadyExistsError`
 * for `entity`: repositories wrap their unique writes in it so domain code never reads a store's code.
 */
export async function uniqueWrite<T>(entity: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isDuplicateKeyError(err)) throw new AlreadyExistsError(entity, duplicateKeyField(err));
    throw err;
  }
}
