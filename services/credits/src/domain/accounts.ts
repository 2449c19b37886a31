/**
 * Reading points accounts: who may see which account, its balance and its statement. The
 * GraphQL entry point asks these functions, so reading an account is authorized here,
 * next to the use cases that write it.
 */
import { authorize, ForbiddenError, UnauthenticatedError, type Identity } from '@sanshe/domain-kit';
import { authorizeAccountRead, type Territory } from './access';
import type { Account, Head, LedgerEntry } from './ledger';
import { balanceSum } from './reconcile';
import { buildStatement, statementPeriod, type Statement, type StatementLine } from './statement';

/** What reading accounts asks of the ledger. */
export interface AccountReads {
  /** One query per batch. */
  accounts(ids: readonly string[]): Promise<Account[]>;
  headsOf(accountIds: readonly string[]): Promise<Map<string, Head>>;
  head(accountId: string): Promise<Head>;
  /** The account's entries from position `seq` on. */
  entriesOf(accountId: string, seq: number): Promise<LedgerEntry[]>;
  /** The account's seeded history as statement lines. */
  historyLines(accountId: string): Promise<StatementLine[]>;
  /** Every account's head. */
  heads(): Promise<Map<string, Head>>;
}

/** Accounts by id, for a per-request batch; callers authorize what they show. */
export const accountsById = (ids: readonly string[], ledger: Pick<AccountReads, 'accounts'>): Promise<Account[]> => ledger.accounts(ids);

/** Heads by account id (an account without entries has the empty head), for a per-request batch. */
export async function headsById(ids: readonly string[], ledger: Pick<AccountReads, 'headsOf'>): Promise<Head[]> {
  const heads = await ledger.headsOf(ids);
  return ids.map((id) => heads.get(id)!);
}

export interface AccountLookup {
  territory: Territory;
  /** An account by id (the request's loader). */
  account(id: string): Promise<Account | null>;
}

/** A resident's account, for callers allowed to see it; null when they have none yet. */
export async function residentAccount(identity: Identity, residentId: string, deps: AccountLookup): Promise<Account | null> {
  const account = await deps.account(residentId);
  await authorizeAccountRead(identity, deps.territory, residentId, account?.communityId ?? null);
  return account?.kind === 'RESIDENT' ? account : null;
}

/** The caller's own account: only a signed-in resident has one. */
export function ownAccount(identity: Identity, deps: AccountLookup): Promise<Account | null> {
  if (identity.userId === null)
    throw new UnauthenticatedError('Sign in first: to see your points account you need an authenticated caller.');
  if (!identity.residentId)
    throw new ForbiddenError('To see your own points account you need to sign in as a resident; your token names no resident.');
  return residentAccount(identity, identity.residentId, deps);
}

/**
 * The statement of an account for [from, to). Asked of an account its caller was allowed
 * to read (a field of it), so it checks the period, not the caller.
 */
export async function accountStatement(
  account: Account,
  fromText: string,
  toText: string,
  ledger: Pick<AccountReads, 'head' | 'entriesOf' | 'historyLines'>,
): Promise<Statement> {
  const { from, to } = statementPeriod(fromText, toText);
  // The head first; what is read after it holds everything up to it.
  const head = await ledger.head(account._id);
  const [entries, history] = await Promise.all([ledger.entriesOf(account._id, head.seq), ledger.historyLines(account._id)]);
  return buildStatement(account._id, head, entries, history, from, to);
}

/** The sum of every balance, zero when the ledger is whole: the district's to see. */
export async function ledgerBalanceSum(identity: Identity, ledger: Pick<AccountReads, 'heads'>): Promise<number> {
  authorize(identity, { action: 'see the sum of all balances', roles: ['DISTRICT_ADMIN'] });
  return balanceSum(await ledger.heads());
}
