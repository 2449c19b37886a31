import { COMMUNITIES, HISTORY_END, residents } from '@sanshe/seed-fixtures';
import { connectMongo, insertMissing as insertMissingDocuments, syncIndexes } from '@sanshe/service-kit';
import { CommunityDirectory } from '@sanshe/community-directory';
import type { Connection, Model } from 'mongoose';
import { loadResidentServicesConfig } from '../config';
import { CatalogueRepository } from '../data-access/catalogue-repository';
import { createModels, type ResidentServicesModels } from '../data-access/models';
import type { KnownSocialWorker, Notice, ServiceContract, ServiceOrder } from '../domain/model';
import { noticeSortKey } from '../domain/notice-queries';
import { isTerminal } from '../domain/order-status';
import { buildCatalogue } from './catalogue';
import { seededContracts } from './contracts';
import { deadlineWatchOf, numberCountersOf, providerLoadOf, statisticsOf } from './derived';
import { seededNotices } from './notices';
import { orderHistory } from './order-history';
import { seededWorkers } from './workers';

export type SeedSummary = Record<string, number>;

const BATCH = 5_000;
/** Written once the history is complete: a second run leaves the history (and what the service did since) alone. */
const HISTORY_MARKER = 'order-history-v1';

/** Inserts the documents that are not there yet, in batches; existing ones (same `_id`) are kept as they are. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function insertMissing(model: Model<any>, docs: { _id: string }[], label: string, log: (line: string) => void): Promise<void> {
  await insertMissingDocuments(model.collection, docs, { label, log, batchSize: BATCH });
}

/** What the seed writes; `seed` uses the whole demo district, tests a slice of it. */
export interface SeedData {
  residents: { _id: string; communityId: string; streetId: string }[];
  contracts: ServiceContract[];
  workers: KnownSocialWorker[];
  /** Built on demand: only when the history is not seeded yet. */
  orders: () => ServiceOrder[];
  notices: Notice[];
}

export function demoDistrict(): SeedData {
  const contracts = seededContracts();
  const workers = seededWorkers();
  return {
    residents: residents().map((r) => ({ _id: r.id, communityId: r.communityId, streetId: r.streetId })),
    contracts,
    workers,
    orders: () => orderHistory(buildCatalogue(), contracts, workers),
    notices: seededNotices(),
  };
}

/** Seeds the history once; returns how many orders went to the archive (counting them there would scan it). */
async function seedHistory(models: ResidentServicesModels, data: SeedData, log: (line: string) => void): Promise<number> {
  const markers = models.ServiceOrder.db.collection<{ _id: string; archived: number }>('seed_markers');
  const marker = await markers.findOne({ _id: HISTORY_MARKER });
  if (marker) {
    log('order history: already seeded');
    return marker.archived;
  }
  log('order history: simulating two years of service orders…');
  const orders = data.orders();
  // Finished orders go straight to the archive, as the service would have moved them.
  const finished = orders.filter((o) => isTerminal(o.status));
  const open = orders.filter((o) => !isTerminal(o.status));
  log(`order history: ${orders.length} orders, ${open.length} still open`);
  await insertMissing(models.ArchivedServiceOrder, finished, 'archived orders', log);
  await insertMissing(models.ServiceOrder, open, 'open orders', log);
  // Derived from the same orders: on a resumed run, what is already there has the same values.
  await insertMissing(models.StatisticsBucket, statisticsOf(orders), 'statistics buckets', log);
  await insertMissing(models.ProviderLoad, providerLoadOf(orders), 'provider desks', log);
  await insertMissing(models.DeadlineWatch, deadlineWatchOf(orders, HISTORY_END), 'deadline watch', log);
  await insertMissing(models.OrderNumberCounter, numberCountersOf(orders), 'order number counters', log);
  await insertMissing(
    models.Notice,
    data.notices.map((n) => ({ ...n, sortKey: noticeSortKey(n) })),
    'notices',
    log,
  );
  await markers.updateOne({ _id: HISTORY_MARKER }, { $set: { seededAt: new Date(), archived: finished.length } }, { upsert: true });
  return finished.length;
}

/**
 * Makes the stored catalogue the one defined in seed/catalogue.ts, writing only what differs:
 * the service reads its catalogue from the store, and a second run changes nothing.
 */
export function seedCatalogue(connection: Connection): Promise<{ written: number }> {
  return new CatalogueRepository(createModels(connection)).sync(buildCatalogue());
}

/** Writes `data` into the service's database on `connection`; see `seed`. */
export async function seedDatabase(
  connection: Connection,
  data: SeedData,
  log: (line: string) => void = () => undefined,
): Promise<SeedSummary> {
  const models = createModels(connection);
  const communities = new CommunityDirectory(connection);
  await seedCatalogue(connection);
  log('catalogue: 12 categories, 120 services');
  await communities.rememberAll(COMMUNITIES.map((c) => ({ _id: c.id, name: c.name, streetId: c.streetId, urban: c.urban })));
  log(`known communities: ${COMMUNITIES.length}`);
  await insertMissing(models.KnownResident, data.residents, 'known residents', log);
  await insertMissing(models.ServiceContract, data.contracts, 'service contracts', log);
  await insertMissing(models.KnownSocialWorker, data.workers, 'known social workers', log);
  const archivedOrders = await seedHistory(models, data, log);
  await syncIndexes(connection);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const count = (model: Model<any>) => model.countDocuments().exec();
  const summary: SeedSummary = {
    serviceCategories: await count(models.ServiceCategory),
    serviceItems: await count(models.ServiceItem),
    knownCommunities: await count(communities.model),
    knownResidents: await count(models.KnownResident),
    serviceContracts: await count(models.ServiceContract),
    knownSocialWorkers: await count(models.KnownSocialWorker),
    openOrders: await count(models.ServiceOrder),
    archivedOrders,
    statisticsBuckets: await count(models.StatisticsBucket),
    providersWithOpenOrders: await count(models.ProviderLoad),
    watchedOrders: await count(models.DeadlineWatch),
    notices: await count(models.Notice),
  };
  log(`done: ${JSON.stringify(summary)}`);
  return summary;
}

/**
 * Seeds resident-services' own database: the catalogue, its copies of communities,
 * residents and contracts, and two years of orders (finished ones in the archive) with their
 * statistics, providers' desks, deadline watch, number counters and notices. No events are
 * emitted for history. Idempotent: reference data is upserted or inserted when missing,
 * the history once (a marker records it).
 *
 * With `only: 'catalogue'` (`node dist/seed/index.js --catalogue`) it writes the catalogue
 * alone: the reference data every deployment needs, demo district or not, since the service
 * reads its catalogue from the store and does not write it itself.
 */
export async function seed(
  options: { env?: NodeJS.ProcessEnv; log?: (line: string) => void; only?: 'catalogue' } = {},
): Promise<SeedSummary> {
  const log = options.log ?? (() => undefined);
  const config = loadResidentServicesConfig(options.env ?? process.env);
  const connection = await connectMongo(config.MONGO_URL, config.MONGO_DB);
  try {
    log(`seeding ${config.MONGO_DB}`);
    if (options.only === 'catalogue') {
      const { written } = await seedCatalogue(connection);
      log(`catalogue: ${written} categories and services written`);
      return { catalogueWritten: written };
    }
    return await seedDatabase(connection, demoDistrict(), log);
  } finally {
    await connection.close();
  }
}

if (require.main === module) {
  const only = process.argv.includes('--catalogue') ? 'catalogue' : undefined;
  seed({ env: process.env, log: (line) => console.log(line), only }).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
