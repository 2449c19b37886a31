/**
 * Rewards belong to a party-building campaign that activities owns: credits keeps only the
 * campaign's id, and the gateway joins the two (Reward.campaign, Campaign.rewards).
 */
import type { Stack } from '@sanshe/test-env';
import { expectLedgerWhole, expectNoErrors, knownCommunity, startCredits } from './helpers';

const CREATE_CAMPAIGN = 'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }';
const ADD_REWARD = 'mutation($input: AddRewardInput!) { addReward(input: $input) { id campaign { id } } }';
const LINK =
  'mutation($rewardId: ID!, $campaignId: ID) { linkRewardToCampaign(rewardId: $rewardId, campaignId: $campaignId) { id campaign { id name mechanism } } }';
const CAMPAIGN = 'query($id: ID!) { campaign(id: $id) { name rewards { id title } } }';

describe('rewards of a campaign', () => {
  let stack: Stack;
  let admin: string;
  let staff: string;
  let campaignId: string;
  const rewardIds: string[] = [];

  beforeAll(async () => {
    stack = await startCredits({}, ['activities']);
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    const { communityId } = await knownCommunity(stack);
    staff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [communityId] });
    campaignId = expectNoErrors(
      await stack.query<{ createCampaign: { id: string } }>(
        CREATE_CAMPAIGN,
        { input: { name: `润贤思齐${stack.runId}`, mechanism: '党建+' } },
        admin,
      ),
    ).createCampaign.id;
    for (const title of ['爱心大米一袋', '理发券']) {
      const added = expectNoErrors(
        await stack.query<{ addReward: { id: string; campaign: null } }>(
          ADD_REWARD,
          { input: { title, cost: 10, stock: 2, donorUnitId: `${stack.runId}-unit`, communityId } },
          staff,
        ),
      );
      expect(added.addReward.campaign).toBeNull();
      rewardIds.push(added.addReward.id);
    }
  });
  afterAll(async () => {
    await expectLedgerWhole(stack);
    await stack?.stop();
  });

  it('lets only district administrators link a reward, and names an unknown reward', async () => {
    expect((await stack.query(LINK, { rewardId: rewardIds[0], campaignId }, staff)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await stack.query(LINK, { rewardId: rewardIds[0], campaignId })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await stack.query(LINK, { rewardId: `${stack.runId}-none`, campaignId }, admin)).errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      entity: 'Reward',
    });
  });

  it("resolves a linked reward's campaign from activities, and the campaign's rewards from credits", async () => {
    const linked = expectNoErrors(
      await stack.query<{ linkRewardToCampaign: { campaign: unknown } }>(LINK, { rewardId: rewardIds[0], campaignId }, admin),
    );
    expect(linked.linkRewardToCampaign.campaign).toEqual({ id: campaignId, name: `润贤思齐${stack.runId}`, mechanism: '党建+' });
    expectNoErrors(await stack.query(LINK, { rewardId: rewardIds[1], campaignId }, admin));
    const { campaign } = expectNoErrors(await stack.query<{ campaign: { rewards: { id: string }[] } }>(CAMPAIGN, { id: campaignId }));
    expect(campaign.rewards.map((r) => r.id)).toEqual([...rewardIds].sort());

    const unlinked = expectNoErrors(
      await stack.query<{ linkRewardToCampaign: { campaign: unknown } }>(LINK, { rewardId: rewardIds[1], campaignId: null }, admin),
    );
    expect(unlinked.linkRewardToCampaign.campaign).toBeNull();
    const after = expectNoErrors(await stack.query<{ campaign: { rewards: { id: string }[] } }>(CAMPAIGN, { id: campaignId }));
    expect(after.campaign.rewards.map((r) => r.id)).toEqual([rewardIds[0]]);
  });
});
