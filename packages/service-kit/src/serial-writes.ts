import type { Connection, Schema } from 'mongoose';
import sift from 'sift';

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

/** An `_id` no document has: a filter on it matches nothing, answered from FerretDB's primary key. */
const NO_MATCH = '\u0000sanshe:no-match';

type ConditionalWrite = Releasable & {
  op?: string;
  getFilter(): Record<string, unknown>;
  setQuery(filter: Record<string, unknown>): void;
  getUpdate(): unknown;
  getOptions(): { upsert?: boolean; arrayFilters?: unknown };
  cast(model: unknown, filter: Record<string, unknown>): Record<string, unknown>;
  model: { collection: { collectionName: string; findOne(filter: Record<string, unknown>): Promise<unknown> } };
};

/** A single `_id` value (string, number or ObjectId), as opposed to an operator object. */
export const isScalarId = (v: unknown): boolean => typeof v === 'string' || typeof v === 'number' || (typeof v === 'object' && v !== null && (v as { _bsontype?: string })._bsontype === 'ObjectId');

/** Whether an update document names an array element by the query's match (`$`, `$[]`, `$[x]`). */
function positional(update: unknown): boolean {
  if (!update || typeof update !== 'object' || Array.isArray(update)) return false;
  return Object.values(update).some((fields) => fields && typeof fields === 'object' && Object.keys(fields).some((path) => path.split('.').some((segment) => segment.startsWith('$'))));
}

/**
 * FerretDB narrows a filter by `_id` before decoding documents only when no other top-level
 * field is in it: `{ _id, status: 'DRAFT' }` decodes the whole collection (2 s on 7,000
 * activities; 0.1–0.3 s for `_id` alone). A conditional update of one document is therefore
 * split, while this process holds the collection's write turn: read the document by `_id`,
 * test the other conditions here (sift, MongoDB's query semantics), then write by `_id` alone —
 * or by an `_id` that matches nothing. The same outcome, an order of magnitude sooner. Not for
 * upserts, array filters or positional updates, which need the store's own match.
 */
async function narrowToId(query: ConditionalWrite): Promise<void> {
  const filter = query.getFilter();
  const id = filter._id;
  const rest = Object.keys(filter).filter((k) => k !== '_id' && !k.includes('.'));
  if (!isScalarId(id) || rest.length === 0) return;
  const options = query.getOptions();
  if (options.upsert || options.arrayFilters || positional(query.getUpdate())) return;
  const cast = query.cast(query.model, { ...filter });
  const current = await query.model.collection.findOne({ _id: cast._id ?? id });
  query.setQuery({ _id: current && sift(cast)(current) ? id : NO_MATCH });
}

/** Mongoose plugin: query and document writes of a collection go one at a time. */
export function serialWritesPlugin(schema: Schema): void {
  const before = async function (this: Releasable) {
    this[RELEASE] = await acquire(collectionOf(this));
    const query = this as ConditionalWrite;
    if ((query.op === 'updateOne' || query.op === 'findOneAndUpdate') && typeof query.getFilter === 'function') {
      try {
        await narrowToId(query);
      } catch (err) {
        this[RELEASE]?.();
        delete this[RELEASE];
        throw err;
      }
    }
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
