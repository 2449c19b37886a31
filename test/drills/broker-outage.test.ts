/**
 * Stops the real broker, runs a mutation, restarts the broker: the mutation succeeds
 * while Kafka is down, and its event arrives — and takes effect — exactly once after.
 * Runs alone (see scripts/test.js) because it stops the broker every suite shares.
 */
import { eventually, startStack, type Stack } from '@sanshe/test-env';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const infra = require('../../infra/local/infra.js') as { stopKafka(): Promise<unknown>; startKafka(opts?: object): Promise<unknown> };

const COUNT = `query($id: ID!) { community(id: $id) { publishedActivityCount } }`;

describe('a broker outage', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(['registry', 'activities']);
  });
  afterAll(async () => {
    await infra.startKafka();
    await stack?.stop();
  });

  it('neither fails the mutation nor loses or doubles its event', async () => {
    const admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    const communityId = `${stack.runId}-nancun`;
    await stack.query(
      `mutation($input: CreateStreetInput!) { createStreet(input: $input) { id } }`,
      { input: { id: 's9', name: '周山路街道' } },
      admin,
    );
    await stack.query(
      `mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
      { input: { id: communityId, name: '南村社区', streetId: 's9', urban: false } },
      admin,
    );
    const draft = await eventually(
      async () => {
        const res = await stack.query<{ createActivity: { id: string } }>(
          `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }`,
          {
            input: {
              title: '我家菜园',
              category: 'MY_VEGETABLE_GARDEN',
              communityId,
              startsAt: '2026-12-03T08:00:00Z',
              endsAt: '2026-12-03T10:00:00Z',
              capacity: 12,
            },
          },
          admin,
        );
        return res.data?.createActivity;
      },
      60_000,
      'activities to learn the community',
    );

    await infra.stopKafka();
    const published = await stack.query<{ publishActivity: { status: string } }>(
      `mutation($id: ID!) { publishActivity(id: $id) { status } }`,
      { id: draft.id },
      admin,
    );
    expect(published.errors).toBeUndefined();
    expect(published.data?.publishActivity.status).toBe('PUBLISHED');
    expect(await stack.services.activities!.relay.pending()).toBe(1);

    await infra.startKafka();
    await eventually(async () => (await stack.services.activities!.relay.pending()) === 0, 90_000, 'the outbox to drain');
    const count = await eventually(
      async () => {
        const res = await stack.query<{ community: { publishedActivityCount: number } }>(COUNT, { id: communityId });
        return res.data?.community.publishedActivityCount || undefined;
      },
      90_000,
      'the effect in registry',
    );
    expect(count).toBe(1);
  });
});
