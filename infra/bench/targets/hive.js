'use strict';
/**
 * The peer gateway: Hive Gateway's runtime (@graphql-hive/gateway-runtime, which the
 * @graphql-hive/gateway CLI wraps) over the same supergraph and subgraph processes,
 * served by node:http. It gets the same treatment as the Sanshe gateway: the bearer
 * token is verified per request with Sanshe's own authenticator, and every subgraph
 * fetch carries the caller's identity signed for that hop (x-sanshe-identity).
 */
const fs = require('node:fs');
const http = require('node:http');
const { runTarget } = require('./child');

runTarget('hive', async () => {
  const { createGatewayRuntime } = require('@graphql-hive/gateway-runtime');
  const { GraphQLError } = require('graphql');
  const { createAuthenticator } = require('@sanshe/gateway/auth');
  const { loadGatewayConfig, subgraphUrls } = require('@sanshe/gateway/config');
  const { IDENTITY_HEADER, signIdentity, DomainError } = require('@sanshe/service-kit');

  const config = loadGatewayConfig(process.env);
  const authenticate = createAuthenticator(config);
  // The identity is signed for one subgraph: the fetch URL tells which.
  const subgraphAt = new Map(Object.entries(subgraphUrls(config)).map(([name, url]) => [url, name]));
  const HTTP_STATUS = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

  /** Verifies the caller once per request and signs their identity onto each subgraph fetch. */
  const sansheIdentity = {
    async onContextBuilding({ context, extendContext }) {
      try {
        extendContext({ sansheIdentity: await authenticate(context.request.headers.get('authorization') ?? undefined) });
      } catch (err) {
        if (err instanceof DomainError) {
          throw new GraphQLError(err.message, { extensions: { code: err.code, http: { status: HTTP_STATUS[err.code] ?? 400 } } });
        }
        throw err;
      }
    },
    onFetch({ context, url, options, setOptions }) {
      const identity = context?.sansheIdentity;
      if (!identity) return;
      const audience = subgraphAt.get(String(url)) ?? '';
      const body = typeof options.body === 'string' ? options.body : '';
      setOptions({
        ...options,
        headers: { ...options.headers, [IDENTITY_HEADER]: signIdentity(identity, config.IDENTITY_SIGNING_KEY, { audience, body }) },
      });
    },
  };

  const runtime = createGatewayRuntime({
    supergraph: fs.readFileSync(process.env.BENCH_SUPERGRAPH, 'utf8'),
    plugins: () => [sansheIdentity],
    // Hive's HTTP transport shares one in-flight subgraph answer among concurrent identical
    // queries, keyed before the identity is signed on: caller B would get the answer fetched
    // as caller A. Sanshe's subgraphs authorize and mask per caller, so that sharing is not
    // safe here, and the Sanshe gateway does not do it: the peer runs without it.
    transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
    logging: process.env.LOG_LEVEL === 'silent' ? false : 'error',
    landingPage: false,
    graphiql: false,
  });
  const server = http.createServer({ keepAliveTimeout: 65_000 }, runtime);
  const port = Number(process.env.PORT);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}/graphql`,
    async stop() {
      await new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await runtime.dispose?.();
    },
  };
});
