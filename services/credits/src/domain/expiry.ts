/**
 * The expiry sweep: points earned in a month expire `expiryMonths` whole months after it.
 * Each due account gets one EXPIRE posting per sweep month (id expire:<account>:<month>),
 * moving its unspent old points back to the issuing account — a compensating posting; the
 * earnings stay in the ledger. How much is due is decided on the account's head, in the
 * same write as the debit, so points spent meanwhile are never expired.
 */
import { BadInputError, authorize, type Identity } from '@sanshe/domain-kit';
import { expirablePoints } from './decisions';
import { ISSUING_ACCOUNT_ID, type Account, type Head } from './ledger';
import { postTransfer, type LedgerDeps } from './posting';
import type { EarningRules } from './rules';
import { addMonths, businessMonth, parseInstant } from './time';

export interface ExpiryReport {
  asOf: Date;
  earnedUpTo: string | null;
  accountsExpired: number;
  expiredPoints: number;
  hasMore: boolean;
}

export interface ExpiryDeps extends LedgerDeps {
  rules: { current(): Promise<EarningRules> };
  ledger: { heads(): Promise<Map<string, Head>>; account(id: string): Promise<Account | null> };
}

/** With expiry after N months, at `asOf` the points earned in this month or before are due. */
export const expiredUpTo = (asOf: Date, expiryMonths: number): string => addMonths(businessMonth(asOf), -(expiryMonths + 1));

export async function runExpiry(
  args: { asOf?: string | null; limit?: number | null },
  identity: Identity,
  deps: ExpiryDeps,
  traceparent?: string,
): Promise<ExpiryReport> {
  authorize(identity, { action: 'run the points expiry', roles: ['DISTRICT_ADMIN'] });
  const now = (deps.now ?? (() => new Date()))();
  const asOf = args.asOf ? parseInstant('asOf', args.asOf) : now;
  if (asOf.getTime() > now.getTime() + 60_000)
    throw new BadInputError('asOf', 'Points cannot be expired ahead of time: asOf must not be in the future.');
  const limit = args.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1_000)
    throw new BadInputError('limit', 'limit must be a whole number from 1 to 1000.');
  const rules = await deps.rules.current();
  const report: ExpiryReport = { asOf, earnedUpTo: null, accountsExpired: 0, expiredPoints: 0, hasMore: false };
  if (rules.expiryMonths === null) return report;
  const upTo = expiredUpTo(asOf, rules.expiryMonths);
  report.earnedUpTo = upTo;
  // One pass over the heads finds who is due; each posting decides again on the live head.
  for (const [accountId, head] of await deps.ledger.heads()) {
    if (accountId === ISSUING_ACCOUNT_ID || expirablePoints(head.state, upTo) <= 0) continue;
    const account = await deps.ledger.account(accountId);
    if (account?.kind !== 'RESIDENT') continue;
    if (report.accountsExpired === limit) {
      report.hasMore = true;
      break;
    }
    const outcome = await postTransfer(
      {
        _id: `expire:${accountId}:${businessMonth(asOf)}`,
        kind: 'EXPIRE',
        reason: null,
        fromAccountId: accountId,
        toAccountId: ISSUING_ACCOUNT_ID,
        requested: expirablePoints(head.state, upTo),
        ruleVersion: rules.version,
        caps: null,
        expireUpTo: upTo,
        sourceRef: `expiry:${upTo}`,
        sourceEventId: null,
        residentId: account.ownerId,
        communityId: account.communityId,
        note: null,
        occurredAt: asOf,
      },
      deps,
      traceparent,
    );
    report.accountsExpired += 1;
    report.expiredPoints += outcome.amount;
  }
  return report;
}
