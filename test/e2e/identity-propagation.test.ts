import { baseConfigSchema, IDENTITY_HEADER, signIdentity, type Identity } from '@sanshe/service-kit';
import { eventually, postGraphQL, startStack, type Stack } from '@sanshe/test-env';

const COMMUNITY = '{ community(id: "nowhere") { id name } }';

const admin: Identity = {
  userId: 'intruder',
  roles: ['DISTRICT_ADMIN'],
  streetIds: [],
  communityIds: [],
  orgIds: [],
  residentId: null,
  socialWorkerId: null,
};

describe('a subgraph reached directly, not through the gateway', () => {
  let stack: Stack;
  let subgraphUrl: string;
  let secret: string;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    stack = await startStack(['registry']);
    subgraphUrl = stack.serviceUrls.registry!;
    secret = baseConfigSchema.parse(stack.env).IDENTITY_SECRET;
  });
  afterAll(() => stack?.stop());

  it.each<[string, () => Record<string, string>, RegExp]>([
    ['without an identity signature', () => ({}), /must come through the Sanshe gateway/],
    ['with a signature made with another secret', () => ({ [IDENTITY_HEADER]: signIdentity(admin, 'guessed-secret-guessed-secret', now()) }), /invalid/],
    [
      'with a forged payload under a real signature',
      () => {
        const [version, ts, , sig] = signIdentity({ ...admin, roles: ['RESIDENT'] }, secret, now()).split('.');
        return { [IDENTITY_HEADER]: `${version}.${ts}.${Buffer.from(JSON.stringify(admin)).toString('base64url')}.${sig}` };
      },
      /invalid/,
    ],
    ['with a signature older than the maximum age', () => ({ [IDENTITY_HEADER]: signIdentity(admin, secret, now() - 3600) }), /expired/],
    ['with a malformed header', () => ({ [IDENTITY_HEADER]: 'let-me-in' }), /malformed/],
  ])('refuses a request %s with HTTP 401 UNAUTHENTICATED', async (_how, headers, message) => {
    const res = await postGraphQL(subgraphUrl, COMMUNITY, undefined, headers());
    expect(res.status).toBe(401);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0]?.message).toMatch(message);
  });

  it('answers a request freshly signed with the shared secret (what the gateway sends)', async () => {
    const res = await postGraphQL(subgraphUrl, COMMUNITY, undefined, { [IDENTITY_HEADER]: signIdentity(admin, secret) });
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ community: null });
  });

  it('answers the health endpoints without a signature', async () => {
    const origin = new URL(subgraphUrl).origin;
    const live = await fetch(`${origin}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ status: 'live', service: 'registry' });
    // Ready once its Kafka consumers have joined their groups, a moment after start-up.
    const ready = await eventually(async () => {
      const res = await fetch(`${origin}/health/ready`);
      return res.status === 200 && ((await res.json()) as Record<string, unknown>);
    }, 30_000, 'registry to report ready');
    expect(ready).toMatchObject({ status: 'ready', service: 'registry' });
  });

  it('lets the same query through the gateway, which signs for the caller', async () => {
    const res = await postGraphQL(stack.gatewayUrl, COMMUNITY);
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ community: null });
  });
});
