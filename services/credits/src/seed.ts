import { activityHistory, COMMUNITIES, HISTORY_END, residents } from '@sanshe/seed-fixtures';
import { CommunityDirectory, connectMongo, syncIndexes } from '@sanshe/service-kit';
import type { Model } from 'mongoose';
import { loadCreditsConfig } from './config';
import { catalogueModels } from './data-access/catalogue-models';
import { historyBookOf, ledgerModels, type AccountDoc, type LedgerModels } from './data-access/ledger-models';
import { RulesRepository } from './data-access/rules-repository';
import { entryId } from './domain/ledger';
import { DEFAULT_RULES } from './domain/rules';
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
const SEED_VERSION = 1;

/**
 * Inserts in batches. Documents already there are left alone and returned: a seed run
 * again after an interruption, or an account the service opened before the seed.
 */
async function insertAll<T extends { _id: string }>(model: Model<T>, docs: T[], log: (line: string) => void, label: string): Promise<T[]> {
  const refused: T[] = [];
  for (let i = 0; i < docs.length; i += BATCH) {
    const batch = docs.slice(i, i + BATCH);
    try {
      await model.collection.insertMany(batch as never[], { ordered: false });
    } catch (err) {
      const errors = (err as { writeErrors?: { code?: number; index: number }[] | { code?: number; index: number } }).writeErrors;
      const list = Array.isArray(errors) ? errors : errors ? [errors] : [];
      if (list.length === 0 || list.some((e) => e.code !== 11000)) throw err;
      refused.push(...list.map((e) => batch[e.index]!));
    }
    if (docs.length > BATCH) log(`  ${label}: ${Math.min(i + BATCH, docs.length)}/${docs.length}`);
  }
  return refused;
}

/**
 * An account that existed before the seed (the issuing account, opened when the service
 * started) gets its history brought forward — unless its stream already has a position 1,
 * which would mean live postings: then the seed refuses rather than fork the stream.
 */
async function bringForward(models: LedgerModels, accounts: SeededAccount[]): Promise<void> {
  for (const account of accounts.filter((a) => a.broughtForward)) {
    if (await models.Entry.exists({ _id: entryId(account._id, 1) })) {
      throw new Error(`Account ${account._id} already has live entries; seed a fresh database, before live events reach it.`);
    }
    await models.Account.collection.updateOne({ _id: account._id } as never, { $set: { broughtForward: JSON.stringify(account.broughtForward) } });
  }
}

const stored = ({ broughtForward, ...account }: SeededAccount): AccountDoc => (broughtForward ? { ...account, broughtForward: JSON.stringify(broughtForward) } : account);

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
    const models = { ...ledgerModels(connection), ...catalogueModels(connection) };
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
      { attendances: history.attendances.filter((a) => inScope(a.communityId)), volunteerShifts: history.volunteerShifts.filter((s) => inScope(s.communityId)) },
      residents().filter((r) => inScope(r.communityId)),
      DEFAULT_RULES,
      HISTORY_END,
    );
    const catalogue = planCatalogue(HISTORY_END, scope);
    log(`planned ${plan.totals.deeds} deeds into ${plan.postings.length} postings: ${plan.totals.earned} points earned, ${plan.totals.capped} held back by caps`);

    await new CommunityDirectory(connection).rememberAll(COMMUNITIES.filter((c) => inScope(c.id)).map((c) => ({ _id: c.id, name: c.name, streetId: c.streetId, urban: c.urban })));
    await new RulesRepository(models).ensureDefaults(HISTORY_END);
    // Postings and books first, the balances they explain last.
    await insertAll(models.Posting, plan.postings, log, 'postings');
    log(`postings: ${plan.postings.length}`);
    await insertAll(models.HistoryBook, plan.books.map((b) => historyBookOf(b._id, b.lines)), log, 'history books');
    const existing = await insertAll(models.Account, plan.accounts.map(stored), log, 'accounts');
    await bringForward(models, plan.accounts.filter((a) => existing.some((e) => e._id === a._id)));
    await insertAll(models.Account, catalogue.donors, log, 'donor accounts');
    log(`accounts: ${plan.accounts.length + catalogue.donors.length}`);
    await insertAll(models.Ranking, plan.rankings, log, 'rankings');
    await insertAll(models.StockEntry, catalogue.stock, log, 'stock');
    await insertAll(models.Reward, catalogue.rewards, log, 'rewards');
    log(`rewards: ${catalogue.rewards.length} from ${catalogue.donors.length} co-building units`);

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
