import { activityHistory, COMMUNITIES, HISTORY_END, residents } from '@sanshe/seed-fixtures';
import { connectMongo, insertMissing, syncIndexes } from '@sanshe/service-kit';
import { CommunityDirectory } from '@sanshe/community-directory';
import type { Model } from 'mongoose';
import { loadCreditsConfig } from '../config';
import { creditsModels, historyBookOf, type AccountDoc, type LedgerModels } from '../data-access/models';
import { LedgerRepository } from '../data-access/ledger-repository';
import { RulesRepository } from '../data-access/rules-repository';
import { entryId, entryKey, withHistory, type LedgerEntry, type Leg } from '../domain/ledger';
import { appendOnce } from '../domain/stream';
import { DEFAULT_RULES } from '../domain/rules';
import { planCatalogue } from './seed-catalogue';
import { planHistory, type SeededAccount } from './seed-plan';

export type SeedSummary = Record<string, number>;

export interface SeedOptions {
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /** Seed only these communities' residents, history and rewards (tests); all when omitted. */
  communities?: string[];
}

const BATCH = 5_000;
const MARKER = 'credits-history';
const SEED_VERSION = 2;

/**
 * Inserts in batches. Documents already there are left alone and returned: a seed run
 * again after an interruption, or an account the service opened before the seed.
 */
async function insertAll<T extends { _id: string }>(model: Model<T>, docs: T[], log: (line: string) => void, label: string): Promise<T[]> {
  return (await insertMissing(model.collection, docs, { label: `  ${label}`, log, batchSize: BATCH })).existing;
}

/**
 * An account that existed before the seed — the issuing account, opened when the service
 * started, or one live events opened — cannot take its history as position 1: entries may
 * be there already, or be written while the seed runs. Its history is appended instead, as
 * an OPENING entry on whatever its head is (an insert, like every entry: safe under live
 * traffic, and written once). Returns the position each history landed at.
 */
async function bringForward(ledger: LedgerRepository, models: LedgerModels, accounts: SeededAccount[]): Promise<Map<string, number>> {
  const positions = new Map<string, number>();
  for (const account of accounts) {
    const history = account.broughtForward;
    if (!history) continue;
    const existing = await models.Account.findOne({ _id: account._id }).select({ broughtForward: 1 }).lean<AccountDoc>().exec();
    // An interrupted seed that got as far as inserting it: brought forward already.
    if (existing?.broughtForward) continue;
    const postingId = `opening:${account._id}`;
    const leg: Leg = history.balance >= 0 ? 'CREDIT' : 'DEBIT';
    const entry = await appendOnce(ledger, account._id, (head): LedgerEntry => ({
      _id: entryId(account._id, head.seq + 1),
      accountId: account._id,
      seq: head.seq + 1,
      key: entryKey(postingId, leg),
      postingId,
      kind: 'OPENING',
      reason: 'HISTORY',
      leg,
      amount: history.balance,
      counterAccountId: null,
      requested: null,
      capped: 0,
      note: 'Balance brought forward from the seeded history.',
      rejected: null,
      ruleVersion: 1,
      sourceRef: 'seed:history',
      occurredAt: HISTORY_END,
      bookedAt: HISTORY_END,
      appliedAt: new Date(),
      state: withHistory(head.state, history),
    }));
    positions.set(account._id, entry.seq);
  }
  return positions;
}

const stored = ({ broughtForward, ...account }: SeededAccount): AccountDoc =>
  broughtForward ? { ...account, broughtForward: JSON.stringify(broughtForward) } : account;

/**
 * Seeds the credits database from @sanshe/seed-fixtures: an account for every resident,
 * the history's capped monthly postings brought forward into the accounts, a history book
 * per account, the rankings, the reward catalogue with its donor units, version 1 of the
 * earning rules and the known communities — see seed-plan.ts. Running it again changes
 * nothing (a marker records the finished seed).
 */
