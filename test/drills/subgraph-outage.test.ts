/**
 * One subgraph dies: the gateway still answers what the others own, with the missing part
 * null and an error in the response, and recovers on its own when the subgraph is back on
 * its address.
 */
import type { AddressInfo } from 'node:net';
import { eventually, startStack, type GraphQLResponse, type Stack } from '@sanshe/test-env';
import { createServiceFromEnv } from '../env/services';
import { reportDrill } from './drill-report';

const ROUNDS = 20;
/** registry (community name), social-orgs (centre, organization) and activities (statistics). */
const DASHBOARD = `query($id: ID!) {
  community(id: $id) { name urban socialOrgServiceCentre { name } }
  socialOrganization(id: "none") { name }
  activityStats { activities }
}`;

interface Dashboard {
  community: { name: string; urban: boolean; socialOrgServiceCentre: { name: string } | null } | null;
  socialOrganization: { name: string } | null;
  activityStats: { activities: number } | null;
}

describe('a subgraph outage', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(['registry', 'social-orgs', 'activities']);
  }, 240_000);
  afterAll(() => stack?.stop(), 120_000);

  it('gives partial answers with an error for the missing part, and recovers when it returns', async () => {
    const admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    const streetId = `${stack.runId}-s`;
    const communityId = `${stack.runId}-c`;
    await stack.query(
      `mutation($input: CreateStreetInput!) { createStreet(input: $input) { id } }`,
      { input: { id: streetId, name: '长安路街道' } },
      admin,
    );
    await stack.query(
      `mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
      { input: { id: communityId, name: '长安路社区', streetId, urban: true } },
      admin,
    );
    const ask = () => stack.query<Dashboard>(DASHBOARD, { id: communityId }, admin);
    const healthy = await eventually(
      async () => {
        const res = await ask();
        return res.errors === undefined && res.data?.community?.name ? res : undefined;
      },
      60_000,
      'a complete answer before the outage',
    );
    expect(healthy.data?.socialOrganization).toBeNull();

    // The social-orgs process "dies": its port refuses connections, in-flight sockets drop.
    const socialOrgs = stack.services['social-orgs']!;
    const port = (socialOrgs.httpServer.address() as AddressInfo).port;
    socialOrgs.httpServer.close();
    socialOrgs.httpServer.closeAllConnections();
    await socialOrgs.stop();

    const duringOutage: GraphQLResponse<Dashboard>[] = [];
    for (let i = 0; i < ROUNDS; i += 1) duringOutage.push(await ask());
    // The rest of the answer is there; the missing part is null and the response says something failed.
    const partial = duringOutage.filter(
      (r) =>
        r.data?.community?.name === '长安路社区' &&
        typeof r.data?.activityStats?.activities === 'number' &&
        r.data.community.socialOrgServiceCentre === null &&
        r.data.socialOrganization === null,
    );
    const flagged = duringOutage.filter((r) => (r.errors?.length ?? 0) > 0);
    // Which part failed: the gateway reports a fetch that got no answer as SUBGRAPH_UNAVAILABLE with the subgraph's name.
    const naming = duringOutage.filter((r) =>
      (r.errors ?? []).some((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && e.extensions?.serviceName === 'social-orgs'),
    );
    const leaks = duringOutage
      .flatMap((r) => r.errors ?? [])
      .filter((e) => /ECONNREFUSED|127\.0\.0\.1|localhost|\/graphql|at .+:\d+/.test(JSON.stringify(e)));

    // It comes back on the same address; the gateway needs no restart.
    const restarted = Date.now();
    const revived = await createServiceFromEnv('social-orgs', { ...stack.env, MONGO_DB: `${stack.runId}_social_orgs` });
    stack.services['social-orgs'] = revived;
    await revived.listen(port);
    await eventually(
      async () => ((await ask()).errors === undefined ? true : undefined),
      60_000,
      'complete answers after the subgraph is back',
    );
    const recoveryMs = Date.now() - restarted;
    const after: GraphQLResponse<Dashboard>[] = [];
    for (let i = 0; i < ROUNDS; i += 1) after.push(await ask());
    const complete = after.filter((r) => r.errors === undefined && r.data?.community?.name === '长安路社区');

    reportDrill(
      'subgraph killed (social-orgs)',
      {
        sent: ROUNDS * 2,
        'partial answers while down': partial.length,
        'partial answers with an error': flagged.length,
        'errors naming the missing part': naming.length,
        'errors leaking addresses': leaks.length,
        'complete answers after return': complete.length,
        'recovery ms': recoveryMs,
      },
      [`errors while down: ${JSON.stringify(duringOutage[0]?.errors ?? null)}`],
    );
    expect(partial).toHaveLength(ROUNDS);
    expect(flagged).toHaveLength(ROUNDS);
    expect(naming).toHaveLength(ROUNDS);
    expect(leaks).toHaveLength(0);
    expect(complete).toHaveLength(ROUNDS);
  }, 300_000);
});
