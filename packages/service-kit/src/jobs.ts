import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Connection } from 'mongoose';
import { isDuplicateKeyError } from './store-errors';
import type { Logger } from './logger';

/** A piece of periodic work: at most one run per period across every replica sharing the store. */
export interface ScheduledJob {
  /** Unique within the service's database: the lease document's `_id`. */
  name: string;
  periodMs: number;
  run: () => Promise<void>;
}

export interface JobLease {
  _id: string;
  /** The period taken last: floor(epoch ms / periodMs). */
  period: number;
  /** The end of that period: nobody takes the lease again before it. */
  until: Date;
  holder: string;
  takenAt: Date;
}

export const JOB_LEASES_COLLECTION = 'job_leases';

/** Who this process is in a lease document: host, pid and a random suffix (two processes in one pod differ). */
export const processHolderId = (): string => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

const HOLDER = processHolderId();

/**
 * Takes the lease of `name` for the period `now` falls in, or finds it taken. One conditional
 * single-document update decides: only a lease whose period ended can be taken, and when the
 * document does not exist yet the upsert inserts it under the unique `_id`, so of two replicas
 * inserting at once one gets a duplicate-key error and loses. Nothing here trusts a clock
 * beyond the period arithmetic, and nothing is held in this process.
 */
export async function takeJobLease(
  connection: Connection,
  name: string,
  periodMs: number,
  holder = HOLDER,
  now = new Date(),
): Promise<JobLease | null> {
  const period = Math.floor(now.getTime() / periodMs);
  const lease: JobLease = { _id: name, period, until: new Date((period + 1) * periodMs), holder, takenAt: now };
  const { _id, ...fields } = lease;
  try {
    const result = await connection
      .collection<JobLease>(JOB_LEASES_COLLECTION)
      .updateOne({ _id, until: { $lte: now } }, { $set: fields }, { upsert: true });
    return result.modifiedCount + result.upsertedCount === 1 ? lease : null;
  } catch (err) {
    if (isDuplicateKeyError(err)) return null;
    throw err;
  }
}

export interface RunningJobs {
  stop(): Promise<void>;
}

export interface ScheduleOptions {
  connection: Connection;
  logger: Logger;
  holder?: string;
}

/**
 * Runs each job once per period across replicas. Every replica wakes shortly after each period
 * boundary (a small random delay spreads the attempts) and tries the lease; the winner runs the
 * job, the others wait for the next period. A run that fails is logged and not retried in its
 * period. A run longer than its period could overlap the next period's winner, so jobs keep
 * their writes idempotent (conditional updates, ids per subject and period) as they already must
 * for a crash mid-run.
 */
export function scheduleJobs(jobs: ScheduledJob[], opts: ScheduleOptions): RunningJobs {
  const holder = opts.holder ?? HOLDER;
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();

  const tick = async (job: ScheduledJob) => {
    const lease = await takeJobLease(opts.connection, job.name, job.periodMs, holder);
    if (!lease || stopped) return;
    const started = Date.now();
    await job.run();
    opts.logger.info({ job: job.name, period: lease.period, holder, ms: Date.now() - started }, 'scheduled job ran');
  };

  const plan = (job: ScheduledJob) => {
    if (stopped) return;
    const untilNext = job.periodMs - (Date.now() % job.periodMs);
    const jitter = Math.floor(Math.random() * Math.min(1_000, job.periodMs / 10));
    const timer = setTimeout(() => {
      timers.delete(timer);
      const round = tick(job)
        .catch((err: unknown) =>
          opts.logger.warn({ job: job.name, err: (err as Error).message }, 'scheduled job failed; the next period tries again'),
        )
        .finally(() => {
          running.delete(round);
          plan(job);
        });
      running.add(round);
    }, untilNext + jitter);
    timer.unref();
    timers.add(timer);
  };

  for (const job of jobs) {
    if (!Number.isFinite(job.periodMs) || job.periodMs <= 0) throw new Error(`job ${job.name}: periodMs must be a positive number`);
    plan(job);
  }
  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all(running);
    },
  };
}
