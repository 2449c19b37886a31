import type { Logger } from '@sanshe/service-kit';
import { repairUnfinished } from '../domain/repair';
import type { CreditsApp } from '../wiring';

export interface MaintenanceSchedule {
  intervalMs: number;
  staleAfterMs: number;
}

/**
 * The ledger's own clock: every `intervalMs` it completes or compensates the transfers and
 * redemptions still marked unfinished after `staleAfterMs` — a crash, a request cut short,
 * a consumer that gave up.
 */
export class LedgerMaintenance {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly app: CreditsApp,
    private readonly schedule: MaintenanceSchedule,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.plan();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass now; also what the timer runs. */
  async runOnce(): Promise<void> {
    const repaired = await repairUnfinished(new Date(Date.now() - this.schedule.staleAfterMs), { ...this.app.redeemingDeps, repairs: this.app.ledger });
    if (repaired > 0) this.logger.info({ repaired }, 'ledger maintenance took over unfinished work');
  }

  private plan(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .catch((err: unknown) => this.logger.warn({ err: (err as Error).message }, 'ledger maintenance pass failed; it runs again'))
        .finally(() => this.plan());
    }, this.schedule.intervalMs);
  }
}
