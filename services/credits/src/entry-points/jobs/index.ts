import { ANONYMOUS, type Identity, type Logger, type ScheduledJob } from '@sanshe/service-kit';
import { runExpiry } from '../../domain/expiry';
import { repairUnfinished } from '../../domain/repair';
import type { CreditsApp } from '../../wiring';

export interface MaintenanceSchedule {
  intervalMs: number;
  staleAfterMs: number;
  expiryIntervalMs: number;
}

/** The scheduler acts for the district: the expiry is the district's rule, applied on its behalf. */
const SCHEDULER: Identity = { ...ANONYMOUS, userId: 'system:credits-scheduler', roles: ['DISTRICT_ADMIN'] };

/**
 * One repair pass: completes or compensates the transfers and redemptions still marked
 * unfinished after `staleAfterMs` — a crash, a request cut short, a consumer that gave up.
 */
export async function repairLedger(app: CreditsApp, staleAfterMs: number, logger: Logger): Promise<void> {
  const repaired = await repairUnfinished(new Date(Date.now() - staleAfterMs), { ...app.redeemingDeps, repairs: app.ledger });
  if (repaired > 0) logger.info({ repaired }, 'ledger maintenance took over unfinished work');
}

/** One expiry pass over every due account, in batches; postings are keyed per account and month, so a repeat changes nothing. */
export async function expirePoints(app: CreditsApp, logger: Logger): Promise<void> {
  for (;;) {
    const report = await runExpiry({ limit: 1_000 }, SCHEDULER, { ...app.ledgerDeps, rules: app.rules, ledger: app.ledger });
    if (report.accountsExpired > 0) logger.info({ report }, 'points expiry posted');
    if (!report.hasMore) return;
  }
}

/** The ledger's own clock, run once per period across replicas by the kit's lease. */
export function ledgerJobs(app: CreditsApp, schedule: MaintenanceSchedule, logger: Logger): ScheduledJob[] {
  return [
    { name: 'credits.ledger-repair', periodMs: schedule.intervalMs, run: () => repairLedger(app, schedule.staleAfterMs, logger) },
    { name: 'credits.points-expiry', periodMs: schedule.expiryIntervalMs, run: () => expirePoints(app, logger) },
  ];
}
