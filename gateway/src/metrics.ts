import type { ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLResponseInfo } from '@sanshe/service-kit';
import { getOperationAST } from 'graphql';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** What the metrics need to know about a request, kept on the gateway context. */
export interface MeteredContext {
  /**
   * Filled in by the metrics plugin. A nested object because Apollo hands plugins a
   * shallow copy of the context, so a field set on the copy itself would be lost.
   */
  metering: {
    /** query / mutation / subscription once the operation is resolved. */
    operationType?: string;
  };
  /** Aborts when the request timed out; its late answer is then not counted again. */
  signal: AbortSignal;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30];

/**
 * Prometheus metrics of one gateway, in its own registry rather than prom-client's
 * global one, so several gateways in one process (tests) never clash over names.
 */
export class GatewayMetrics {
  readonly registry = new Registry();

  readonly requests = new Counter({
    name: 'sanshe_gateway_requests_total',
    help: 'GraphQL requests answered by the gateway, by operation type and HTTP status.',
    labelNames: ['operation_type', 'status'] as const,
    registers: [this.registry],
  });

  readonly duration = new Histogram({
    name: 'sanshe_gateway_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to answering it.',
    labelNames: ['operation_type'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: 'sanshe_gateway_errors_total',
    help: 'Errors returned to clients, by extensions.code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly subgraphFetch = new Histogram({
    name: 'sanshe_gateway_subgraph_fetch_duration_seconds',
    help: 'Time of each fetch from the gateway to a subgraph.',
    labelNames: ['subgraph'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });

  constructor() {
    // The event-loop lag is sampled every 50 ms, not prom-client's default 10 ms: a timer that
    // wakes the process 100 times a second costs an idle gateway more CPU than it is worth.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 50 });
  }

  /** Counts a response; `onGraphQLResponse` of the HTTP layer calls it for every request. */
  recordResponse(info: GraphQLResponseInfo<MeteredContext>): void {
    const operationType = info.context?.metering.operationType ?? 'unknown';
    this.requests.inc({ operation_type: operationType, status: String(info.status) });
    this.duration.observe({ operation_type: operationType }, info.durationMs / 1000);
    if (info.errorCode) this.errors.inc({ code: info.errorCode });
  }

  /** Learns each request's operation type and counts the errors in the answer as sent. */
  plugin(): ApolloServerPlugin<MeteredContext> {
    const errors = this.errors;
    return {
      async requestDidStart() {
        return {
          // Known before validation, so a query refused by a limit is still labelled a query.
          async validationDidStart({ contextValue, document, request }) {
            contextValue.metering.operationType = getOperationAST(document, request.operationName)?.operation;
          },
          // Documents served from the cache skip validation; this covers them.
          async didResolveOperation({ contextValue, operation }) {
            contextValue.metering.operationType = operation?.operation;
          },
          async willSendResponse({ contextValue, response }) {
            if (contextValue.signal?.aborted || response.body.kind !== 'single') return;
            for (const error of response.body.singleResult.errors ?? []) {
              const code = error.extensions?.code;
              errors.inc({ code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
            }
          },
        };
      },
    };
  }

  async serve(res: ServerResponse): Promise<void> {
    const body = await this.registry.metrics();
    res.writeHead(200, { 'content-type': this.registry.contentType, 'cache-control': 'no-store' });
    res.end(body);
  }
}
