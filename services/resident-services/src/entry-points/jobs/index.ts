import type { Logger, ScheduledJob } from '@sanshe/service-kit';
import type { SweepReport } from '../../domain/sla-sweep';

/** The service's background work, run by the kit's scheduler; tests call the same functions directly. */
export interface Housekeeping {
  /** Marks overdue orders and escalates them, once each (督办). */
  sweepDeadlines(now?: Date): Promise<SweepReport>;
  /** Moves finished orders whose events are out to the archive. */
  archiveFinishedOrders(): Promise<number>;
}

/**
 * The housekeeping as scheduled jobs: each runs once per `everyMs` across all replicas (the kit's
 * lease decides who); a failed round is logged and the next period tries again.
 */
export function housekeepingJobs(work: Housekeeping, everyMs: number, logger: Logger): ScheduledJob[] {
  return [
    {
      name: 'resident-services.sla-sweep',
      periodMs: everyMs,
      run: async () => {
        const report = await work.sweepDeadlines();
        if (report.escalated > 0 || report.marked > 0) logger.info({ report }, 'deadline sweep marked or escalated overdue orders');
      },
    },
    {
      name: 'resident-services.order-archive',
      periodMs: everyMs,
      run: async () => {
        const archived = await work.archiveFinishedOrders();
        if (archived > 0) logger.debug({ archived }, 'finished orders archived');
      },
    },
  ];
}
