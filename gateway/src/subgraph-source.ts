import http from 'node:http';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER, signIdentity, type Identity, type Logger, type SigningKey } from '@sanshe/service-kit';
import { GraphQLError } from 'graphql';
import { Response, type RequestInit } from 'node-fetch';
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
 * The fetcher is shared by every request to a subgraph and never sees the request context,
 * so each fetch's caller and abort signal wait here under a key that `willSendRequest` puts
 * in an internal header, which the fetcher removes before sending. (Async-local storage would
 * do the same, but on Node 20 it hooks every promise of the gateway, at a measurable cost.)
 */
const CALL_HEADER = 'x-sanshe-call';
interface FetchCall {
  signal?: AbortSignal;
  identity?: Identity;
}
const calls = new Map<string, FetchCall>();
const callKeys = new WeakMap<object, string>();
let lastCall = 0;

/**
 * Signs the caller's identity here, on the exact body sent (APQ's hash-only and full
 * retries each get their own signature), for this subgraph alone, valid for seconds.
 */
function fetcherFor(agent: http.Agent, audience: string, signer: SigningKey) {
  return (url: string, init: RequestInit) => {
    const headers = { ...(init.headers as Record<string, string>) };
    const key = headers[CALL_HEADER];
    delete headers[CALL_HEADER];
    const { signal, identity } = (key === undefined ? undefined : calls.get(key)) ?? {};
    const body = typeof init.body === 'string' ? init.body : '';
    if (identity) headers[IDENTITY_HEADER] = signIdentity(identity, signer, { audience, body });
    return post(url, { headers, body, agent, signal });
  };
}

/** What a fetch that was stopped rejects with: the name the data source and node-fetch use. */
const abortError = () => Object.assign(new Error('The subgraph request was aborted.'), { name: 'AbortError' });

/**
 * One POST on node:http, answered as a node-fetch `Response` (status, headers, body): all that
 * RemoteGraphQLDataSource reads. node-fetch's request and stream plumbing around the same
 * node:http call cost about a third more CPU per subgraph fetch, six times per dashboard.
 */
function post(
  url: string,
  request: { headers: Record<string, string>; body: string; agent: http.Agent; signal?: AbortSignal },
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const { signal } = request;
    if (signal?.aborted) return reject(abortError());
    const payload = Buffer.from(request.body);
    const onAbort = () => req.destroy(abortError());
    const settle = () => signal?.removeEventListener('abort', onAbort);
    const fail = (err: Error) => {
      settle();
      reject(err);
    };
    const req = http.request(
      url,
      { method: 'POST', agent: request.agent, headers: { ...request.headers, 'content-length': String(payload.length) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', fail);
        res.on('end', () => {
          settle();
          const headers = Object.entries(res.headers).flatMap(([name, value]): [string, string][] =>
            value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]],
          );
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode, statusText: res.statusMessage, headers, url }));
        });
      },
    );
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', fail);
    req.end(payload);
  });
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

  override willSendRequest(options: GraphQLDataSourceProcessOptions<SubgraphCallContext>): void {
    const { request, context } = options;
    if (!context.identity) return; // the gateway's own schema and health probes carry no caller
    const key = callKeys.get(options);
    if (key !== undefined) request.http?.headers.set(CALL_HEADER, key);
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
    lastCall = lastCall >= Number.MAX_SAFE_INTEGER ? 1 : lastCall + 1;
    const key = String(lastCall);
    calls.set(key, { signal: options.context.signal, identity: options.context.identity });
    callKeys.set(options, key);
    try {
      return await super.process(options);
    } finally {
      calls.delete(key);
      stop();
    }
  }
}
