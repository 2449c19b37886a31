import { randomBytes, randomUUID } from 'node:crypto';
import { connectMongo, syncIndexes } from '@sanshe/service-kit';
import { CommunityDirectory } from '@sanshe/community-directory';
import { ContractClaimRepository } from '@sanshe/social-orgs/data-access/contract-claim-repository';
import { ContractRepository } from '@sanshe/social-orgs/data-access/contract-repository';
import { createModels, type SocialOrgsModels } from '@sanshe/social-orgs/data-access/models';
import { PerformanceRepository } from '@sanshe/social-orgs/data-access/performance-repository';
import { WorkerServiceRepository } from '@sanshe/social-orgs/data-access/worker-service-repository';
import { claimAll, type ContractDeps } from '@sanshe/social-orgs/domain/contract';
import { claimsFor } from '@sanshe/social-orgs/domain/contract-claims';
import type { Connection } from 'mongoose';

describe('the stores that keep contracts and KPIs consistent without transactions', () => {
  let connection: Connection;
  let models: SocialOrgsModels;
  let deps: ContractDeps;

  beforeAll(async () => {
    connection = await connectMongo(process.env.MONGO_URL!, `t${randomBytes(4).toString('hex')}_social_orgs_stores`);
    models = createModels(connection);
    await syncIndexes(connection);
    deps = {
      store: new ContractRepository(models, new CommunityDirectory(connection)),
      claims: new ContractClaimRepository(models),
      events: {
        create: () => {
          throw new Error('no events here');
        },
      },
      claimGraceMs: 60_000,
    };
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  const claimsOf = (contractId: string, startsOn: string, endsOn: string, claimedAt = new Date()) =>
    claimsFor(
      {
        contractId,
        signingId: `s-${contractId}`,
        providerOrgId: 'org-x',
        itemCodes: ['C01-01', 'C01-02'],
        communityIds: ['community-001', 'community-002'],
        startsOn,
        endsOn,
      },
      claimedAt,
    );

  it("lets exactly one of many simultaneous overlapping claimers through and leaves none of the losers' claims behind", async () => {
    // Every period contains June 2027, so any two overlap.
    const periods = [
      ['2027-01-01', '2027-12-31'],
      ['2027-06-01', '2028-05-31'],
      ['2027-03-01', '2027-06-30'],
      ['2026-12-01', '2027-06-30'],
      ['2027-06-01', '2027-06-30'],
      ['2027-02-01', '2027-08-31'],
    ];
    const results = await Promise.allSettled(periods.map(([s, e], i) => claimAll(claimsOf(`c${i}`, s!, e!), deps)));
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CONFLICT' });
    const stored = await models.ContractClaim.find().lean();
    const winner = claimsOf(`c${won[0]}`, periods[won[0]!]![0]!, periods[won[0]!]![1]!);
    expect(stored.map((c) => c._id).sort()).toEqual(winner.map((c) => c._id).sort());
    expect(new Set(stored.map((c) => c.contractId))).toEqual(new Set([`c${won[0]}`]));
  });

  it('takes over claims left behind by a signing that never wrote its contract', async () => {
    const orphaned = claimsOf('crashed', '2030-01-01', '2030-06-30', new Date(Date.now() - 10 * 60_000));
    await models.ContractClaim.collection.insertMany(orphaned as never[]);
    await expect(claimAll(claimsOf('next', '2030-03-01', '2030-12-31'), deps)).resolves.toBeUndefined();
    const march = await models.ContractClaim.findById('org-x|C01-01|community-001|2030-03').lean();
    expect(march?.contractId).toBe('next');
    expect((await models.ContractClaim.findById('org-x|C01-01|community-001|2030-01').lean())?.contractId).toBe('crashed');
  });

  it('applies a closed order to the KPI counters once per event id, even when redelivered past the consumer marker', async () => {
    const repo = new PerformanceRepository(models);
    const order = {
      eventId: randomUUID(),
      contractId: 'contract-kpi',
      resolvedOnTime: true,
      satisfaction: 4,
      closedAt: new Date('2026-12-01T00:00:00Z'),
    };
    expect(await repo.apply(order)).toBe(true);
    expect(await repo.apply(order)).toBe(false);
    await repo.apply({
      ...order,
      eventId: randomUUID(),
      resolvedOnTime: false,
      satisfaction: 2,
      closedAt: new Date('2026-11-30T00:00:00Z'),
    });
    expect(await repo.apply(order)).toBe(false);
    const [counters] = await repo.byContracts(['contract-kpi']);
    expect(counters).toMatchObject({
      ordersCompleted: 2,
      ordersOnTime: 1,
      satisfactionSum: 6,
      lastClosedAt: new Date('2026-12-01T00:00:00Z'),
    });
  });

  it("counts a served order into the worker's year once per event id, a redelivery and a racing first insert included", async () => {
    const repo = new WorkerServiceRepository(models);
    const order = { eventId: randomUUID(), socialWorkerId: 'sw-served', year: 2026, satisfaction: 5 };
    const [first, racing] = await Promise.all([repo.applyServed(order), repo.applyServed(order)]);
    expect([first, racing].sort()).toEqual([false, true]);
    expect(await repo.applyServed({ ...order, eventId: randomUUID(), satisfaction: 3 })).toBe(true);
    expect(await repo.applyServed(order)).toBe(false);
    expect(await repo.applyServed({ ...order, eventId: randomUUID(), year: 2025 })).toBe(true);
    expect(await repo.ofWorkers(['sw-served'])).toEqual([
      { _id: 'sw-served:2026', socialWorkerId: 'sw-served', year: 2026, ordersServed: 2, satisfactionSum: 8 },
      { _id: 'sw-served:2025', socialWorkerId: 'sw-served', year: 2025, ordersServed: 1, satisfactionSum: 5 },
    ]);
  });
});
