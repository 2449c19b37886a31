import { isDuplicateKeyError, OUTBOX_FIELD, type OutboxEntry } from '@sanshe/service-kit';
import {
  EMPTY_STATE,
  entryId,
  ISSUING_ACCOUNT_ID,
  type Account,
  type AccountKind,
  type AccountState,
  type Head,
  type LedgerEntry,
} from '../domain/ledger';
import type { EarnedMonth, EarnedPointsTally } from '../domain/earned-by-month';
import type { LedgerStore } from '../domain/posting';
import type { DonorKind } from '../domain/redemption';
import type { ReconcileStore } from '../domain/reconcile';
import type { RepairStore, UnfinishedWork } from '../domain/repair';
import type { StatementLine } from '../domain/statement';
import type { AppendResult } from '../domain/stream';
import type { Posting, Transfer, TransferOutcome, TransferSpec } from '../domain/transfer';
import { historyLinesOf, type AccountDoc, type HistoryBook, type LedgerModels, type WorkMark } from './models';
import { StreamRepository } from './stream-repository';

type Raw = Record<string, unknown>;

const plainAccount = ({ broughtForward: _b, ...account }: AccountDoc): Account => account;

async function insertOnce(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}

/** Accounts, their entries, transfers, postings and outcomes. */
export class LedgerRepository implements LedgerStore, ReconcileStore, RepairStore, EarnedPointsTally {
  private readonly streams: StreamRepository<AccountState, LedgerEntry>;

  constructor(private readonly models: LedgerModels) {
    this.streams = new StreamRepository(models.Entry, models.AccountHead, EMPTY_STATE, entryId, (ids) => this.broughtForward(ids));
  }

  /** Where seeded accounts' streams start: their history brought forward to position 1. */
  private async broughtForward(ids: string[]): Promise<Map<string, Head>> {
    const docs = await this.models.Account.find(ids.length === 1 ? { _id: ids[0] } : { _id: { $in: ids } })
      .select({ broughtForward: 1 })
      .lean<AccountDoc[]>()
      .exec();
    return new Map(
      docs.filter((d) => d.broughtForward).map((d) => [d._id, { seq: 1, state: JSON.parse(d.broughtForward!) as AccountState }]),
    );
  }

  async account(id: string): Promise<Account | null> {
    const doc = await this.models.Account.findOne({ _id: id }).lean<AccountDoc>().exec();
    return doc ? plainAccount(doc) : null;
  }

  /** One query per batch. */
  async accounts(ids: readonly string[]): Promise<Account[]> {
    return (
      await this.models.Account.find({ _id: { $in: [...ids] } })
        .lean<AccountDoc[]>()
        .exec()
    ).map(plainAccount);
  }

  private async open(
    id: string,
    kind: AccountKind,
    ownerId: string,
    communityId: string | null,
    extra: Partial<Account> = {},
  ): Promise<void> {
    await this.models.Account.collection
      .updateOne({ _id: id } as Raw, { $setOnInsert: { kind, ownerId, communityId, ...extra } }, { upsert: true })
      .catch((err: unknown) => {
        if (!isDuplicateKeyError(err)) throw err;
      });
  }

  openResidentAccount(residentId: string, communityId: string | null): Promise<void> {
    return this.open(residentId, 'RESIDENT', residentId, communityId);
  }

  openDonorAccount(unitId: string, communityId: string | null, donorKind: DonorKind): Promise<void> {
    return this.open(unitId, 'DONOR', unitId, communityId, { donorKind });
  }

  openIssuingAccount(): Promise<void> {
    return this.open(ISSUING_ACCOUNT_ID, 'ISSUING', 'district-jianxi', null);
  }

  /** A resident moved: their account follows (and is opened there if they had none). */
  async moveResident(residentId: string, communityId: string): Promise<void> {
    await this.open(residentId, 'RESIDENT', residentId, communityId);
    await this.models.Account.collection.updateOne({ _id: residentId } as Raw, { $set: { communityId } });
  }

  head(accountId: string): Promise<Head> {
    return this.streams.head(accountId);
  }

  headsOf(accountIds: readonly string[]): Promise<Map<string, Head>> {
    return this.streams.heads(accountIds);
  }

  append(entry: LedgerEntry): Promise<AppendResult<LedgerEntry>> {
    return this.streams.append(entry);
  }

  rememberHead(accountId: string, head: Head): Promise<void> {
    return this.streams.rememberHead(accountId, head);
  }

  /** Every account's head, from one pass over the accounts brought forward and one over the entries. */
  async heads(): Promise<Map<string, Head>> {
    const heads = new Map<string, Head>();
    for await (const doc of this.models.Account.find({ broughtForward: { $exists: true } })
      .select({ broughtForward: 1 })
      .lean<AccountDoc>()
      .cursor()) {
      const account = doc as AccountDoc;
      if (account.broughtForward) heads.set(account._id, { seq: 1, state: JSON.parse(account.broughtForward) as AccountState });
    }
    const cursor = this.models.Entry.find({}).select({ accountId: 1, seq: 1, state: 1 }).lean<LedgerEntry>().cursor();
    for await (const entry of cursor) {
      const e = entry as LedgerEntry;
      if ((heads.get(e.accountId)?.seq ?? 0) < e.seq) heads.set(e.accountId, { seq: e.seq, state: e.state });
    }
    return heads;
  }

