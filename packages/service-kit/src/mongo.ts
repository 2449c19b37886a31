import mongoose, { type Connection, type Model, type ProjectionType, type Schema } from 'mongoose';

/**
 * One connection per service (never the mongoose singleton), so several services can
 * share a process in tests without sharing a database.
 *
 * The Mongo subset rule (docs/ARCHITECTURE.md): everything here must run on MongoDB 7 and
 * on the embedded mongo-java-server alike — no multi-document transactions, no change
 * streams, no `.` or `$` in keys. Uniqueness comes from unique indexes, atomicity from
 * conditional single-document updates.
 */
export async function connectMongo(url: string, dbName: string): Promise<Connection> {
  // Mongoose otherwise formats a stack trace on every query (`new Error().stack`), only to report
  // where a query ran first if it is ever run twice: measurable CPU on every read, for a debugging aid.
  mongoose.set('skipOriginalStackTraces', true);
  const connection = mongoose.createConnection(url, {
    dbName,
    // Indexes are built once at start-up (syncIndexes), not lazily per model, so a second
    // process beside a running service sends no index DDL.
    autoIndex: false,
    serverSelectionTimeoutMS: 10_000,
    maxPoolSize: 20,
  });
  await connection.asPromise();
  return connection;
}

/**
 * The model `name` on this connection, compiled once: a service's models built again on the same
 * connection (tests, the bench's monolith, seeds beside a service) reuse the first ones.
 */
export function modelOn<T>(connection: Connection, name: string, schema: Schema<T>): Model<T> {
  return (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
}

/** Reads a DataLoader batch of documents by id: one `$in`, answered from the `_id` index. */
export async function findByIds<T>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  model: Model<any>,
  ids: readonly string[],
  projection?: ProjectionType<T>,
): Promise<T[]> {
  if (ids.length === 0) return [];
  return model
    .find({ _id: { $in: [...ids] } }, projection ?? null)
    .lean<T[]>()
    .exec();
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
