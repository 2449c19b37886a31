import { ANONYMOUS, type Identity, type Logger, type ScheduledJob } from '@sanshe/service-kit';
import { runExpiry } from '../../domain/expiry';
import { repairUnfinished } from '../../domain/repair';
import type { CreditsPorts } from '../../domain/ports';

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
export async function repairLedger(credits: CreditsPorts, staleAfterMs: number, logger: Logger): Promise<void> {
  const repaired = await repairUnfinished(new Date(Date.now() - staleAfterMs), credits.repairDeps);
  if (repaired > 0) logger.info({ repaired }, 'ledger maintenance took over unfinished work');
}

/** One expiry pass over every due account, in batches; postings are keyed per account and month, so a repeat changes nothing. */
export async function expirePoints(credits: CreditsPorts, logger: Logger): Promise<void> {
  for (;;) {
    const report = await runExpiry({ limit: 1_000 }, SCHEDULER, credits.expiryDeps);
    if (report.accountsExpired > 0) logger.info({ report }, 'points expiry posted');
    if (!report.hasMore) return;
  }
}

/** The ledger's own clock, run once per period across replicas by the kit's lease. */
export function ledgerJobs(credits: CreditsPorts, schedule: MaintenanceSchedule, logger: Logger): ScheduledJob[] {
  return [
    { name: 'credits.ledger-repair', periodMs: schedule.intervalMs, run: () => repairLedger(credits, schedule.staleAfterMs, logger) },
    { name: 'credits.points-expiry', periodMs: schedule.expiryIntervalMs, run: () => expirePoints(credits, logger) },
  ];
}
