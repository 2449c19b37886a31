import { createHash } from 'node:crypto';
import { startStubGateway, type StubStack } from './stub-subgraph';

const INTROSPECT = '{ __schema { queryType { name } } }';

describe('the gateway HTTP policy', () => {
  let stack: StubStack;

  beforeAll(async () => {
    stack = await startStubGateway();
  });
  afterAll(() => stack?.stop());

  it('hides internal failures: a generic message, no stack trace, nothing from the subgraph', async () => {
    const { status, body } = await stack.post({ query: '{ broken }' });
    expect(status).toBe(200);
    const [error] = body.errors ?? [];
    expect(error).toMatchObject({ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(body)).not.toMatch(/hunter2|db-internal|stacktrace/);
  });

  it('keeps CSRF prevention on: a form-like request is refused, JSON or a preflight header passes', async () => {
    const form = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(form.status).toBe(400);
    expect(await form.text()).toContain('Cross-Site Request Forgery');

    const get = `${stack.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`;
    expect((await fetch(get)).status).toBe(400);
    const preflighted = await fetch(get, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toEqual({ data: { __typename: 'Query' } });

    const json = await stack.post({ query: '{ __typename }' });
    expect(json.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses operations it cannot run with a 400 that says why, not a 500', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ query: 'query A { __typename } query B { __typename }' }, /several operations/],
      [{ query: 'query A { __typename }', operationName: 'B' }, /no operation named "B"/],
      [{ query: 'subscription { tree { id } }' }, /no subscriptions/],
    ];
    for (const [request, message] of cases) {
      const { status, body } = await stack.post(request);
      expect(status).toBe(400);
      expect(body.errors?.[0]).toMatchObject({
        message: expect.stringMatching(message),
        extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
      });
    }
    const named = await stack.post({ query: 'query A { __typename } query B { tree { id } }', operationName: 'A' });
    expect(named.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('supports automatic persisted queries: unknown hash, then registered with its query, then hash only', async () => {
    const query = `{ tree { id name } }`;
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };

    const unknown = await stack.post({ extensions: { persistedQuery } });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const registered = await stack.post({ query, extensions: { persistedQuery } });
    expect(registered.body).toEqual({ data: { tree: { id: 'n0', name: 'node 0' } } });

    const byHash = await stack.post({ extensions: { persistedQuery } });
    expect(byHash.body).toEqual({ data: { tree: { id: 'n0', name: 'node 0' } } });
  });

  it('allows introspection outside production', async () => {
    const { body } = await stack.post({ query: INTROSPECT });
    expect(body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('is ready while every subgraph of its supergraph answers, and live regardless', async () => {
    const ready = await fetch(`${stack.origin}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', subgraphs: { stub: true } });
    expect((await fetch(`${stack.origin}/health/live`)).status).toBe(200);
  });
});

describe('a gateway whose subgraph is down', () => {
  it('is live but not ready', async () => {
    const stack = await startStubGateway();
    try {
      await stack.subgraph.stop();
      const ready = await fetch(`${stack.origin}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'not ready', subgraphs: { stub: false } });
      expect((await fetch(`${stack.origin}/health/live`)).status).toBe(200);
    } finally {
      await stack.gateway.stop();
    }
  });
});

describe('introspection in production', () => {
  it.each([
    [{}, false],
    [{ INTROSPECTION: 'true' }, true],
  ])('with %j is %s', async (env, allowed) => {
    const stack = await startStubGateway({ NODE_ENV: 'production', ...env });
    try {
      const { body } = await stack.post({ query: INTROSPECT });
      if (allowed) {
        expect(body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      } else {
        expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(body.errors?.[0]?.message).toMatch(/introspection/i);
      }
    } finally {
      await stack.stop();
    }
  });
});
