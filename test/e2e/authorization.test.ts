/**
 * Who may do what, end to end through the gateway: the token's roles and territory,
 * the signed identity the gateway forwards, and the kit guard in each subgraph.
 * Add an operation to OPERATIONS and rows to MATRIX as a subgraph gains mutations.
 */
import { mintToken, type SansheClaims } from '@sanshe/gateway/auth';
import { gatewayConfigSchema } from '@sanshe/gateway/config';
import { eventually, postGraphQL, startStack, type GraphQLResponse, type Stack } from '@sanshe/test-env';

/** The territory the matrix plays in; every id is unique to this run. */
interface World {
  runId: string;
  street: string;
  siblingStreet: string;
  community: string;
  otherCommunity: string;
}

type Claims = Omit<SansheClaims, 'sub'>;

const CALLERS: Record<string, (w: World) => Claims | null> = {
  anonymous: () => null,
  'a district admin': () => ({ roles: ['DISTRICT_ADMIN'] }),
  'street staff of the street': (w) => ({ roles: ['STREET_STAFF'], streetIds: [w.street] }),
  'street staff of a sibling street': (w) => ({ roles: ['STREET_STAFF'], streetIds: [w.siblingStreet] }),
  'community staff of the community': (w) => ({ roles: ['COMMUNITY_STAFF'], communityIds: [w.community] }),
  'community staff of another community': (w) => ({ roles: ['COMMUNITY_STAFF'], communityIds: [w.otherCommunity] }),
  'a social worker serving the community': (w) => ({
    roles: ['SOCIAL_WORKER'],
    socialWorkerId: `${w.runId}-sw`,
    communityIds: [w.community],
  }),
  'organization staff': (w) => ({ roles: ['ORG_STAFF'], orgIds: [`${w.runId}-org`] }),
  'a resident of the community': (w) => ({ roles: ['RESIDENT'], residentId: `${w.runId}-resident`, communityIds: [w.community] }),
  'a partner': () => ({ roles: ['PARTNER'] }),
};

interface Operation {
  /** The mutation field whose result shows success. */
  field: string;
  /** Sets up what the operation acts on, as the admin; returns its variables. */
  prepare(stack: Stack, w: World, admin: string): Promise<Record<string, unknown>>;
  document: string;
}

const CREATE_STREET = 'mutation($input: CreateStreetInput!) { createStreet(input: $input) { id } }';

let sequence = 0;

const OPERATIONS: Record<string, Operation> = {
  createCommunity: {
    field: 'createCommunity',
    document: 'mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }',
    prepare: async (_stack, w) => {
      sequence += 1;
      return { input: { id: `${w.runId}-new-${sequence}`, name: `新社区${sequence}`, streetId: w.street, urban: true } };
    },
  },
  createActivity: {
    field: 'createActivity',
    document: 'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
    prepare: async (_stack, w) => ({ input: activityInput(w.community) }),
  },
  publishActivity: {
    field: 'publishActivity',
    document: 'mutation($id: ID!) { publishActivity(id: $id) { id status } }',
    prepare: async (stack, w, admin) => ({ id: await createDraft(stack, w.community, admin) }),
  },
};

type Outcome = 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED';

const MATRIX: [keyof typeof OPERATIONS, keyof typeof CALLERS, Outcome][] = [
  ['createCommunity', 'a district admin', 'allowed'],
  ['createCommunity', 'street staff of the street', 'allowed'],
  ['createCommunity', 'street staff of a sibling street', 'FORBIDDEN'],
  ['createCommunity', 'community staff of the community', 'FORBIDDEN'],
  ['createCommunity', 'a resident of the community', 'FORBIDDEN'],
  ['createCommunity', 'a partner', 'FORBIDDEN'],
  ['createCommunity', 'anonymous', 'UNAUTHENTICATED'],

  ['createActivity', 'a district admin', 'allowed'],
  ['createActivity', 'street staff of the street', 'allowed'],
  ['createActivity', 'street staff of a sibling street', 'FORBIDDEN'],
  ['createActivity', 'community staff of the community', 'allowed'],
  ['createActivity', 'community staff of another community', 'FORBIDDEN'],
  ['createActivity', 'a social worker serving the community', 'FORBIDDEN'],
  ['createActivity', 'organization staff', 'FORBIDDEN'],
  ['createActivity', 'a resident of the community', 'FORBIDDEN'],
  ['createActivity', 'a partner', 'FORBIDDEN'],
  ['createActivity', 'anonymous', 'UNAUTHENTICATED'],

  ['publishActivity', 'a district admin', 'allowed'],
  ['publishActivity', 'street staff of the street', 'allowed'],
  ['publishActivity', 'street staff of a sibling street', 'FORBIDDEN'],
  ['publishActivity', 'community staff of the community', 'allowed'],
  ['publishActivity', 'community staff of another community', 'FORBIDDEN'],
  ['publishActivity', 'a resident of the community', 'FORBIDDEN'],
  ['publishActivity', 'anonymous', 'UNAUTHENTICATED'],
];

