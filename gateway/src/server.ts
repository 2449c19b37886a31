import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { loadSupergraphSdl } from '@sanshe/schemas';
import {
  createFormatError,
  createLogger,
  createRequestListener,
  IDENTITY_HEADER,
  sendJson,
  signIdentity,
  traceparentOf,
  type Identity,
  type Logger,
} from '@sanshe/service-kit';
import fetch from 'node-fetch';
import { createAuthenticator } from './auth';
import { subgraphUrls, type GatewayConfig } from './config';

export interface GatewayContext {
  identity: Identity;
  traceparent: string;
}

const keepAliveAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** Forwards the verified identity, signed, and the trace context to every subgraph. */
class SignedIdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, private readonly secret: string) {
    super({ url, fetcher: ((input: string, init: Record<string, unknown>) => fetch(input, { ...init, agent: keepAliveAgent })) as never });
  }

  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]): void {
    if (!context.identity) return; // the gateway's own health probes carry no caller
    request.http?.headers.set(IDENTITY_HEADER, signIdentity(context.identity, this.secret));
    request.http?.headers.set('traceparent', context.traceparent);
  }
}

export interface RunningGateway {
  apollo: ApolloServer<GatewayContext>;
  httpServer: http.Server;
  logger: Logger;
  listen(port?: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

/** Builds the gateway over the committed supergraph without listening. */
export async function createGateway(config: GatewayConfig, options: { supergraphSdl?: string } = {}): Promise<RunningGateway> {
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const urls = subgraphUrls(config);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? loadSupergraphSdl(),
    experimental_approximateQueryPlanStoreMiB: config.QUERY_PLAN_CACHE_MIB,
    buildService: ({ name, url }) => new SignedIdentityDataSource(urls[name] ?? url!, config.IDENTITY_SECRET),
    logger,
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createFormatError(logger, config.NODE_ENV === 'development'),
    includeStacktraceInErrorResponses: false,
    introspection: config.NODE_ENV !== 'production',
    logger,
  });
  await apollo.start();
  const authenticate = createAuthenticator(config);

  const listener = createRequestListener<GatewayContext>({
    apollo,
    maxBodyBytes: config.MAX_BODY_BYTES,
    context: async (req) => ({ identity: await authenticate(req.headers.authorization), traceparent: traceparentOf(req) }),
    routes: {
      'GET /health/live': (_req, res) => sendJson(res, 200, { status: 'live', service: 'gateway' }),
      'GET /health/ready': async (_req, res) => {
        const checks = await Promise.all(
          Object.entries(urls).map(async ([name, url]) => {
            const health = new URL('/health/ready', url).toString();
            const ok = await fetch(health, { agent: keepAliveAgent, timeout: 2000 } as never).then((r) => r.ok, () => false);
            return [name, ok] as const;
          }),
        );
        const subgraphs = Object.fromEntries(checks);
        const ready = checks.every(([, ok]) => ok);
        sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', subgraphs });
      },
    },
  });
  const httpServer = http.createServer({ keepAliveTimeout: 65_000 }, listener);

  return {
    apollo,
    httpServer,
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
    },
  };
}
