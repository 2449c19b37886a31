import type { Connection, Schema } from 'mongoose';

/**
 * FerretDB 1.24 on SQLite does not make a single-document update atomic against
 * concurrent writers: 25 parallel `$inc` on one document can leave it at 2, and
 * several conditional updates guarded by the same version can all "win". MongoDB
 * does. So on FerretDB, and only there, every update of a collection made through
 * this process waits its turn. That restores the single-document atomicity the code
 * relies on for a single service instance (local development and tests); production
 * MongoDB keeps full concurrency.
 */
const tails = new Map<string, Promise<void>>();

/** Runs `fn` after every earlier holder of `key` has finished. */
export async function serially<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const release = await acquire(key);
  try {
    return await fn();
  } finally {
    release();
  }
}

function acquire(key: string): Promise<() => void> {
  const previous = tails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const current = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = previous.then(() => current);
  tails.set(key, tail);
  return previous.then(() => () => {
    release();
    if (tails.get(key) === tail) tails.delete(key);
  });
}

const QUERY_WRITES = ['updateOne', 'updateMany', 'findOneAndUpdate', 'findOneAndReplace', 'findOneAndDelete', 'replaceOne', 'deleteOne', 'deleteMany'] as const;
const RELEASE = Symbol('sanshe.serialWrites.release');

type Releasable = { [RELEASE]?: () => void; model?: { collection: { collectionName: string } }; constructor: { collection?: { collectionName: string } } };

function collectionOf(self: Releasable): string {
  return self.model?.collection.collectionName ?? self.constructor.collection?.collectionName ?? 'unknown';
}

/** Mongoose plugin: query and document writes of a collection go one at a time. */
export function serialWritesPlugin(schema: Schema): void {
  const before = async function (this: Releasable) {
    this[RELEASE] = await acquire(collectionOf(this));
  };
  const after = function (this: Releasable) {
    this[RELEASE]?.();
    delete this[RELEASE];
  };
  const afterError = function (this: Releasable, error: Error, _res: unknown, next: (err?: Error) => void) {
    this[RELEASE]?.();
    delete this[RELEASE];
    next(error);
  };
  for (const op of QUERY_WRITES) {
    schema.pre(op, before as never);
    schema.post(op, after as never);
    schema.post(op, afterError as never);
  }
  // `save` of an existing document is an update too.
  schema.pre('save', async function (this: Releasable & { isNew: boolean }) {
    if (!this.isNew) await before.call(this);
  } as never);
  schema.post('save', after as never);
  schema.post('save', afterError as never);
}

/** True when the server is FerretDB (it reports `ferretdbVersion` in buildInfo). */
export async function isFerretDB(connection: Connection): Promise<boolean> {
  const info = (await connection.db!.admin().command({ buildInfo: 1 })) as { ferretdbVersion?: string };
  return typeof info.ferretdbVersion === 'string';
}

/** Key used by code that writes through the raw driver collection (e.g. the outbox relay). */
export const collectionWriteKey = (collectionName: string) => collectionName;