function activityInput(communityId: string) {
  return {
    title: '睦邻学堂',
    category: 'NEIGHBOURHOOD_SCHOOL',
    communityId,
    startsAt: '2026-12-01T09:00:00+08:00',
    endsAt: '2026-12-01T11:00:00+08:00',
    capacity: 20,
  };
}

async function createDraft(stack: Stack, communityId: string, admin: string): Promise<string> {
  const res = await stack.query<{ createActivity: { id: string } }>(
    OPERATIONS.createActivity!.document,
    { input: activityInput(communityId) },
    admin,
  );
  if (!res.data?.createActivity) throw new Error(`could not create a draft: ${JSON.stringify(res.errors)}`);
  return res.data.createActivity.id;
}

describe('authorization through the gateway', () => {
  let stack: Stack;
  let admin: string;
  let world: World;

  beforeAll(async () => {
    stack = await startStack(['registry', 'activities']);
    const { runId } = stack;
    world = {
      runId,
      street: `${runId}-street`,
      siblingStreet: `${runId}-sibling-street`,
      community: `${runId}-community`,
      otherCommunity: `${runId}-other-community`,
    };
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    for (const [id, name] of [
      [world.street, '涧西街道'],
      [world.siblingStreet, '邻近街道'],
    ]) {
      const street = await stack.query(CREATE_STREET, { input: { id, name: `${name}${runId}` } }, admin);
      expect(street.errors).toBeUndefined();
    }
    const created = await stack.query(
      OPERATIONS.createCommunity!.document,
      { input: { id: world.community, name: '涧西社区', streetId: world.street, urban: true } },
      admin,
    );
    expect(created.errors).toBeUndefined();
    // activities learns the community from registry's event before it accepts activities there.
    await eventually(() => createDraft(stack, world.community, admin), 60_000, 'activities to learn the community');
  }, 150_000); // start-up plus one trip through Kafka on a shared broker
  afterAll(() => stack?.stop());

  it.each(MATRIX)('%s by %s → %s', async (operationName, callerName, outcome) => {
    const operation = OPERATIONS[operationName]!;
    const claims = CALLERS[callerName]!(world);
    const token = claims ? await stack.token({ sub: `${stack.runId}-${callerName.replaceAll(' ', '-')}`, ...claims }) : undefined;
    const variables = await operation.prepare(stack, world, admin);
    const res: GraphQLResponse = await stack.query(operation.document, variables, token);
    if (outcome === 'allowed') {
      expect(res.errors).toBeUndefined();
      expect(res.data?.[operation.field]).toBeTruthy();
    } else {
      expect(res.errors?.[0]?.extensions?.code).toBe(outcome);
      expect(res.errors?.[0]?.message).toMatch(outcome === 'FORBIDDEN' ? /you need/ : /Sign in first/);
      expect(res.data).toBeNull();
    }
  });

  it('refuses a token the gateway cannot verify with HTTP 401', async () => {
    const forged = `${admin.slice(0, -4)}AAAA`;
    const res = await postGraphQL(
      stack.gatewayUrl,
      OPERATIONS.createActivity!.document,
      { input: activityInput(world.community) },
      { authorization: `Bearer ${forged}` },
    );
    expect(res.status).toBe(401);
    expect(res.errors?.[0]).toMatchObject({ message: 'The token is not valid for Sanshe.', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses an expired token, saying so', async () => {
    const expired = await mintToken(gatewayConfigSchema.parse(stack.env), { sub: 'late', roles: ['DISTRICT_ADMIN'] }, '-1m');
    const res = await postGraphQL(stack.gatewayUrl, '{ __typename }', undefined, { authorization: `Bearer ${expired}` });
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.message).toBe('The token has expired; sign in again.');
  });
});
