import { modelOn, outboxPlugin } from '@sanshe/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Account, AccountState, LedgerEntry } from '../../domain/ledger';
import type { UnfinishedWork } from '../../domain/repair';
import type { RankEntry } from '../../domain/ranking';
import type { EarningRules } from '../../domain/rules';
import type { HistoryLine } from '../../domain/statement';
import type { Posting, Transfer, TransferOutcome } from '../../domain/transfer';
import type { HeadHint } from './head-hint';

/**
 * The ledger's collections. Entries, postings, transfers, outcomes and history books are
 * written once (inserts; a unique index refuses a second); the relay's clearing of an
 * outcome's outbox is the only update they see. Marks of unfinished work are inserted and
 * deleted. Head hints are the one thing updated in place, and only as a hint.
 */
const tally = new Schema({ period: String, points: Number }, { _id: false });
const stateSchema = new Schema<AccountState>(
  {
    balance: Number,
    earnedTotal: Number,
    outflow: Number,
    days: { type: [tally], default: undefined },
    months: { type: [tally], default: undefined },
  },
  { _id: false },
);

/**
 * An account as stored. A seeded account carries, as JSON text, the state its history
 * brings forward to position 1 of its stream: written once by the seed, never changed.
 * (JSON text: it is read whole, once, when the stream starts, and never queried into.)
 */
export interface AccountDoc extends Account {
  broughtForward?: string | null;
}

const accountSchema = new Schema<AccountDoc>(
  {
    _id: String,
    kind: { type: String, required: true },
    ownerId: { type: String, required: true },
    communityId: { type: String, default: null },
    donorKind: { type: String, default: undefined },
    broughtForward: { type: String, default: undefined },
  },
  { collection: 'accounts', versionKey: false },
);
accountSchema.index({ kind: 1, communityId: 1 });

const headSchema = new Schema<HeadHint<AccountState>>(
  { _id: String, seq: Number, state: stateSchema },
  { collection: 'account_heads', versionKey: false },
);

const entrySchema = new Schema<LedgerEntry>(
  {
    _id: String,
    accountId: { type: String, required: true },
    seq: { type: Number, required: true },
    key: { type: String, required: true },
    postingId: String,
    kind: String,
    reason: String,
    leg: String,
    amount: Number,
    counterAccountId: String,
    requested: Number,
    capped: Number,
    note: String,
    rejected: String,
    ruleVersion: Number,
    sourceRef: String,
    occurredAt: Date,
    bookedAt: Date,
    appliedAt: Date,
    state: stateSchema,
  },
  { collection: 'entries', versionKey: false },
);
entrySchema.index({ key: 1 }, { unique: true });
entrySchema.index({ accountId: 1, seq: 1 });

const postingSchema = new Schema<Posting>(
  {
    _id: String,
    kind: String,
    reason: String,
    fromAccountId: { type: String, required: true },
    toAccountId: { type: String, required: true },
    amount: { type: Number, required: true },
    requested: Number,
    capped: Number,
    note: String,
    ruleVersion: Number,
    sourceRef: String,
    sourceEventId: String,
    occurredAt: Date,
    bookedAt: Date,
    postedAt: Date,
    fromSeq: Number,
    toSeq: Number,
  },
  { collection: 'postings', versionKey: false },
);
postingSchema.index({ fromAccountId: 1, fromSeq: 1 });
postingSchema.index({ toAccountId: 1, toSeq: 1 });
// pointsEarnedByMonth: the district's earnings of a period, without scanning spending and expiry.
postingSchema.index({ kind: 1, bookedAt: 1 });

const transferSchema = new Schema<Transfer>(
  {
    _id: String,
    kind: String,
    reason: String,
    fromAccountId: String,
    toAccountId: String,
    requested: Number,
    ruleVersion: Number,
    caps: { type: new Schema({ daily: Number, monthly: Number }, { _id: false }), default: null },
    expireUpTo: String,
    sourceRef: String,
    sourceEventId: String,
    residentId: String,
    communityId: String,
    note: String,
    occurredAt: Date,
    bookedAt: Date,
  },
  { collection: 'transfers', versionKey: false },
);

