import { generateKeySet, IDENTITY_HEADER, parseSigningKey, signIdentity, type Identity } from '@sanshe/service-kit';
import { eventually, identityHeader, postGraphQL, startStack, type Stack } from '@sanshe/test-env';

const COMMUNITY = '{ community(id: "nowhere") { id name } }';
const BODY = JSON.stringify({ query: COMMUNITY });

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
  const now = () => Math.floor(Date.now() / 1000);
  const signed = (identity: Identity, hop: { audience?: string; body?: string; nowSeconds?: number } = {}) =>
    signIdentity(identity, parseSigningKey(stack.env.IDENTITY_SIGNING_KEY!), { audience: 'registry', body: BODY, ...hop });

  beforeAll(async () => {
    stack = await startStack(['registry']);
    subgraphUrl = stack.serviceUrls.registry!;
  });
  afterAll(() => stack?.stop());

  it.each<[string, () => Record<string, string>, RegExp]>([
    ['without an identity signature', () => ({}), /must come through the Sanshe gateway/],
    [
      'with a signature made with another key under the trusted kid',
      () => {
        const kid = parseSigningKey(stack.env.IDENTITY_SIGNING_KEY!).kid;
        const other = generateKeySet('test').IDENTITY_SIGNING_KEY.split(':')[1];
        return { [IDENTITY_HEADER]: signIdentity(admin, parseSigningKey(`${kid}:${other}`), { audience: 'registry', body: BODY }) };
      },
      /invalid/,
    ],
    [
      'with a forged payload under a real signature',
      () => {
        const [version, kid, , sig] = signed({ ...admin, roles: ['RESIDENT'] }).split('.');
        const claims = { aud: 'registry', iat: now(), exp: now() + 10, bdy: '', idn: admin };
        return { [IDENTITY_HEADER]: `${version}.${kid}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}` };
      },
      /invalid/,
    ],
    ['with a signature past its ten seconds', () => ({ [IDENTITY_HEADER]: signed(admin, { nowSeconds: now() - 60 }) }), /expired/],
    [
      'with a signature made for another subgraph',
      () => ({ [IDENTITY_HEADER]: signed(admin, { audience: 'credits' }) }),
      /another service/,
    ],
    [
      'with a signature made for another body',
      () => ({ [IDENTITY_HEADER]: signed(admin, { body: JSON.stringify({ query: '{ __typename }' }) }) }),
      /another request body/,
    ],
    ['with a malformed header', () => ({ [IDENTITY_HEADER]: 'let-me-in' }), /malformed/],
  ])('refuses a request %s with HTTP 401 UNAUTHENTICATED', async (_how, headers, message) => {
    const res = await postGraphQL(subgraphUrl, COMMUNITY, undefined, headers());
    expect(res.status).toBe(401);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0]?.message).toMatch(message);
  });

  it('answers a request freshly signed for registry and this body (what the gateway sends)', async () => {
    const res = await postGraphQL(subgraphUrl, COMMUNITY, undefined, identityHeader(stack.env, 'registry', BODY, admin));
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
    const ready = await eventually(
      async () => {
        const res = await fetch(`${origin}/health/ready`);
        return res.status === 200 && ((await res.json()) as Record<string, unknown>);
      },
      30_000,
      'registry to report ready',
    );
    expect(ready).toMatchObject({ status: 'ready', service: 'registry' });
  });

  it('lets the same query through the gateway, which signs for the caller', async () => {
    const res = await postGraphQL(stack.gatewayUrl, COMMUNITY);
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ community: null });
  });
});
