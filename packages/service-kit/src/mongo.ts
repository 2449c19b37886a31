import mongoose, { type Connection, type Model, type ProjectionType } from 'mongoose';
import { isFerretDB, serialWritesPlugin } from './serial-writes';

/**
 * One connection per service (never the mongoose singleton), so several services can
 * share a process in tests without sharing a database.
 *
 * The Mongo subset rule: everything here must run on MongoDB 7 and on FerretDB 1.24
 * alike — no multi-document transactions, no $lookup, no change streams, no nested
 * arrays, no `.` or `$` in keys. Uniqueness comes from unique indexes, atomicity from
 * single-document updates.
 */
export async function connectMongo(url: string, dbName: string): Promise<Connection> {
  const connection = mongoose.createConnection(url, {
    dbName,
    // Indexes are built once at start-up (syncIndexes) before any query runs: FerretDB can
    // deadlock when an index is created while cursors on the same database are open.
    autoIndex: false,
    serverSelectionTimeoutMS: 10_000,
    maxPoolSize: 20,
  });
  await connection.asPromise();
  if (await isFerretDB(connection)) {
    connection.plugin(serialWritesPlugin);
    ferretConnections.add(connection);
  }
  return connection;
}

/** Connections that talk to FerretDB (see `findByIds`). */
const ferretConnections = new WeakSet<Connection>();

/** Batches up to this size are read point by point on FerretDB. */
export const POINT_READS = 50;

/**
 * Reads a DataLoader batch of documents by id. On MongoDB: one `$in`, answered from the
 * `_id` index. On FerretDB (local development, tests) only an `_id` equality is narrowed
 * before documents are decoded — `_id: {$in}` decodes the whole collection (2.5 s for the
 * 24,000 residents, against 0.1–0.2 s per point read) — so a batch of up to POINT_READS ids
 * is read by `_id` equality, in parallel, and a larger one with `$in`.
 */
export async function findByIds<T>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  model: Model<any>,
  ids: readonly string[],
  projection?: ProjectionType<T>,
): Promise<T[]> {
  if (ids.length === 0) return [];
  if (ids.length === 1 || (ids.length <= POINT_READS && ferretConnections.has(model.db))) {
    const found = await Promise.all(ids.map((id) => model.findOne({ _id: id }, projection ?? null).lean<T>().exec()));
    return found.filter((doc): doc is NonNullable<typeof doc> => doc !== null) as T[];
  }
  return model.find({ _id: { $in: [...ids] } }, projection ?? null).lean<T[]>().exec();
}

export async function pingMongo(connection: Connection): Promise<boolean> {
  try {
    await connection.db!.admin().command({ ping: 1 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the missing indexes of every model of a connection; unique indexes are what
 * keep data consistent. Indexes that exist are left alone, so a second process (a seed
 * beside a running service) sends no index DDL at all.
 */
export async function syncIndexes(connection: Connection): Promise<void> {
  for (const model of Object.values(connection.models)) {
    const { toCreate } = await model.diffIndexes();
    if (toCreate.length > 0) await model.createIndexes();
  }
}
