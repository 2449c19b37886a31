import { createHash, randomBytes } from 'node:crypto';
import { connectMongo } from '@sanshe/service-kit';
import type { Connection } from 'mongoose';
import { RateLimiterMongo, RateLimiterRes } from 'rate-limiter-flexible';

/** The channel an app's orders arrive on. */
export type AppChannel = 'APP' | 'WEB';

/** A civic app registered to call the GeoReport facade. Only the key's hash is kept. */
export interface Open311App {
  _id: string;
  name: string;
  channel: AppChannel;
  keyHash: string;
  createdAt: Date;
}

export interface Open311StoreOptions {
  mongoUrl: string;
  dbName: string;
  /** Calls per key per minute. */
  requestsPerMinute: number;
}

/**
 * Keys are 32 random bytes, so an unsalted SHA-256 is enough to keep a stolen table useless
 * (there is nothing to guess) and lets a key be looked up by its hash in one indexed read.
 */
export const hashApiKey = (apiKey: string): string => createHash('sha256').update(apiKey, 'utf8').digest('hex');

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * The apps and their per-key rate limits live in the gateway's own small database, so every
 * gateway replica reads the same registrations and counts against the same limits. The
 * connection opens on first use: a gateway that never serves Open311 never connects.
 */
export class Open311Store {
  private connecting: Promise<{ connection: Connection; limiter: RateLimiterMongo }> | null = null;

  constructor(private readonly options: Open311StoreOptions) {}

  private open(): Promise<{ connection: Connection; limiter: RateLimiterMongo }> {
    this.connecting ??= (async () => {
      const connection = await connectMongo(this.options.mongoUrl, this.options.dbName);
      const apps = connection.collection('open311_apps');
      await apps.createIndex({ keyHash: 1 }, { unique: true });
      await apps.createIndex({ name: 1 }, { unique: true });
      const limiter = new RateLimiterMongo({
        storeClient: connection.getClient(),
        dbName: this.options.dbName,
        tableName: 'open311_rate_limits',
        keyPrefix: 'open311',
        points: this.options.requestsPerMinute,
        duration: 60,
        // Built here, awaited, rather than in the background where a failure would only be logged.
        disableIndexesCreation: true,
      });
      await limiter.createIndexes();
      return { connection, limiter };
    })().catch((err: unknown) => {
      this.connecting = null; // the next request tries again
      throw err;
    });
    return this.connecting;
  }

  /** Registers an app and returns its key, which is shown this once and never stored. */
  async addApp(name: string, channel: AppChannel): Promise<{ app: Open311App; apiKey: string }> {
    const { connection } = await this.open();
    const apiKey = `o311_${randomBytes(32).toString('base64url')}`;
    const app: Open311App = {
      _id: `app-${randomBytes(6).toString('hex')}`,
      name,
      channel,
      keyHash: hashApiKey(apiKey),
      createdAt: new Date(),
    };
    try {
      await connection.collection<Open311App>('open311_apps').insertOne(app);
    } catch (err) {
      if ((err as { code?: number }).code === 11000) throw new AppNameTaken(name);
      throw err;
    }
    return { app, apiKey };
  }

  async appByKey(apiKey: string): Promise<Open311App | null> {
    const { connection } = await this.open();
    return connection.collection<Open311App>('open311_apps').findOne({ keyHash: hashApiKey(apiKey) });
  }

  /** Counts one call of the app; refuses once it has used its calls of the minute. */
  async consume(app: Open311App): Promise<RateDecision> {
    const { limiter } = await this.open();
    try {
      await limiter.consume(app._id);
      return { allowed: true };
    } catch (err) {
      if (err instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
      throw err;
    }
  }

  async close(): Promise<void> {
    const opened = this.connecting;
    this.connecting = null;
    if (opened) await (await opened.catch(() => null))?.connection.close();
  }
}

export class AppNameTaken extends Error {
  constructor(name: string) {
    super(`An app named "${name}" is already registered; choose another name.`);
  }
}
