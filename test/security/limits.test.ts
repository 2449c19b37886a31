/**
 * Issue #14, holes 3 and 8: brute force of trackServiceOrder and expensive aliases.
 * Failed lookups spend a tight budget per caller and per IP; the general budget is
 * per IP and per subject; field weights refuse a query before any resolver runs.
 */
import type { IncomingMessage } from 'node:http';
import { startStack, type Stack } from '@sanshe/test-env';
import { closeKafka } from '../../services/resident-services/test/support';

const TRACK = 'query($number: String!, $phone: String!) { trackServiceOrder(number: $number, phone: $phone) { id } }';

async function post(stack: Stack, query: string, variables?: Record<string, unknown>, token?: string) {
  const res = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: (await res.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    },
  };
}

describe('the gateway budgets', () => {
  let stack: Stack;
  /** Requests that reached the resident-services subgraph. */
  let reached = 0;

  beforeAll(async () => {
    stack = await startStack(['resident-services']);
    stack.services['resident-services']!.httpServer.prependListener('request', (req: IncomingMessage) => {
      if (req.method === 'POST') reached += 1;
    });
  });
  afterAll(async () => {
    await closeKafka();
    await stack?.stop();
  });

  it('refuses 15 aliases of serviceStatistics by cost before any subgraph is asked', async () => {
    const aliases = Array.from({ length: 15 }, (_, i) => `s${i}: serviceStatistics { submitted }`).join(' ');
    const before = reached;
    const res = await post(stack, `{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/costs 3000 .* limit is 1000/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_FIELD_COST' },
    });
    expect(reached).toBe(before);
  });

  it('counts a fragment spread as often as it is spread', async () => {
    const spreads = Array.from({ length: 6 }, (_, i) => `f${i}: serviceStatistics { ...Counts }`).join(' ');
    const res = await post(stack, `{ ${spreads} } fragment Counts on ServiceStatistics { submitted }`);
    expect(res.body.errors?.[0]?.extensions?.limit).toBe('MAX_FIELD_COST');
  });

  it('still answers a dashboard asking for a few statistics', async () => {
    const before = reached;
    const res = await post(
      stack,
      '{ a: serviceStatistics { submitted } b: serviceStatistics(filter: { fromMonth: "2026-01" }) { submitted } }',
    );
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(reached).toBeGreaterThan(before);
  });

  it('ends 20 failed trackServiceOrder guesses from one caller in 429 with Retry-After', async () => {
    const guesser = await stack.token({ sub: `${stack.runId}-guesser`, roles: ['COMMUNITY_STAFF'], communityIds: ['community-001'] });
    const answers = [];
    for (let i = 0; i < 20; i += 1) {
      answers.push(
        await post(
          stack,
          TRACK,
          { number: `JX-20261201-${String(i + 1).padStart(6, '0')}-2345`, phone: `13512343${String(i).padStart(3, '0')}` },
          guesser,
        ),
      );
    }
    expect(answers[0]!.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const last = answers.at(-1)!;
    expect(last.status).toBe(429);
    expect(Number(last.retryAfter)).toBeGreaterThan(0);
    expect(last.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/Too many failed lookups/),
      extensions: { code: 'RATE_LIMITED' },
    });
    // Ten failures spend the budget; the eleventh guess is already refused.
    expect(answers.filter((a) => a.status === 429)).toHaveLength(10);
    // Aliases are counted one by one, and the refusal comes before the subgraph is asked.
    const before = reached;
    const aliased = await post(
      stack,
      `{ a: trackServiceOrder(number: "x", phone: "y") { id } b: trackServiceOrder(number: "z", phone: "w") { id } }`,
      undefined,
      guesser,
    );
    expect(aliased.status).toBe(429);
    expect(reached).toBe(before);
  });

  it('spends the general budget per IP, answering 429 with Retry-After', async () => {
    const small = await startStack(['credits'], { RATE_LIMIT_REQUESTS: '5', RATE_LIMIT_WINDOW_SECONDS: '600' });
    try {
      const statuses: number[] = [];
      let refused: Awaited<ReturnType<typeof post>> | undefined;
      for (let i = 0; i < 7; i += 1) {
        const res = await post(small, '{ __typename }');
        statuses.push(res.status);
        if (res.status === 429) refused = res;
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      expect(Number(refused!.retryAfter)).toBeGreaterThan(0);
      expect(refused!.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    } finally {
      await small.stop();
    }
  });
});
