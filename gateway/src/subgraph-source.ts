import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER, signIdentity, type Identity, type Logger, type SigningKey } from '@sanshe/service-kit';
import { GraphQLError } from 'graphql';
import fetch, { type RequestInit, type Response } from 'node-fetch';
import type { GatewayMetrics } from './metrics';

/** What a subgraph fetch needs from the gateway's request context. */
export interface SubgraphCallContext {
  identity?: Identity;
  traceparent?: string;
  signal?: AbortSignal;
}

/** The HTTP agent for subgraph fetches: keep-alive and the socket cap from config. */
export function subgraphAgent(options: { keepAlive: boolean; maxSockets: number }): http.Agent {
  // Node reuses a socket only when the agent keeps it alive; without keep-alive, no cap.
  return new http.Agent(options.keepAlive ? { keepAlive: true, maxSockets: options.maxSockets } : { keepAlive: false });
}

export const keepAliveAgent = subgraphAgent({ keepAlive: true, maxSockets: 64 });

/**
 * The fetcher is shared by every request to a subgraph and never sees the request
 * context, so the request's abort signal and caller reach it through async-local storage.
 */
const fetchScope = new AsyncLocalStorage<{ signal?: AbortSignal; identity?: Identity }>();

/**
 * Signs the caller's identity here, on the exact body sent (APQ's hash-only and full
 * retries each get their own signature), for this subgraph alone, valid for seconds.
 */
function fetcherFor(agent: http.Agent, audience: string, signer: SigningKey) {
  return (url: string, init: RequestInit) => {
    const { signal, identity } = fetchScope.getStore() ?? {};
    const headers = { ...(init.headers as Record<string, string>) };
    if (identity)
      headers[IDENTITY_HEADER] = signIdentity(identity, signer, { audience, body: typeof init.body === 'string' ? init.body : '' });
    return fetch(url, { ...init, headers, agent, ...(signal ? { signal: signal as RequestInit['signal'] } : {}) });
  };
}

/**
 * Calls one subgraph: forwards the verified identity, signed, and the trace context;
 * stops when the gateway request times out; times every fetch for the metrics.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<SubgraphCallContext> {
  constructor(
    readonly subgraph: string,
    url: string,
    signer: SigningKey,
    private readonly metrics: GatewayMetrics,
    private readonly logger?: Logger,
    options: { agent?: http.Agent; apq?: boolean } = {},
  ) {
    super({ url, apq: options.apq ?? false, fetcher: fetcherFor(options.agent ?? keepAliveAgent, subgraph, signer) as never });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<SubgraphCallContext>): void {
    if (!context.identity) return; // the gateway's own schema and health probes carry no caller
    if (context.traceparent) request.http?.headers.set('traceparent', context.traceparent);
  }

  /**
   * A fetch that got no HTTP answer at all (the subgraph is down, or the gateway's request
   * timed out) is reported as SUBGRAPH_UNAVAILABLE naming the part of the graph, so a client
   * can tell a partial answer from a broken one; the cause stays in the log. An HTTP answer
   * keeps Apollo's own error.
   */
  override didEncounterError(error: Error, _request: unknown, response?: Response): void {
    if (response) throw error;
    this.logger?.warn({ subgraph: this.subgraph, err: error }, 'subgraph fetch failed');
    const timedOut = error.name === 'AbortError';
    throw new GraphQLError(
      timedOut
        ? `The ${this.subgraph} part of the graph did not answer in time; the rest of the answer is complete. Try again shortly.`
        : `The ${this.subgraph} part of the graph is unavailable right now; the rest of the answer is complete. Try again shortly.`,
      { extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.subgraph } },
    );
  }

  override async process(options: GraphQLDataSourceProcessOptions<SubgraphCallContext>): ReturnType<RemoteGraphQLDataSource['process']> {
    const stop = this.metrics.subgraphFetch.startTimer({ subgraph: this.subgraph });
    try {
      const { signal, identity } = options.context;
      return await fetchScope.run({ signal, identity }, () => super.process(options));
    } finally {
      stop();
    }
  }
}
