'use strict';
/**
 * The benchmark's operations and the callers that send them. Every request carries its
 * own bearer token from a pre-minted pool (distinct `sub` and `jti`), so nothing can be
 * cached across requests by caller, and the variables rotate over the 71 communities.
 */
const { randomUUID } = require('node:crypto');
require('./ts-register');

/** Control: the district header, from registry's configuration — one subgraph, no database. */
const OVERHEAD = /* GraphQL */ `
  query DistrictHeader {
    district {
      id
      name
      population
    }
  }
`;

/** "Community dashboard": one community as its staff see it — all five subgraphs. */
const DASHBOARD = /* GraphQL */ `
  query CommunityDashboard(
    $id: ID!
    $open: [ServiceOrderStatus!] = [SUBMITTED, ACCEPTED, DISPATCHED, IN_PROGRESS, RETURNED, RESOLVED, REOPENED]
  ) {
    community(id: $id) {
      id
      name
      residentCount
      publishedActivityCount
      street {
        id
        name
      }
      partyBuilding {
        partyMemberCount
        coBuildingMemberCount
        communityPartyOrganizations {
          id
          name
          kind
          memberCount
        }
      }
      socialOrganizations {
        id
        name
        kind
      }
      socialOrgServiceCentre {
        id
        name
      }
      upcomingActivities(first: 10) {
        id
        title
        category
        startsAt
        seatsLeft
      }
      serviceOrders(statuses: $open, first: 20) {
        id
        number
        status
        submittedAt
        item {
          code
          name
        }
      }
      notices(first: 5) {
        id
        title
        publishedAt
      }
      virtueRanking(first: 10) {
        rank
        earnedPoints
        resident {
          id
          name
        }
      }
    }
  }
`;

/** "District list": the 71 communities with a figure from every subgraph. */
const DISTRICT_LIST = /* GraphQL */ `
  query DistrictList($open: [ServiceOrderStatus!] = [SUBMITTED, ACCEPTED, DISPATCHED, IN_PROGRESS, RETURNED, RESOLVED, REOPENED]) {
    communities {
      id
      name
      urban
      residentCount
      publishedActivityCount
      socialOrganizations {
        id
      }
      upcomingActivities(first: 3) {
        id
      }
      serviceOrders(statuses: $open, first: 5) {
        id
      }
      notices(first: 3) {
        id
      }
      virtueRanking(first: 3) {
        rank
      }
    }
  }
`;

const CREATE_ACTIVITY = /* GraphQL */ `
  mutation BenchCreateActivity($input: CreateActivityInput!) {
    createActivity(input: $input) {
      id
      status
    }
  }
`;
const REGISTER = /* GraphQL */ `
  mutation BenchRegister($activityId: ID!) {
    registerForActivity(activityId: $activityId) {
      id
      status
    }
  }
`;
const SUBMIT_ORDER = /* GraphQL */ `
  mutation BenchSubmitOrder($input: SubmitServiceOrderInput!) {
    submitServiceOrder(input: $input) {
      id
      status
    }
  }
`;

/** Everything a bench title or summary starts with, so the bench can find and purge its own writes. */
const BENCH_MARK = 'bench·';

function fixtures() {
  const f = require('@sanshe/seed-fixtures');
  const communities = f.COMMUNITIES.map((c) => ({ id: c.id, streetId: c.streetId, name: c.name }));
  const residentsByCommunity = new Map(communities.map((c) => [c.id, []]));
  for (const r of f.residents()) residentsByCommunity.get(r.communityId)?.push({ id: r.id, phone: r.phone, communityId: r.communityId });
  return { communities, residentsByCommunity };
}

class TokenMinter {
  constructor() {
    const { gatewayConfigSchema } = require('@sanshe/gateway/config');
    const { mintToken } = require('@sanshe/gateway/auth');
    const { benchKeys } = require('./stack');
    this.config = gatewayConfigSchema.parse({ ...process.env, ...benchKeys(), NODE_ENV: 'production' });
    this.mintToken = mintToken;
  }

  /** One token; `jti` makes every token distinct even for the same claims. */
  mint(claims) {
    return this.mintToken(this.config, { sub: `bench-${randomUUID()}`, jti: randomUUID(), ...claims }, '2h');
  }

  async pool(size, claimsFor) {
    const tokens = [];
    for (let i = 0; i < size; i += 1) tokens.push(await this.mint(claimsFor(i)));
    return tokens;
  }
}

const staffClaims = (community) => ({ roles: ['COMMUNITY_STAFF'], communityIds: [community.id], streetIds: [] });
const adminClaims = () => ({ roles: ['DISTRICT_ADMIN'] });
const residentClaims = (resident) => ({ roles: ['RESIDENT'], residentId: resident.id, communityIds: [resident.communityId] });