export async function seed(options: SeedOptions = {}): Promise<SeedSummary> {
  const config = loadCreditsConfig(options.env ?? process.env);
  const log = options.log ?? (() => undefined);
  const connection = await connectMongo(config.MONGO_URL, config.MONGO_DB);
  try {
    const models = creditsModels(connection);
    // Registered before the indexes are synced: a model first built later would create its
    // collection (autoIndex) while the first write creates it too, which the Mongo-wire store refuses.
    const directory = new CommunityDirectory(connection);
    await syncIndexes(connection);
    const marker = await models.SeedMarker.findOne({ _id: MARKER }).lean().exec();
    if (marker?.version === SEED_VERSION) {
      log(`credits already seeded at ${marker.seededAt.toISOString()}; nothing to do`);
      return marker.summary;
    }

    const scope = options.communities ? new Set(options.communities) : undefined;
    const inScope = (communityId: string) => !scope || scope.has(communityId);
    const history = activityHistory();
    const plan = planHistory(
      {
        attendances: history.attendances.filter((a) => inScope(a.communityId)),
        volunteerShifts: history.volunteerShifts.filter((s) => inScope(s.communityId)),
      },
      residents().filter((r) => inScope(r.communityId)),
      DEFAULT_RULES,
      HISTORY_END,
    );
    const catalogue = planCatalogue(HISTORY_END, scope);
    log(
      `planned ${plan.totals.deeds} deeds into ${plan.postings.length} postings: ${plan.totals.earned} points earned, ${plan.totals.capped} held back by caps`,
    );

    await directory.rememberAll(
      COMMUNITIES.filter((c) => inScope(c.id)).map((c) => ({ _id: c.id, name: c.name, streetId: c.streetId, urban: c.urban })),
    );
    await new RulesRepository(models).ensureDefaults(HISTORY_END);
    const existing = new Set((await insertAll(models.Account, plan.accounts.map(stored), log, 'accounts')).map((a) => a._id));
    const positions = await bringForward(
      new LedgerRepository(models),
      models,
      plan.accounts.filter((a) => existing.has(a._id)),
    );
    await insertAll(models.Account, catalogue.donors, log, 'donor accounts');
    log(`accounts: ${plan.accounts.length + catalogue.donors.length}`);
    // Each history posting names the position its legs were brought forward at (reconciliation counts by it).
    const postings = plan.postings.map((p) => ({
      ...p,
      fromSeq: positions.get(p.fromAccountId) ?? 1,
      toSeq: positions.get(p.toAccountId) ?? 1,
    }));
    await insertAll(models.Posting, postings, log, 'postings');
    log(`postings: ${postings.length}`);
    await insertAll(
      models.HistoryBook,
      plan.books.map((b) => historyBookOf(b._id, b.lines)),
      log,
      'history books',
    );
    await insertAll(models.Ranking, plan.rankings, log, 'rankings');
    await insertAll(models.StockEntry, catalogue.stock, log, 'stock');
    await insertAll(models.Reward, catalogue.rewards, log, 'rewards');
    // A catalogue seeded before the campaign existed gets its links; links set since are kept.
    const linked = catalogue.rewards.filter((r) => r.campaignId);
    for (const campaignId of new Set(linked.map((r) => r.campaignId!))) {
      const ids = linked.filter((r) => r.campaignId === campaignId).map((r) => r._id);
      await models.Reward.updateMany({ _id: { $in: ids }, campaignId: { $exists: false } }, { $set: { campaignId } }).exec();
    }
    log(`rewards: ${catalogue.rewards.length} from ${catalogue.donors.length} donors (co-building units and social organizations)`);

    const summary: SeedSummary = {
      knownCommunities: scope ? scope.size : COMMUNITIES.length,
      accounts: plan.accounts.length + catalogue.donors.length,
      residentAccounts: plan.accounts.filter((a) => a.kind === 'RESIDENT').length,
      donorAccounts: catalogue.donors.length,
      postings: plan.postings.length,
      historyDeeds: plan.totals.deeds,
      pointsEarned: plan.totals.earned,
      pointsCapped: plan.totals.capped,
      ledgerBalanceSum: plan.accounts.reduce((sum, a) => sum + (a.broughtForward?.balance ?? 0), 0),
      rewards: catalogue.rewards.length,
      rewardStock: catalogue.stock.reduce((sum, s) => sum + s.state.stock, 0),
      rankings: plan.rankings.length,
    };
    await models.SeedMarker.create({ _id: MARKER, version: SEED_VERSION, seededAt: new Date(), summary });
    log(`credits seeded: ${JSON.stringify(summary)}`);
    return summary;
  } finally {
    await connection.close();
  }
}

if (require.main === module) {
  seed({ log: (line) => console.log(line) }).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
