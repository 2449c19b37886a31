/**
 * Two OS processes of resident-services on one store: the SLA sweep (督办) and the archiving
 * each run once per period across both, not once per process. Each run logs its job, period
 * and holder; the count per period is the evidence.
 */
import { eventually } from '@sanshe/test-env';
import { dropDatabases, fleet, jobRuns, startGroupsAtTheEnd, startReplicas, type Replica } from './fleet';

const GROUPS = {
  'resident-services.read-models': ['sanshe.registry.v1', 'sanshe.social-orgs.v1'],
  'resident-services.order-projections': ['sanshe.resident-services.v1'],
};
const JOBS = ['resident-services.sla-sweep', 'resident-services.order-archive'];
const PERIODS = 6;

const f = fleet({ SLA_SWEEP_MS: '1000' });
let replicas: Replica[] = [];

beforeAll(async () => {
  await startGroupsAtTheEnd(f.prefix, GROUPS);
  replicas = await startReplicas(f, [
    { service: 'resident-services', label: 'resident-services-a' },
    { service: 'resident-services', label: 'resident-services-b' },
  ]);
}, 180_000);

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop()));
  await dropDatabases(f, ['resident-services']);
}, 60_000);

it('runs the SLA sweep and the archiving once per period across two replicas', async () => {
  const runsOf = (job: string) => jobRuns(replicas).filter((r) => r.job === job);
  await eventually(
    async () => JOBS.every((job) => new Set(runsOf(job).map((r) => r.period)).size >= PERIODS),
    60_000,
    `${PERIODS} periods of each job`,
  );

  for (const job of JOBS) {
    const runs = runsOf(job);
    const perPeriod = new Map<number, string[]>();
    for (const run of runs) perPeriod.set(run.period, [...(perPeriod.get(run.period) ?? []), run.holder]);
    const twice = [...perPeriod].filter(([, holders]) => holders.length > 1);
    expect(twice).toEqual([]);
    // Consecutive periods: a lease taken and not run would show as a gap.
    const periods = [...perPeriod.keys()].sort((a, b) => a - b);
    expect(periods.at(-1)! - periods[0]! + 1).toBe(periods.length);
  }
  // Each replica is a candidate every period; over a dozen draws both win some.
  expect(new Set(JOBS.flatMap((job) => runsOf(job).map((r) => r.holder))).size).toBe(2);
});
