import { readEvent, type Stack } from '@sanshe/test-env';
import { TOPICS } from '@sanshe/schemas/generated/events';
import { balanceBecomes, expectLedgerWhole, expectNoErrors, knownCommunity, send, startCredits, volunteerHoursVerified } from './helpers';

const ADD_REWARD = `mutation($input: AddRewardInput!) {
  addReward(input: $input) { id donorKind donor { __typename ... on SocialOrganization { id } ... on PartyOrganization { id } } donorUnit { id } community { id } }
}`;
const REDEEM = `mutation($rewardId: ID!) { redeemReward(rewardId: $rewardId) { id state points } }`;
const LINES = `query($id: ID!, $from: String!, $to: String!) { pointsAccount(residentId: $id) { balance statement(from: $from, to: $to) { lines { kind amount counterpartyAccountId } } } }`;

interface AddedReward {
  id: string;
  donorKind: string;
  donor: { __typename: string; id: string };
  donorUnit: { id: string } | null;
  community: { id: string } | null;
}

/** Social organizations link resources into 润贤银行: they donate rewards as co-building units do. */
describe('social organizations as donors to the points bank', () => {
  let stack: Stack;
  let admin: string;
  let staff: string;
  let communityId: string;
  let socialOrgId: string;

  beforeAll(async () => {
    stack = await startCredits();
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    ({ communityId } = await knownCommunity(stack));
    staff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [communityId] });
    socialOrgId = `${stack.runId}-org-001`;
  });
  afterEach(() => expectLedgerWhole(stack));
  afterAll(() => stack?.stop());

  it('lists a social organization’s donation with its kind and the organization as donor, and pays redeemed points to its account', async () => {
    const added = expectNoErrors(
      await stack.query<{ addReward: AddedReward }>(
        ADD_REWARD,
        { input: { title: '心理咨询一次', cost: 10, stock: 3, donorUnitId: socialOrgId, donorKind: 'SOCIAL_ORGANIZATION', communityId } },
        staff,
      ),
    ).addReward;
    expect(added).toMatchObject({
      donorKind: 'SOCIAL_ORGANIZATION',
      donor: { __typename: 'SocialOrganization', id: socialOrgId },
      donorUnit: null,
      community: { id: communityId },
    });

    const residentId = `${stack.runId}-resident`;
    await send('sanshe.activities.v1', residentId, [
      volunteerHoursVerified({ shiftId: `${stack.runId}-shift`, residentId, communityId, hours: 2 }),
    ]);
    await balanceBecomes(stack, admin, residentId, 20);
    const resident = await stack.token({ roles: ['RESIDENT'], residentId });
    const redeemed = expectNoErrors(
      await stack.query<{ redeemReward: { id: string; state: string } }>(REDEEM, { rewardId: added.id }, resident),
    ).redeemReward;
    expect(redeemed.state).toBe('COMPLETED');
    // Partners learn whose account the points went to, and what kind of donor that is.
    const { event } = await readEvent(
      TOPICS.CREDITS_V1,
      (e) => e.subject === redeemed.id && e.type === 'cn.sanshe.credits.reward.redeemed.v1',
    );
    expect(event).toMatchObject({ data: { donorUnitId: socialOrgId, donorKind: 'SOCIAL_ORGANIZATION', points: 10 } });

    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const account = expectNoErrors(
      await stack.query<{
        pointsAccount: { balance: number; statement: { lines: { kind: string; amount: number; counterpartyAccountId: string }[] } };
      }>(LINES, { id: residentId, from, to }, admin),
    ).pointsAccount;
    expect(account.balance).toBe(10);
    expect(account.statement.lines.find((l) => l.kind === 'REDEEM')).toMatchObject({ amount: -10, counterpartyAccountId: socialOrgId });
  });

  it('keeps party organizations as the default donors', async () => {
    const added = expectNoErrors(
      await stack.query<{ addReward: AddedReward }>(
        ADD_REWARD,
        { input: { title: '雨伞', cost: 5, stock: 1, donorUnitId: `${stack.runId}-partyorg-1`, communityId } },
        staff,
      ),
    ).addReward;
    expect(added).toMatchObject({
      donorKind: 'PARTY_ORGANIZATION',
      donor: { __typename: 'PartyOrganization', id: `${stack.runId}-partyorg-1` },
      donorUnit: { id: `${stack.runId}-partyorg-1` },
    });
  });

  it('takes donations only from the catalogue keepers of the territory, and names the missing donor', async () => {
    const input = { title: '四点半课堂一周', cost: 8, stock: 2, donorUnitId: socialOrgId, donorKind: 'SOCIAL_ORGANIZATION', communityId };
    // The donating organization's own staff do not list rewards: the community keeps its catalogue.
    const orgStaff = await stack.token({ roles: ['ORG_STAFF'], orgIds: [socialOrgId] });
    const elsewhere = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [`${stack.runId}-elsewhere`] });
    for (const token of [orgStaff, elsewhere])
      expect((await stack.query(ADD_REWARD, { input }, token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await stack.query(ADD_REWARD, { input })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const noDonor = await stack.query(ADD_REWARD, { input: { ...input, donorUnitId: ' ' } }, staff);
    expect(noDonor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'donorUnitId' });
    expect(noDonor.errors?.[0]?.message).toContain('social organization');
  });
});
