import mongoose, { type Connection } from 'mongoose';

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
    autoIndex: true,
    serverSelectionTimeoutMS: 10_000,
    maxPoolSize: 20,
  });
  await connection.asPromise();
  return connection;
}

export async function pingMongo(connection: Connection): Promise<boolean> {
  try {
    await connection.db!.admin().command({ ping: 1 });
    return true;
  } catch {
    return false;
  }
}

/** Builds indexes for every model of a connection; unique indexes are what keep data consistent. */
export async function syncIndexes(connection: Connection): Promise<void> {
  for (const model of Object.values(connection.models)) await model.createIndexes();
}
