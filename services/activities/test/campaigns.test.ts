/**
 * Campaigns through the gateway: district admins create them, staff with territory over an
 * activity put it in one, and a campaign pages its activities, live and imported history alike.
 */
import { startStack, type GraphQLResponse, type Stack } from '@sanshe/test-env';
import { errorOf, knownCommunity, minutesFromNow, stopAndDrop } from './helpers';

const CREATE = 'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }';
const PUBLISH = 'mutation($id: ID!) { publishActivity(id: $id) { id } }';
const CREATE_CAMPAIGN = 'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id name mechanism } }';
const LINK =
  'mutation($activityId: ID!, $campaignId: ID) { linkActivityToCampaign(activityId: $activityId, campaignId: $campaignId) { id campaign { id name } } }';
const PAGE =
  'query($id: ID!, $after: String) { campaign(id: $id) { activities(first: 2, after: $after) { edges { node { id campaign { id } } } pageInfo { hasNextPage endCursor } } } }';

describe('party-building campaigns', () => {
  let stack: Stack;
  let admin: string;
  let staff: string;
  let communityId: string;
  let otherCommunityId: string;
  const activityIds: string[] = [];

  const ok = async <T>(res: Promise<GraphQLResponse<T>>): Promise<T> => {
    const awaited = await res;
    expect(awaited.errors).toBeUndefined();
    return awaited.data!;
  };

  beforeAll(async () => {
    stack = await startStack(['activities']);
    ({ communityId } = await knownCommunity(stack));
    ({ communityId: otherCommunityId } = await knownCommunity(stack, 'tianjiu'));
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    staff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [communityId] });
    for (let i = 0; i < 3; i += 1) {
      const { createActivity } = await ok(
        stack.query<{ createActivity: { id: string } }>(
          CREATE,
          {
            input: {
              title: `主题党日${i}`,
              category: 'PARTY_BUILDING',
              communityId,
              startsAt: minutesFromNow(600 + i * 60),
              endsAt: minutesFromNow(650 + i * 60),
              capacity: 20,
            },
          },
          staff,
        ),
      );
      await ok(stack.query(PUBLISH, { id: createActivity.id }, staff));
      activityIds.push(createActivity.id);
    }
  });
  afterAll(() => stopAndDrop(stack));

  it('lets only district administrators create a campaign, and only once per name', async () => {
    const input = { id: `${stack.runId}-runxian`, name: `润贤思齐${stack.runId}`, mechanism: '党建+', theme: '传承红色基因、凝聚发展合力' };
    expect(errorOf(await stack.query(CREATE_CAMPAIGN, { input }, staff))?.extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await stack.query(CREATE_CAMPAIGN, { input }))?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await ok(stack.query<{ createCampaign: unknown }>(CREATE_CAMPAIGN, { input }, admin))).createCampaign).toEqual({
      id: input.id,
      name: input.name,
      mechanism: '党建+',
    });
    expect(errorOf(await stack.query(CREATE_CAMPAIGN, { input: { name: input.name } }, admin))?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'name',
    });
    expect(errorOf(await stack.query(CREATE_CAMPAIGN, { input: { name: '  ' } }, admin))?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'name',
    });
  });

  it("links an activity for staff of the activity's community only, and to an existing campaign only", async () => {
    const campaignId = `${stack.runId}-runxian`;
    const elsewhere = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [otherCommunityId] });
    expect(errorOf(await stack.query(LINK, { activityId: activityIds[0], campaignId }, elsewhere))?.extensions?.code).toBe('FORBIDDEN');
    expect(
      errorOf(
        await stack.query(LINK, { activityId: activityIds[0], campaignId }, await stack.token({ roles: ['RESIDENT'], residentId: 'r1' })),
      )?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      errorOf(await stack.query(LINK, { activityId: activityIds[0], campaignId: `${stack.runId}-none` }, staff))?.extensions,
    ).toMatchObject({ code: 'NOT_FOUND', entity: 'Campaign' });
    expect(errorOf(await stack.query(LINK, { activityId: `${stack.runId}-none`, campaignId }, staff))?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      entity: 'Activity',
    });
    for (const activityId of activityIds) {
      const { linkActivityToCampaign } = await ok(
        stack.query<{ linkActivityToCampaign: { campaign: { id: string } | null } }>(LINK, { activityId, campaignId }, staff),
      );
      expect(linkActivityToCampaign.campaign?.id).toBe(campaignId);
    }
  });

  it('refuses to relink imported history, which is read-only', async () => {
    const archivedId = `${stack.runId}-archived`;
    await stack.services.activities!.connection.collection('activity_archive').insertOne({
      _id: archivedId,
      status: 'COMPLETED',
      communityId,
      streetId: `${stack.runId}-street`,
      category: 'PARTY_BUILDING',
    } as never);
    expect(
      errorOf(await stack.query(LINK, { activityId: archivedId, campaignId: `${stack.runId}-runxian` }, admin))?.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'activityId' });
  });

  it('pages the campaign activities and takes one out again', async () => {
    const id = `${stack.runId}-runxian`;
    type Page = {
      campaign: {
        activities: { edges: { node: { id: string; campaign: { id: string } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      };
    };
    const first = (await ok(stack.query<Page>(PAGE, { id }))).campaign.activities;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await ok(stack.query<Page>(PAGE, { id, after: first.pageInfo.endCursor }))).campaign.activities;
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.edges, ...second.edges].map((e) => e.node.id)).toEqual([...activityIds].sort());
    expect(first.edges.every((e) => e.node.campaign.id === id)).toBe(true);

    await ok(stack.query(LINK, { activityId: activityIds[1], campaignId: null }, staff));
    const after = (await ok(stack.query<Page>(PAGE, { id }))).campaign.activities;
    expect(after.edges.map((e) => e.node.id)).toEqual([activityIds[0], activityIds[2]].sort());
  });

  it('answers the activities of several campaigns in one listing', async () => {
    const other = (
      await ok(stack.query<{ createCampaign: { id: string } }>(CREATE_CAMPAIGN, { input: { name: `邻里节${stack.runId}` } }, admin))
    ).createCampaign.id;
    await ok(stack.query(LINK, { activityId: activityIds[1], campaignId: other }, staff));
    const { campaigns } = await ok(
      stack.query<{ campaigns: { id: string; activities: { edges: { node: { id: string } }[] } }[] }>(
        '{ campaigns { id activities(first: 10) { edges { node { id } } } } }',
      ),
    );
    const byId = new Map(campaigns.map((c) => [c.id, c.activities.edges.map((e) => e.node.id)]));
    expect(byId.get(other)).toEqual([activityIds[1]]);
    expect(byId.get(`${stack.runId}-runxian`)).toHaveLength(2);
  });
});
