import { connectMongo, insertMissing as insertMissingDocuments, syncIndexes } from '@sanshe/service-kit';
import { CommunityDirectory } from '@sanshe/community-directory';
import type { Model } from 'mongoose';
import { loadSocialOrgsConfig } from '../config';
import { createModels } from '../data-access/models';
import { SEEDED_AT, seedDocuments } from './data';
import { partyBuildingDocuments } from './party-building';

/** How many of each seeded kind exist after the run. */
export type SeedSummary = Record<string, number>;

const BATCH = 5_000;

/**
 * Inserts every document whose `_id` is not taken yet and leaves existing ones alone, so
 * running the seed twice changes nothing and never overwrites what the API changed since.
 * Plain unordered inserts, with duplicates ignored: the store checks `_id` on its primary
 * key, where a lookup of existing ids first would scan the collection.
 */
async function insertMissing<T extends { _id: string }>(model: Model<T>, docs: T[], timestamps: boolean): Promise<void> {
  const stamped = timestamps ? docs.map((d) => ({ ...d, createdAt: SEEDED_AT, updatedAt: SEEDED_AT })) : docs;
  await insertMissingDocuments(model.collection, stamped, { label: model.collection.collectionName, batchSize: BATCH });
}

/** Seeds the social-orgs database from @sanshe/seed-fixtures; see data.ts for what. */
export async function seed(options: { env?: NodeJS.ProcessEnv; log?: (line: string) => void } = {}): Promise<SeedSummary> {
  const config = loadSocialOrgsConfig(options.env ?? process.env);
  const log = options.log ?? (() => undefined);
  const connection = await connectMongo(config.MONGO_URL, config.MONGO_DB);
  try {
    const models = createModels(connection);
    const directory = new CommunityDirectory(connection);
    await syncIndexes(connection);
    const docs = seedDocuments();

    await directory.rememberAll(docs.knownCommunities);
    log(`known communities: ${docs.knownCommunities.length}`);
    await insertMissing(models.ServiceCentre, docs.centres, false);
    log(`service centres: ${docs.centres.length}`);
    await insertMissing(models.Organization, docs.organizations, true);
    log(`social organizations: ${docs.organizations.length}`);
    await insertMissing(models.AnnualReview, docs.annualReviews, false);
    log(`annual reviews: ${docs.annualReviews.length}`);
    await insertMissing(models.SocialWorker, docs.workers, true);
    await insertMissing(models.Evaluation, docs.evaluations, false);
    log(`social workers: ${docs.workers.length}, evaluations: ${docs.evaluations.length}`);
    // Claims before contracts, as a signing claims before it writes its contract; so an
    // existing contract means its claims are in place, and only missing contracts claim.
    const signed = new Set<string>();
    for (const c of docs.contracts) if (await models.ServiceContract.exists({ _id: c._id })) signed.add(c._id);
    await insertMissing(
      models.ContractClaim,
      docs.claims.filter((c) => !signed.has(c.contractId)),
      false,
    );
    await insertMissing(models.ServiceContract, docs.contracts, true);
    log(`service contracts: ${docs.contracts.length} (item-community-month claims: ${docs.claims.length})`);
    const partyBuilding = partyBuildingDocuments(SEEDED_AT);
    await insertMissing(models.JointMeeting, partyBuilding.meetings, false);
    await insertMissing(models.OrganizationSupport, partyBuilding.support, false);
    await insertMissing(models.OrganizationEvaluation, partyBuilding.evaluations, false);
    await insertMissing(models.PartyTrainingCourse, partyBuilding.courses, false);
    await insertMissing(models.CourseAttendance, partyBuilding.attendance, false);
    log(`party-member and key-staff courses: ${partyBuilding.courses.length}, attendances: ${partyBuilding.attendance.length}`);
    log(
      `joint party-building meetings: ${partyBuilding.meetings.length}, support records: ${partyBuilding.support.length}, organization evaluations: ${partyBuilding.evaluations.length}`,
    );

    // What the seed guarantees exists now (counting the collections would scan them).
    const branches = docs.organizations.filter((o) => o.partyCoverage && o.partyCoverage.mode !== 'INSTRUCTOR');
    const summary: SeedSummary = {
      knownCommunities: docs.knownCommunities.length,
      serviceCentres: docs.centres.length,
      socialOrganizations: docs.organizations.length,
      hubs: docs.organizations.filter((o) => o.kind === 'HUB').length,
      partyBranches: new Set(branches.map((o) => o.partyCoverage!.partyOrganizationId)).size,
      partyMembersInBranches: branches.reduce((n, o) => n + o.partyCoverage!.partyMembers, 0),
      annualReviews: docs.annualReviews.length,
      socialWorkers: docs.workers.length,
      evaluations: docs.evaluations.length,
      serviceContracts: docs.contracts.length,
      contractClaims: docs.claims.length,
    };
    log(`social-orgs seeded: ${JSON.stringify(summary)}`);
    return summary;
  } finally {
    await connection.close();
  }
}

if (require.main === module) {
  seed({ env: process.env, log: (line) => console.log(line) }).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
