import { randomBytes } from 'node:crypto';
import { eventually, postGraphQL, readEvent, startStack, type Stack } from '@sanshe/test-env';

const COMMUNITY = 'query($id: ID!) { community(id: $id) { id name } }';
const CREATE_STREET = 'mutation($input: CreateStreetInput!) { createStreet(input: $input) { id } }';
const CREATE_COMMUNITY = 'mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }';
const CREATE_ACTIVITY = 'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }';
const PUBLISH = 'mutation($id: ID!) { publishActivity(id: $id) { id status } }';

/** Reads one series from Prometheus text: the value of `name` whose labels include `labels`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

describe('gateway operations', () => {
  let stack: Stack;
  let origin: string;
  let admin: string;
  const metrics = async () => (await fetch(`${origin}/metrics`)).text();

  beforeAll(async () => {
    stack = await startStack(['registry', 'activities']);
    origin = new URL(stack.gatewayUrl).origin;
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
  }, 120_000);
  afterAll(() => stack?.stop());

  it('exposes request and per-subgraph series on /metrics after a query', async () => {
    const res = await stack.query(COMMUNITY, { id: `${stack.runId}-none` });
    expect(res.errors).toBeUndefined();

    const scrape = await fetch(`${origin}/metrics`);
    expect(scrape.headers.get('content-type')).toContain('text/plain');
    const text = await scrape.text();
    expect(sample(text, 'sanshe_gateway_requests_total', { operation_type: 'query', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'sanshe_gateway_request_duration_seconds_count', { operation_type: 'query' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'sanshe_gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'registry' })).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'sanshe_gateway_subgraph_fetch_duration_seconds_bucket', { subgraph: 'registry', le: '+Inf' }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('counts errors by code, including credentials refused before execution', async () => {
    const resident = await stack.token({ roles: ['RESIDENT'], residentId: `${stack.runId}-r1` });
    const input = { id: `${stack.runId}-not-allowed`, name: '不许', streetId: `${stack.runId}-street`, urban: true };
    expect((await stack.query(CREATE_COMMUNITY, { input }, resident)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await postGraphQL(stack.gatewayUrl, '{ __typename }', undefined, { authorization: 'Bearer nonsense' })).status).toBe(401);

    const text = await metrics();
    expect(sample(text, 'sanshe_gateway_errors_total', { code: 'FORBIDDEN' })).toBe(1);
    expect(sample(text, 'sanshe_gateway_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    expect(sample(text, 'sanshe_gateway_requests_total', { operation_type: 'mutation', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'sanshe_gateway_requests_total', { operation_type: 'unknown', status: '401' })).toBe(1);
  });

  it('refuses a query over the default depth limit (10) without calling any subgraph', async () => {
    const fetchesBefore = (text: string, subgraph: string) =>
      sample(text, 'sanshe_gateway_subgraph_fetch_duration_seconds_count', { subgraph }) ?? 0;
    const before = await metrics();
    const deep = `{ community(id: "x") { activities { community { activities { community { activities { community { activities { community { activities { title } } } } } } } } } } }`;
    const res = await postGraphQL(stack.gatewayUrl, deep);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_DEPTH' });

    const after = await metrics();
    for (const subgraph of ['registry', 'activities']) expect(fetchesBefore(after, subgraph)).toBe(fetchesBefore(before, subgraph));
    expect(sample(after, 'sanshe_gateway_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'sanshe_gateway_requests_total', { operation_type: 'query', status: '400' })).toBeGreaterThanOrEqual(1);
  });

  it('carries the caller’s W3C trace id from the gateway to the Kafka record of the resulting event', async () => {
    const communityId = `${stack.runId}-traced`;
    const street = await stack.query(CREATE_STREET, { input: { id: `${stack.runId}-street`, name: `追踪街道${stack.runId}` } }, admin);
    expect(street.errors).toBeUndefined();
    const created = await stack.query(
      CREATE_COMMUNITY,
      { input: { id: communityId, name: '追踪社区', streetId: `${stack.runId}-street`, urban: true } },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const activity = await eventually(
      async () => {
        const input = {
          title: '追踪活动',
          category: 'TEAHOUSE',
          communityId,
          startsAt: '2026-12-02T14:00:00+08:00',
          endsAt: '2026-12-02T16:00:00+08:00',
          capacity: 12,
        };
        return (await stack.query<{ createActivity: { id: string } }>(CREATE_ACTIVITY, { input }, admin)).data?.createActivity;
      },
      60_000,
      'activities to learn the community',
    );

    const traceId = randomBytes(16).toString('hex');
    const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
    const published = await postGraphQL(stack.gatewayUrl, PUBLISH, { id: activity.id }, { authorization: `Bearer ${admin}`, traceparent });
    expect(published.errors).toBeUndefined();

    const { headers } = await readEvent('sanshe.activities.v1', (e) => e.subject === activity.id);
    expect(headers.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    // The subgraph continues the trace with its own span rather than reusing the caller's.
    expect(headers.traceparent).not.toBe(traceparent);
  }, 150_000); // waits on Kafka twice (registry → activities, then the published event) on a shared broker

  it('is ready when every subgraph of its supergraph is ready, and names them', async () => {
    const body = await eventually(
      async () => {
        const res = await fetch(`${origin}/health/ready`);
        return res.status === 200 && ((await res.json()) as Record<string, unknown>);
      },
      30_000,
      'the gateway to report ready',
    );
    expect(body).toEqual({ status: 'ready', subgraphs: { registry: true, activities: true } });
  });
});
