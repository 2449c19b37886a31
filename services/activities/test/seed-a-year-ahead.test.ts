import { communityByName, districtToday } from '@sanshe/seed-fixtures';
import { startStack, type Stack } from '@sanshe/test-env';
import { stopAndDrop } from './helpers';

/**
 * The demo district must not go stale: a seed that runs a year from now still has activities
 * ahead of it. The seed's calendar is read when the fixtures load, so the seed is loaded afresh
 * with SEED_AS_OF pinned to that day.
 */
describe('the seed, run a year from now', () => {
  let stack: Stack;
  const asOf = districtToday(new Date(Date.now() + 365 * 86_400_000));
  const wuhanRoad = communityByName('武汉路社区');

  beforeAll(async () => {
    stack = await startStack(['activities']);
    let seedAsOf!: typeof import('@sanshe/activities/seed').seed;
    const before = process.env.SEED_AS_OF;
    process.env.SEED_AS_OF = asOf;
    try {
      jest.isolateModules(() => {
        // jest.isolateModules needs a require: a fresh module instance under the clock this test sets.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        seedAsOf = (require('@sanshe/activities/seed') as typeof import('@sanshe/activities/seed')).seed;
      });
    } finally {
      if (before === undefined) delete process.env.SEED_AS_OF;
      else process.env.SEED_AS_OF = before;
    }
    await seedAsOf({ env: { ...stack.env, MONGO_DB: stack.services.activities!.connection.name } });
  }, 240_000);
  afterAll(() => stopAndDrop(stack), 120_000);

  it('still lists upcoming activities after that day, and none of its history', async () => {
    const query = `query($filter: ActivityFilter) { activities(filter: $filter, first: 20) { edges { node { title startsAt } } } }`;
    const ahead = await stack.query<{ activities: { edges: { node: { title: string; startsAt: string } }[] } }>(query, {
      filter: { communityId: wuhanRoad.id, startsFrom: `${asOf}T00:00:00+08:00` },
    });
    expect(ahead.errors).toBeUndefined();
    const titles = ahead.data!.activities.edges.map((e) => e.node.title);
    expect(titles).toEqual(expect.arrayContaining(['社区睦邻学堂·智能手机课', '百姓茶馆·议事会']));
    for (const { node } of ahead.data!.activities.edges) expect(node.startsAt > `${asOf}`).toBe(true);
  });
});
