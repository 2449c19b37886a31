import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { loadSupergraphSdl } from '@sanshe/schemas';
import { createFormatError, createLogger, createRequestListener, sendJson, traceparentOf, type Identity, type Logger } from '@sanshe/service-kit';
import fetch from 'node-fetch';
import { createAuthenticator } from './auth';
import { subgraphUrls, type GatewayConfig } from './config';
import { consoleConfig, devTokenEnabled, devTokenRoute } from './dev-token';
import { queryLimits } from './limits';
import { operationResolution } from './operations';
import { GatewayMetrics, type MeteredContext } from './metrics';
import { createPlayground } from './playground';
import { SubgraphDataSource, subgraphAgent } from './subgraph-source';
import { loadManifest, trustedDocumentsPlugin } from './trusted-documents';

export interface GatewayContext extends MeteredContext {
  identity: Identity;
  traceparent: string;
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
  const supergraphSdl = options.supergraphSdl ?? loadSupergraphSdl();
  const configured = subgraphUrls(config);
  // Readiness covers exactly the subgraphs this supergraph routes to.
  const subgraphs = supergraphSubgraphs(supergraphSdl).map(({ name, url }) => ({ name, url: configured[name] ?? url }));

  const agent = subgraphAgent({ keepAlive: config.SUBGRAPH_KEEP_ALIVE, maxSockets: config.SUBGRAPH_MAX_SOCKETS });
  const gateway = new ApolloGateway({
    supergraphSdl,
    experimental_approximateQueryPlanStoreMiB: config.QUERY_PLAN_CACHE_MIB,
    buildService: ({ name, url }) => new SubgraphDataSource(name, configured[name] ?? url!, config.IDENTITY_SECRET, metrics, logger, { agent, apq: config.SUBGRAPH_APQ }),
    logger,
  });
  const limits = queryLimits(config);
  if (config.TRUSTED_DOCUMENTS !== 'off' && !config.TRUSTED_DOCUMENTS_MANIFEST) {
    throw new Error(`TRUSTED_DOCUMENTS=${config.TRUSTED_DOCUMENTS} needs TRUSTED_DOCUMENTS_MANIFEST: the path or URL of the apps' manifest (hash → document).`);
  }
  const trusted = config.TRUSTED_DOCUMENTS_MANIFEST ? await loadManifest(config.TRUSTED_DOCUMENTS_MANIFEST) : new Map<string, string>();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createFormatError(logger, config.NODE_ENV === 'development'),
    includeStacktraceInErrorResponses: false,
    introspection: config.INTROSPECTION,
    // Apollo's default landing page loads from a CDN; the playground is served below instead.
    plugins: [ApolloServerPluginLandingPageDisabled(), metrics.plugin(), operationResolution(), trustedDocumentsPlugin(config.TRUSTED_DOCUMENTS, trusted, logger), ...limits.plugins],
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
    context: async (req, signal) => ({
      identity: await authenticate(req.headers.authorization),
      traceparent: traceparentOf(req),
      signal,
      metering: {},
    }),
    onGraphQLResponse: (info) => metrics.recordResponse(info),
    routes: {
      'GET /health/live': (_req, res) => sendJson(res, 200, { status: 'live', service: 'gateway' }),
      'GET /health/ready': async (_req, res) => {
        const checks = await Promise.all(
          subgraphs.map(async ({ name, url }) => {
            const health = new URL('/health/ready', url).toString();
            const ok = await fetch(health, { agent, timeout: 2000 }).then((r) => r.ok, () => false);
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
  const httpServer = http.createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    if (playground?.(req, res)) return;
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
      agent.destroy();
    },
  };
}