  /** The account's entries up to `seq`, for a statement. */
  entriesOf(accountId: string, seq: number): Promise<LedgerEntry[]> {
    return this.models.Entry.find({ accountId, seq: { $lte: seq } })
      .sort({ seq: 1 })
      .lean<LedgerEntry[]>()
      .exec();
  }

  /** The seeded history of an account: its postings as statement lines, from its history book. */
  async historyLines(accountId: string): Promise<StatementLine[]> {
    const book = await this.models.HistoryBook.findOne({ _id: accountId }).lean<HistoryBook>().exec();
    return (book ? historyLinesOf(book) : []).map((line) => ({
      ...line,
      kind: 'EARN',
      reason: 'HISTORY',
      occurredAt: line.bookedAt,
      ruleVersion: 1,
      sourceRef: `seed:${line.postingId}`,
      counterAccountId: ISSUING_ACCOUNT_ID,
    }));
  }

  async openTransfer(spec: TransferSpec, now: Date): Promise<{ transfer: Transfer; created: boolean }> {
    const mark: WorkMark = {
      _id: `transfer:${spec._id}`,
      kind: 'TRANSFER',
      refId: spec._id,
      accounts: [spec.fromAccountId, spec.toAccountId],
      createdAt: now,
    };
    // The mark first: whatever is written after it, the maintenance will find.
    await insertOnce(() => this.models.Work.collection.insertOne(mark as unknown as Raw as never));
    const transfer: Transfer = { ...spec, bookedAt: now };
    if (await insertOnce(() => this.models.Transfer.collection.insertOne(transfer as unknown as Raw as never)))
      return { transfer, created: true };
    const first = await this.transfer(spec._id);
    if (!first) throw new Error(`transfer ${spec._id} was refused as a duplicate but cannot be read`);
    return { transfer: first, created: false };
  }

  transfer(id: string): Promise<Transfer | null> {
    return this.models.Transfer.findOne({ _id: id }).lean<Transfer>().exec();
  }

  outcome(transferId: string): Promise<TransferOutcome | null> {
    return this.models.TransferOutcome.findOne({ _id: transferId }).lean<TransferOutcome>().exec();
  }

  async recordPosting(posting: Posting): Promise<void> {
    await insertOnce(() => this.models.Posting.collection.insertOne(posting as unknown as Raw as never));
  }

  recordOutcome(outcome: TransferOutcome, events: OutboxEntry[]): Promise<boolean> {
    return insertOnce(() => this.models.TransferOutcome.create({ ...outcome, ...(events.length > 0 ? { [OUTBOX_FIELD]: events } : {}) }));
  }

  async finishTransfer(transferId: string): Promise<void> {
    await this.models.Work.deleteOne({ _id: `transfer:${transferId}` });
  }

  unfinished(olderThan: Date | null, limit: number): Promise<UnfinishedWork[]> {
    return this.models.Work.find(olderThan ? { createdAt: { $lt: olderThan } } : {})
      .sort({ createdAt: 1 })
      .limit(limit)
      .lean<UnfinishedWork[]>()
      .exec();
  }

  async dropMark(markId: string): Promise<void> {
    await this.models.Work.deleteOne({ _id: markId });
  }

  transfersInFlight(accountId: string): Promise<number> {
    return this.models.Work.countDocuments({ kind: 'TRANSFER', accounts: accountId }).exec();
  }

  async postedBalances(): Promise<Map<string, number>> {
    const [credits, debits] = await Promise.all([
      this.models.Posting.aggregate<{ _id: string; sum: number }>([{ $group: { _id: '$toAccountId', sum: { $sum: '$amount' } } }]),
      this.models.Posting.aggregate<{ _id: string; sum: number }>([{ $group: { _id: '$fromAccountId', sum: { $sum: '$amount' } } }]),
    ]);
    const balances = new Map<string, number>();
    for (const row of credits) balances.set(row._id, (balances.get(row._id) ?? 0) + row.sum);
    for (const row of debits) balances.set(row._id, (balances.get(row._id) ?? 0) - row.sum);
    return balances;
  }

  async postedBalanceOf(accountId: string, seq: number): Promise<number> {
    const postings = await this.models.Posting.find({
      $or: [
        { fromAccountId: accountId, fromSeq: { $lte: seq } },
        { toAccountId: accountId, toSeq: { $lte: seq } },
      ],
    })
      .select({ fromAccountId: 1, toAccountId: 1, amount: 1 })
      .lean<Pick<Posting, 'fromAccountId' | 'toAccountId' | 'amount'>[]>()
      .exec();
    return postings.reduce(
      (sum, p) => sum + (p.toAccountId === accountId ? p.amount : 0) - (p.fromAccountId === accountId ? p.amount : 0),
      0,
    );
  }

  /** Earning postings (seeded history included) grouped by the business month (Asia/Shanghai) they were booked in. */
  async earnedByMonth(from: Date, to: Date): Promise<EarnedMonth[]> {
    const rows = await this.models.Posting.aggregate<{ _id: string; points: number; postings: number }>([
      { $match: { kind: 'EARN', bookedAt: { $gte: from, $lt: to } } },
      {
        $group: {
          _id: { $dateToString: { format: '%Y-%m', date: '$bookedAt', timezone: '+08:00' } },
          points: { $sum: '$amount' },
          postings: { $sum: 1 },
        },
      },
    ]).exec();
    return rows.map((r) => ({ month: r._id, points: r.points, postings: r.postings }));
  }
}
