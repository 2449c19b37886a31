import type { Logger } from '@sanshe/service-kit';
import type { SweepReport } from '../domain/sla-sweep';

/** The service's background work, run on a timer; tests call the same functions directly. */
export interface Housekeeping {
  /** Marks overdue orders and escalates them, once each (督办). */
  sweepDeadlines(now?: Date): Promise<SweepReport>;
  /** Moves finished orders whose events are out to the archive. */
  archiveFinishedOrders(): Promise<number>;
}

export interface Timer {
  stop(): Promise<void>;
}

/** Runs the housekeeping every `everyMs`, never two rounds at once; a failed round is logged and the next one tries again. */
export function startHousekeeping(work: Housekeeping, everyMs: number, logger: Logger): Timer {
  let running: Promise<void> | null = null;
  const round = async () => {
    const report = await work.sweepDeadlines();
    if (report.escalated > 0 || report.marked > 0) logger.info({ report }, 'deadline sweep marked or escalated overdue orders');
    const archived = await work.archiveFinishedOrders();
    if (archived > 0) logger.debug({ archived }, 'finished orders archived');
  };
  const tick = () => {
    if (running) return;
    running = round()
      .catch((err: unknown) => logger.error({ err }, 'housekeeping failed; the next round tries again'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
