import type { Logger } from '@sanshe/service-kit';
import type { ResidentRepository } from '../data-access/resident-repository';

/**
 * Passes on what a crash (or a failed pass) left on residents — events still in their
 * own outbox, community registers still to refresh: once at start-up, then every
 * `intervalMs`. Each run scans the residents once, which is why the relay does not.
 */
export class PendingEventSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly residents: ResidentRepository,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweep().finally(() => this.schedule(this.intervalMs));
    }, delayMs);
    this.timer.unref();
  }

  private async sweep(): Promise<void> {
    try {
      const residents = await this.residents.sweepPending();
      if (residents > 0) this.logger.info({ residents }, 'passed on resident changes left pending');
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'sweep of pending resident changes failed; will retry');
    }
  }
}