const outcomeSchema = new Schema<TransferOutcome>(
  { _id: String, state: String, amount: Number, capped: Number, rejection: String, settledAt: Date },
  { collection: 'transfer_outcomes', versionKey: false },
);
outcomeSchema.plugin(outboxPlugin);

export type WorkMark = UnfinishedWork & { accounts: string[] };

const workSchema = new Schema<WorkMark>(
  { _id: String, kind: String, refId: String, accounts: [String], createdAt: Date },
  { collection: 'unfinished_work', versionKey: false },
);
workSchema.index({ createdAt: 1 });
workSchema.index({ accounts: 1 });

/** An account's seeded history (`_id`: the account id); `lines` is JSON text of HistoryLine[]. */
export interface HistoryBook {
  _id: string;
  lines: string;
}

const historySchema = new Schema<HistoryBook>({ _id: String, lines: String }, { collection: 'history_books', versionKey: false });

export const historyBookOf = (accountId: string, lines: HistoryLine[]): HistoryBook => ({ _id: accountId, lines: JSON.stringify(lines) });
export const historyLinesOf = (book: HistoryBook): HistoryLine[] =>
  (JSON.parse(book.lines) as (Omit<HistoryLine, 'bookedAt'> & { bookedAt: string })[]).map((line) => ({
    ...line,
    bookedAt: new Date(line.bookedAt),
  }));

export type RulesDoc = EarningRules & { _id: string };

const rulesSchema = new Schema<RulesDoc>(
  {
    _id: String,
    version: { type: Number, required: true },
    attendancePoints: Number,
    pointsPerVolunteerHour: Number,
    orderHelpPoints: Number,
    dailyCap: Number,
    monthlyCap: Number,
    expiryMonths: { type: Number, default: null },
    updatedAt: Date,
    updatedBy: { type: String, default: null },
  },
  { collection: 'earning_rules', versionKey: false },
);
rulesSchema.index({ version: -1 }, { unique: true });

export interface RankingDoc {
  _id: string;
  top: RankEntry[];
  /** Bumped by every rewrite, which is conditional on it (absent on seeded rankings). */
  version?: number;
}

const rankingSchema = new Schema<RankingDoc>(
  { _id: String, top: { type: [new Schema({ residentId: String, earned: Number }, { _id: false })], default: undefined }, version: Number },
  { collection: 'community_rankings', versionKey: false },
);

export interface SeedMarker {
  _id: string;
  version: number;
  seededAt: Date;
  summary: Record<string, number>;
}

const seedMarkerSchema = new Schema<SeedMarker>(
  { _id: String, version: Number, seededAt: Date, summary: Schema.Types.Mixed },
  { collection: 'seed_markers', versionKey: false },
);

export interface LedgerModels {
  Account: Model<AccountDoc>;
  AccountHead: Model<HeadHint<AccountState>>;
  Entry: Model<LedgerEntry>;
  Posting: Model<Posting>;
  Transfer: Model<Transfer>;
  TransferOutcome: Model<TransferOutcome>;
  Work: Model<WorkMark>;
  HistoryBook: Model<HistoryBook>;
  Rules: Model<RulesDoc>;
  Ranking: Model<RankingDoc>;
  SeedMarker: Model<SeedMarker>;
}

export function ledgerModels(connection: Connection): LedgerModels {
  return {
    Account: modelOn(connection, 'Account', accountSchema),
    AccountHead: modelOn(connection, 'AccountHead', headSchema),
    Entry: modelOn(connection, 'Entry', entrySchema),
    Posting: modelOn(connection, 'Posting', postingSchema),
    Transfer: modelOn(connection, 'Transfer', transferSchema),
    TransferOutcome: modelOn(connection, 'TransferOutcome', outcomeSchema),
    Work: modelOn(connection, 'UnfinishedWork', workSchema),
    HistoryBook: modelOn(connection, 'HistoryBook', historySchema),
    Rules: modelOn(connection, 'EarningRules', rulesSchema),
    Ranking: modelOn(connection, 'CommunityRanking', rankingSchema),
    SeedMarker: modelOn(connection, 'SeedMarker', seedMarkerSchema),
  };
}
