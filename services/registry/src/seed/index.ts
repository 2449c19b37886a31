/**
 * Seeds the registry's own database from @sanshe/seed-fixtures: 11 streets, 71
 * communities with their regional party committees, 338 co-building party
 * organizations, their members and service posts, co-building projects, the
 * 24,000 residents, and the platform's centres, investments and terminals.
 * Deterministic and idempotent: documents are inserted only where missing (nothing
 * already there is overwritten), and a marker skips a finished seed.
 * Writes directly, without events: this is history, not news.
 */
import { connectMongo, insertMissing as insertMissingDocuments, syncIndexes } from '@sanshe/service-kit';
import type { mongo } from 'mongoose';
import { loadRegistryConfig } from '../config';
import { createModels } from '../data-access/models';
import { StatisticsRepository } from '../data-access/statistics-repository';
import { districtOverview } from '../domain/statistics';
import { buildSeedData, SEEDED_AT } from './seed-data';
import { buildPlatformSeed } from './seed-platform';

export type SeedSummary = Record<string, number>;

export interface SeedOptions {
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

/** Bump when the seeded data changes, so an older seed is completed on the next run. */
const SEED_VERSION = 3;
const MARKER_ID = 'registry';
const BATCH = 5_000;

const stamped = <T extends object>(doc: T) => ({ ...doc, createdAt: SEEDED_AT, updatedAt: SEEDED_AT });

/**
 * Plain inserts in batches; documents already there are left alone (their duplicate-key
 * refusals are expected). A batch whose first and last documents exist was inserted
 * before (inserts go in order), so a repeated seed skips it with two key lookups.
 */
async function insertMissing(
  collection: mongo.Collection,
  docs: { _id: string }[],
  progress: (line: string) => void,
  label: string,
): Promise<number> {
  return (
    await insertMissingDocuments(collection, docs.map(stamped), { label, log: progress, batchSize: BATCH, skipBatchesAlreadyThere: true })
  ).inserted;
}

export async function seed(options: SeedOptions = {}): Promise<SeedSummary> {
  const log = options.log ?? (() => undefined);
  const config = loadRegistryConfig(options.env ?? process.env);
  const connection = await connectMongo(config.MONGO_URL, config.MONGO_DB);
  try {
    const models = createModels(connection);
    await syncIndexes(connection);
    const markers = connection.collection<{ _id: string; version: number; completedAt: Date }>('seed_state');
    const marker = await markers.findOne({ _id: MARKER_ID });
    if (marker && marker.version >= SEED_VERSION) {
      log(`registry: already seeded (version ${marker.version}) in ${config.MONGO_DB}; nothing to do`);
    } else {
      log(`registry: building seed data from the fixtures`);
      const data = buildSeedData();
      const platform = buildPlatformSeed();
      const steps: [string, mongo.Collection, { _id: string }[]][] = [
        ['streets', models.Street.collection, data.streets],
        ['communities', models.Community.collection, data.communities],
        ['party organizations', models.PartyOrganization.collection, data.partyOrganizations],
        ['service posts', models.ServicePost.collection, data.servicePosts],
        ['project needs', models.ProjectNeed.collection, data.projectNeeds],
        ['resource offers', models.ResourceOffer.collection, data.resourceOffers],
        ['party members', models.PartyMember.collection, data.partyMembers],
        ['community centres', models.CommunityCentre.collection, platform.centres],
        ['investments', models.Investment.collection, platform.investments],
        ['terminals', models.Terminal.collection, platform.terminals],
        ['district linkage meetings', models.DistrictLinkageMeeting.collection, data.districtLinkageMeetings],
      ];
      for (const [what, collection, docs] of steps) {
        const inserted = await insertMissing(collection, docs, () => undefined, what);
        log(`registry: ${what}: ${docs.length} (${inserted} new)`);
      }
      const residents = await insertMissing(models.Resident.collection, data.residents, (line) => log(`registry: ${line}`), 'residents');
      log(`registry: residents: ${data.residents.length} (${residents} new)`);
      await markers.updateOne({ _id: MARKER_ID }, { $set: { version: SEED_VERSION, completedAt: SEEDED_AT } }, { upsert: true });
    }
    const overview = districtOverview(await new StatisticsRepository(models).overviewSource());
    // Residents are counted by the communities' counters, the figure the overview shows.
    const summary: SeedSummary = {
      ...overview,
      servicePosts: await models.ServicePost.countDocuments(),
      resourceOffers: await models.ResourceOffer.countDocuments(),
      projectNeeds: await models.ProjectNeed.countDocuments(),
    };
    log(
      `registry: seeded ${Object.entries(summary)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
    );
    return summary;
  } finally {
    await connection.close();
  }
}

if (require.main === module) {
  seed({ log: (line) => console.log(line) }).then(
    () => process.exit(0),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
