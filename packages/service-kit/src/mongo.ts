import mongoose, { type Connection } from 'mongoose';
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
  if (await isFerretDB(connection)) connection.plugin(serialWritesPlugin);
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