/**
 * Builds the three workloads. Each is { name, kind, requests(): autocannon request
 * specs } where every call of `setupRequest` takes the next token and variables.
 * `mutationContext` holds the bench activities and the service item used by the mix.
 */
async function buildWorkloads({ poolSize = 3000, residentPool = 6000, mutationContext } = {}) {
  const { communities, residentsByCommunity } = fixtures();
  const minter = new TokenMinter();
  const dashboardTokens = await minter.pool(poolSize, (i) => staffClaims(communities[i % communities.length]));
  const adminTokens = await minter.pool(Math.ceil(poolSize / 4), adminClaims);

  let d = 0;
  const dashboard = () => {
    // The community follows from the token's index, so the pair still matches after the pool wraps
    // (3,000 is no multiple of 71: deriving both from the request counter paired staff with other
    // communities after the first wrap, and those dashboards were refused).
    const t = d++ % dashboardTokens.length;
    const community = communities[t % communities.length];
    return { token: dashboardTokens[t], body: { query: DASHBOARD, variables: { id: community.id } } };
  };
  let l = 0;
  const district = () => ({ token: adminTokens[l++ % adminTokens.length], body: { query: DISTRICT_LIST } });

  let o = 0;
  const overhead = () => ({ token: dashboardTokens[o++ % dashboardTokens.length], body: { query: OVERHEAD } });

  const workloads = [
    { name: 'overhead', title: 'control: district header (one subgraph, no database)', kind: 'query', steps: [overhead] },
    { name: 'dashboard', title: 'community dashboard', kind: 'query', steps: [dashboard] },
    { name: 'district', title: 'district list (71 communities)', kind: 'query', steps: [district] },
  ];

  if (mutationContext) {
    const staffTokens = await minter.pool(Math.ceil(poolSize / 3), (i) => staffClaims(communities[i % communities.length]));
    // Residents take turns across communities; each registers once per run (a second
    // registration of the same resident would be refused, and measure the refusal).
    const residentQueue = [];
    const perCommunity = communities.map((c) => residentsByCommunity.get(c.id) ?? []);
    const longest = Math.max(...perCommunity.map((list) => list.length));
    for (let k = 0; k < longest; k += 1) for (const list of perCommunity) if (list[k]) residentQueue.push(list[k]);
    // One token per resident, minted ahead; the queue wraps only after `residentPool` turns.
    const residents = residentQueue.slice(0, residentPool);
    const residentTokens = await Promise.all(residents.map((resident) => minter.mint(residentClaims(resident))));
    let r = 0;
    const nextResident = () => {
      const k = r++ % residents.length;
      return { resident: residents[k], token: residentTokens[k] };
    };

    let a = 0;
    const startsAt = new Date(Date.now() + 30 * 24 * 3600 * 1000);
    const createActivity = () => {
      const i = a++;
      const t = i % staffTokens.length;
      const community = communities[t % communities.length];
      const starts = new Date(startsAt.getTime() + (i % 500) * 3600 * 1000);
      return {
        token: staffTokens[t],
        body: {
          query: CREATE_ACTIVITY,
          variables: {
            input: {
              title: `${BENCH_MARK}草稿 ${i}`,
              category: 'NEIGHBOURHOOD_SCHOOL',
              communityId: community.id,
              startsAt: starts.toISOString(),
              endsAt: new Date(starts.getTime() + 2 * 3600 * 1000).toISOString(),
              capacity: 30,
            },
          },
        },
      };
    };
    const register = () => {
      const entry = nextResident();
      const activityId = mutationContext.activityByCommunity[entry.resident.communityId];
      return { token: entry.token, body: { query: REGISTER, variables: { activityId } } };
    };
    const submitOrder = () => {
      const entry = nextResident();
      return {
        token: entry.token,
        body: {
          query: SUBMIT_ORDER,
          variables: {
            input: {
              itemCode: mutationContext.itemCode,
              channel: 'WEB',
              contactPhone: entry.resident.phone,
              summary: `${BENCH_MARK}压测工单`,
            },
          },
        },
      };
    };
    workloads.push({
      name: 'mutations',
      title: 'mutation mix (create activity · register · submit order)',
      kind: 'mutation',
      steps: [createActivity, register, submitOrder],
    });
  }
  return { workloads, minter, communities, residentsByCommunity };
}

module.exports = {
  OVERHEAD,
  DASHBOARD,
  DISTRICT_LIST,
  CREATE_ACTIVITY,
  REGISTER,
  SUBMIT_ORDER,
  BENCH_MARK,
  buildWorkloads,
  fixtures,
  TokenMinter,
  staffClaims,
  adminClaims,
  residentClaims,
};
