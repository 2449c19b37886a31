import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { loadSupergraphSdl } from '@sanshe/schemas';
import {
  createFormatError,
  createLogger,
  createRequestListener,
  sendJson,
  traceparentOf,
  type Identity,
  type Logger,
} from '@sanshe/service-kit';
import fetch from 'node-fetch';
import { createAuthenticator } from './auth';
import { subgraphUrls, type GatewayConfig } from './config';
import { maskSuggestions, queryLimits } from './limits';
import { RateLimits } from './rate-limits';
import { createOpen311, Open311Store } from './open311';
import { consoleConfig, devTokenEnabled, devTokenRoute } from './dev-token';
import { operationResolution } from './operations';
import { GatewayMetrics, type MeteredContext } from './metrics';
import { createPlayground } from './playground';
import { SubgraphDataSource, subgraphAgent } from './subgraph-source';
import { supergraphFromFile } from './supergraph-file';
import { loadManifest, trustedDocumentsPlugin } from './trusted-documents';

export interface GatewayContext extends MeteredContext {
  identity: Identity;
  traceparent: string;
  /** The TCP peer: a proxy in front must be trusted explicitly before its forwarded-for header would be. */
  clientIp: string;
}

export interface RunningGateway {
  apollo: ApolloServer<GatewayContext>;
  httpServer: http.Server;
  metrics: GatewayMetrics;
  logger: Logger;
  listen(port?: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

/** The subgraphs a supergraph routes to, as named in its `join__Graph` enum. */
export function supergraphSubgraphs(supergraphSdl: string): { name: string; url: string }[] {
  const found = supergraphSdl.matchAll(/@join__graph\(name:\s*"([^"]+)",\s*url:\s*"([^"]*)"\)/g);
  return [...found].map((m) => ({ name: m[1]!, url: m[2]! }));
}

/** Builds the gateway over the committed supergraph (or the one given) without listening. */
export async function createGateway(config: GatewayConfig, options: { supergraphSdl?: string } = {}): Promise<RunningGateway> {
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const metrics = new GatewayMetrics();
  // SUPERGRAPH_PATH (a mounted ConfigMap) is watched and reloaded; otherwise the committed one.
  const watched =
    !options.supergraphSdl && config.SUPERGRAPH_PATH ? supergraphFromFile(config.SUPERGRAPH_PATH, config.SUPERGRAPH_POLL_MS, logger) : null;
  const supergraphSdl = options.supergraphSdl ?? watched?.initial ?? loadSupergraphSdl();
  const configured = subgraphUrls(config);
  // Readiness covers exactly the subgraphs this supergraph routes to.
  const subgraphs = supergraphSubgraphs(supergraphSdl).map(({ name, url }) => ({ name, url: configured[name] ?? url }));

  const agent = subgraphAgent({ keepAlive: config.SUBGRAPH_KEEP_ALIVE, maxSockets: config.SUBGRAPH_MAX_SOCKETS });
  const gateway = new ApolloGateway({
    supergraphSdl: watched?.hook ?? supergraphSdl,
    experimental_approximateQueryPlanStoreMiB: config.QUERY_PLAN_CACHE_MIB,
    buildService: ({ name, url }) =>
      new SubgraphDataSource(name, configured[name] ?? url!, config.IDENTITY_SIGNING_KEY, metrics, logger, {
        agent,
        apq: config.SUBGRAPH_APQ,
      }),
    logger,
  });
  const limits = queryLimits(config);
  const rateLimits = new RateLimits(config);
  const formatError = createFormatError(logger, config.NODE_ENV === 'development');
  if (config.TRUSTED_DOCUMENTS !== 'off' && !config.TRUSTED_DOCUMENTS_MANIFEST) {
    throw new Error(
      `TRUSTED_DOCUMENTS=${config.TRUSTED_DOCUMENTS} needs TRUSTED_DOCUMENTS_MANIFEST: the path or URL of the apps' manifest (hash → document).`,
    );
  }
  const trusted = config.TRUSTED_DOCUMENTS_MANIFEST ? await loadManifest(config.TRUSTED_DOCUMENTS_MANIFEST) : new Map<string, string>();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: config.BLOCK_FIELD_SUGGESTIONS ? (formatted, error) => maskSuggestions(formatError(formatted, error)) : formatError,
    includeStacktraceInErrorResponses: false,
    introspection: config.INTROSPECTION,
    // Apollo's default landing page loads from a CDN; the playground is served below instead.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      metrics.plugin(),
      operationResolution(),
      trustedDocumentsPlugin(config.TRUSTED_DOCUMENTS, trusted, logger),
      ...limits.plugins,
      rateLimits.plugin<GatewayContext>(),
    ],
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // csrfPrevention stays at Apollo's default (on): browsers must send JSON or a preflight header.
    logger,
  });
  await apollo.start();
  const authenticate = createAuthenticator(config);

  const api = createRequestListener<GatewayContext>({
    apollo,
    maxBodyBytes: config.MAX_BODY_BYTES,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    context: async (req, signal) => {
      const clientIp = req.socket.remoteAddress ?? 'unknown';
      // The IP's budget is spent before the token is checked, so bad tokens cost it too.
      await rateLimits.admit(null, clientIp);
      const identity = await authenticate(req.headers.authorization);
      if (identity.userId) await rateLimits.admit(identity, clientIp);
      return { identity, clientIp, traceparent: traceparentOf(req), signal, metering: {} };
    },
    onGraphQLResponse: (info) => metrics.recordResponse(info),
    routes: {
      'GET /health/live': (_req, res) => sendJson(res, 200, { status: 'live', service: 'gateway' }),
      'GET /health/ready': async (_req, res) => {
        const checks = await Promise.all(
          subgraphs.map(async ({ name, url }) => {
            const health = new URL('/health/ready', url).toString();
            const ok = await fetch(health, { agent, timeout: 2000 }).then(
              (r) => r.ok,
              () => false,
            );
            return [name, ok] as const;
          }),
        );
        const ready = checks.every(([, ok]) => ok);
        sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', subgraphs: Object.fromEntries(checks) });
      },
      'GET /metrics': (_req, res) => metrics.serve(res),
      ...(config.PLAYGROUND ? { 'GET /console/config.json': (_req, res) => sendJson(res, 200, consoleConfig(config)) } : {}),
      // Development only: absent (404) in production and when tokens come from an OIDC issuer.
      ...(devTokenEnabled(config) ? { 'POST /dev/token': devTokenRoute(config) } : {}),
    },
  });
  const playground = config.PLAYGROUND
    ? createPlayground({
        connectOrigins: config.CONSOLE_OIDC_ISSUER ? [new URL(config.CONSOLE_OIDC_ISSUER).origin] : [],
        onMissing: (dir) => logger.warn({ dir }, 'the admin console is not built: run `npm run build` to serve it at /'),
      })
    : null;
  const open311Store = new Open311Store({
    mongoUrl: config.MONGO_URL,
    dbName: config.OPEN311_DB,
    requestsPerMinute: config.OPEN311_REQUESTS_PER_MINUTE,
  });
  const open311 = createOpen311({
    apollo,
    authenticate,
    store: open311Store,
    maxBodyBytes: config.MAX_BODY_BYTES,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    logger,
  });
  const httpServer = http.createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    if (playground?.(req, res)) return;
    if (open311(req, res)) return;
    api(req, res);
  });

  return {
    apollo,
    httpServer,
    metrics,
    logger,
    listen(port = config.PORT, host = config.HOST) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve(`http://${host}:${(httpServer.address() as AddressInfo).port}/graphql`));
      });
    },
    async stop() {
      await new Promise<void>((resolve) => {
        if (!httpServer.listening) return resolve();
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
      });
      await apollo.stop();
      await open311Store.close();
      agent.destroy();
    },
  };
}
