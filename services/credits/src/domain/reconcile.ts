/**
 * Reconciliation: the postings are the ledger, and an account's balance — the state its
 * latest entry carries, which every decision reads — is a cache of them. This recomputes
 * every balance from the postings and, where a cache drifted (a bug, a hand edit of the
 * database), appends a CORRECTION entry that sets it back: visible in the statement, never
 * silent. A correction moves no points, so its amount is 0; it restates the balance.
 *
 * Postings appear only once both legs of a transfer are in, so an account with a transfer
 * in flight legitimately differs from its postings: such an account is skipped. For an
 * account at entry n, only postings whose entry on it is numbered ≤ n count, so a transfer
 * that starts meanwhile cannot pass for drift. Order: the head, then in-flight transfers,
 * then postings — a transfer that finished in between has its posting in that last read.
 */
import { authorize, type Identity } from '@sanshe/domain-kit';
import { entryId, entryKey, type AccountState, type Head, type LedgerEntry } from './ledger';
import type { LedgerStore } from './posting';

export interface ReconcileStore extends LedgerStore {
  /** Every account's head, from one pass over the entries. */
  heads(): Promise<Map<string, Head>>;
  transfersInFlight(accountId: string): Promise<number>;
  /** Sum of every account's postings (credits less debits), by account. */
  postedBalances(): Promise<Map<string, number>>;
  /** Sum of the account's postings whose entry on it is numbered ≤ `seq`. */
  postedBalanceOf(accountId: string, seq: number): Promise<number>;
}

export interface BalanceCorrection {
  accountId: string;
  cachedBalance: number;
  postedBalance: number;
}

export interface ReconciliationReport {
  accountsChecked: number;
  accountsInFlight: number;
  corrections: BalanceCorrection[];
  ledgerBalanceSum: number;
}

export const balanceSum = (heads: Map<string, Head>): number => [...heads.values()].reduce((sum, head) => sum + head.state.balance, 0);

function correction(accountId: string, head: Head, postedBalance: number): LedgerEntry {
  const postingId = `correction:${accountId}:${head.seq + 1}`;
  const now = new Date();
  const state: AccountState = { ...head.state, balance: postedBalance };
  return {
    _id: entryId(accountId, head.seq + 1),
    accountId,
    seq: head.seq + 1,
    key: entryKey(postingId, postedBalance >= head.state.balance ? 'CREDIT' : 'DEBIT'),
    postingId,
    kind: 'CORRECTION',
    reason: null,
    leg: postedBalance >= head.state.balance ? 'CREDIT' : 'DEBIT',
    amount: 0,
    counterAccountId: null,
    requested: null,
    capped: 0,
    note: `Reconciliation: the cached balance ${head.state.balance} was set to ${postedBalance}, the sum of the postings.`,
    rejected: null,
    ruleVersion: null,
    sourceRef: 'reconciliation',
    occurredAt: now,
    bookedAt: now,
    appliedAt: now,
    state,
  };
}

type AccountCheck = { state: 'OK' | 'IN_FLIGHT' } | ({ state: 'CORRECTED' } & BalanceCorrection);

export async function reconcileAccount(accountId: string, store: ReconcileStore): Promise<AccountCheck> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const head = await store.head(accountId);
    if ((await store.transfersInFlight(accountId)) > 0) return { state: 'IN_FLIGHT' };
    const postedBalance = await store.postedBalanceOf(accountId, head.seq);
    if (postedBalance === head.state.balance) return { state: 'OK' };
    // Written on the head it was decided on, or not at all: a newer entry means look again.
    const result = await store.append(correction(accountId, head, postedBalance));
    if ('written' in result) {
      await store.rememberHead(accountId, { seq: result.written.seq, state: result.written.state }).catch(() => undefined);
      return { state: 'CORRECTED', accountId, cachedBalance: head.state.balance, postedBalance };
    }
  }
  return { state: 'IN_FLIGHT' };
}

export async function reconcileLedger(
  identity: Identity,
  store: ReconcileStore,
  settlePending: () => Promise<void>,
): Promise<ReconciliationReport> {
  authorize(identity, { action: 'reconcile the points ledger', roles: ['DISTRICT_ADMIN'] });
  await settlePending();
  const [heads, posted] = [await store.heads(), await store.postedBalances()];
  const report: ReconciliationReport = { accountsChecked: heads.size, accountsInFlight: 0, corrections: [], ledgerBalanceSum: 0 };
  for (const [accountId, head] of heads) {
    // The bulk sums only pick the suspects; each is checked on its own.
    if (head.state.balance === (posted.get(accountId) ?? 0)) continue;
    const check = await reconcileAccount(accountId, store);
    if (check.state === 'IN_FLIGHT') report.accountsInFlight += 1;
    if (check.state === 'CORRECTED')
      report.corrections.push({ accountId: check.accountId, cachedBalance: check.cachedBalance, postedBalance: check.postedBalance });
  }
  report.ledgerBalanceSum = balanceSum(await store.heads());
  return report;
}
