import { generateKeySet } from '@sanshe/service-kit';
import { gatewayConfigSchema } from '../src/config';
import { startStubGateway, type StubStack } from './stub-subgraph';

/** `{ tree { child { child … { id } } } }` with `depth` levels of selection in all. */
function nested(depth: number): string {
  return `{ tree { ${'child { '.repeat(depth - 2)}id${' }'.repeat(depth - 2)} } }`;
}

describe('query limits at the gateway', () => {
  let stack: StubStack;

  beforeAll(async () => {
    stack = await startStubGateway({
      MAX_DEPTH: '6',
      MAX_ALIASES: '3',
      MAX_COST: '50',
      MAX_TOKENS: '300',
      MAX_DIRECTIVES: '3',
      MAX_BODY_BYTES: '4000',
      // Long enough for a cold first request on a loaded CI machine; the stub's `slow` takes 5 s.
      REQUEST_TIMEOUT_MS: '2000',
    });
  });
  afterAll(() => stack?.stop());

  /** Sends `query` and checks that the answer is a refusal the subgraph never saw. */
  async function expectRefusedBeforeSubgraph(query: string) {
    const before = stack.subgraph.requests;
    const { status, body } = await stack.post({ query });
    expect(stack.subgraph.requests).toBe(before);
    expect(body.data).toBeUndefined();
    return { status, errors: body.errors ?? [], error: body.errors?.[0] };
  }

  it('answers a query within every limit through the subgraph', async () => {
    const before = stack.subgraph.requests;
    const { status, body } = await stack.post({ query: nested(6) });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(stack.subgraph.requests).toBe(before + 1);
  });

  it.each([
    ['MAX_DEPTH', nested(7), /depth limit of 6 exceeded, found 7/],
    ['MAX_ALIASES', '{ a: tree { id } b: tree { id } c: tree { id } d: tree { id } }', /Aliases limit of 3 exceeded, found 4/],
    [
      'MAX_COST',
      '{ tree { id name child { id name child { id name child { id name child { id name } } } } } }',
      /Query Cost limit of 50 exceeded, found 65\.9/,
    ],
    [
      'MAX_DIRECTIVES',
      '{ tree { id @skip(if: false) name @skip(if: false) child { id @skip(if: false) name @skip(if: false) } } }',
      /Directives limit of 3 exceeded, found 4/,
    ],
  ])('refuses a query over %s with GRAPHQL_VALIDATION_FAILED before any subgraph is called', async (limit, query, message) => {
    const { status, errors } = await expectRefusedBeforeSubgraph(query);
    expect(status).toBe(400);
    const error = errors.find((e) => e.extensions?.limit === limit);
    expect(error?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit });
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toMatch(/^Syntax Error/);
  });

  it('refuses a query over MAX_TOKENS while parsing', async () => {
    const { status, error } = await expectRefusedBeforeSubgraph(`{ tree { ${'id '.repeat(300)}} }`);
    expect(status).toBe(400);
    expect(error?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(error?.message).toMatch(/more tha[nt] 300 tokens/);
  });

  it('hides field suggestions that would reveal the schema', async () => {
    const { status, error } = await expectRefusedBeforeSubgraph('{ tre { id } }');
    expect(status).toBe(400);
    expect(error?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error?.message).toContain('Cannot query field "tre"');
    expect(error?.message).not.toContain('Did you mean');
  });

  it('refuses a body over MAX_BODY_BYTES with HTTP 413', async () => {
    const before = stack.subgraph.requests;
    const { status, body } = await stack.post({ query: '{ tree { id } }', variables: { padding: 'x'.repeat(5000) } });
    expect(status).toBe(413);
    expect(body.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_REQUEST' },
      message: expect.stringContaining('larger than 4000 bytes'),
    });
    expect(stack.subgraph.requests).toBe(before);
  });

  it('stops a request over REQUEST_TIMEOUT_MS with HTTP 504 REQUEST_TIMEOUT and hangs up on the subgraph', async () => {
    const started = Date.now();
    const { status, body } = await stack.post({ query: '{ slow }' });
    expect(status).toBe(504);
    expect(Date.now() - started).toBeLessThan(4_500);
    expect(body.errors?.[0]).toMatchObject({
      extensions: { code: 'REQUEST_TIMEOUT' },
      message: expect.stringContaining('longer than 2000 ms'),
    });
    for (let i = 0; i < 20 && stack.subgraph.abandoned === 0; i += 1) await new Promise((r) => setTimeout(r, 50));
    expect(stack.subgraph.abandoned).toBe(1);

    // Counted once, as the client saw it, though the execution behind it ended later.
    const metrics = await (await fetch(`${stack.origin}/metrics`)).text();
    expect(metrics).toMatch(/^sanshe_gateway_errors_total\{code="REQUEST_TIMEOUT"\} 1$/m);
    expect(metrics).toMatch(/^sanshe_gateway_requests_total\{operation_type="query",status="504"\} 1$/m);
  });
});

describe('query limit defaults', () => {
  it('are depth 10, 15 aliases, cost 5000, 1000 tokens, 50 directives, 15 s, 100 kB', async () => {
    const keys = generateKeySet('test');
    expect(gatewayConfigSchema.parse(keys)).toMatchObject({
      MAX_DEPTH: 10,
      MAX_ALIASES: 15,
      MAX_COST: 5000,
      MAX_TOKENS: 1000,
      MAX_DIRECTIVES: 50,
      REQUEST_TIMEOUT_MS: 15_000,
      MAX_BODY_BYTES: 100_000,
      BLOCK_FIELD_SUGGESTIONS: true,
      INTROSPECTION: true,
      PLAYGROUND: true,
    });
    expect(gatewayConfigSchema.parse({ ...keys, NODE_ENV: 'production' }).INTROSPECTION).toBe(false);
    expect(gatewayConfigSchema.parse({ ...keys, NODE_ENV: 'production', INTROSPECTION: 'true' }).INTROSPECTION).toBe(true);
    expect(() => gatewayConfigSchema.parse({ ...keys, INTROSPECTION: 'yes please' })).toThrow(/true or false/);
  });
});
