/**
 * A gateway over one tiny in-memory subgraph, for tests of the gateway's own HTTP
 * behaviour (limits, timeouts, CSRF, introspection, playground) that need neither
 * Mongo nor Kafka. The subgraph counts the requests it receives, so a test can prove
 * that a refused query never reached it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeSupergraph, defaultUrl } from '@sanshe/schemas/compose';
import { buildSchema, graphql } from 'graphql';
import { generateKeySet } from '@sanshe/service-kit';
import { gatewayConfigSchema, type GatewayConfig } from '../src/config';
import { createGateway, type RunningGateway } from '../src/server';

const TYPES = `
type Query {
  "A self-similar tree: as deep and as wide as a test needs."
  tree: Node!
  "Answers after SLOW_MS milliseconds."
  slow: String!
  "Fails with an internal message that must never reach a client."
  broken: String
}

type Node {
  id: ID!
  name: String!
  child: Node!
}
`;

const SUBGRAPH_SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\n${TYPES}`;
const SLOW_MS = 5_000;

export interface StubSubgraph {
  url: string;
  /** GraphQL requests received so far. */
  requests: number;
  /** Requests whose caller hung up before the answer was sent. */
  abandoned: number;
  stop(): Promise<void>;
}

export async function startStubSubgraph(): Promise<StubSubgraph> {
  const schema = buildSchema(TYPES);
  const node = (depth: number): Record<string, unknown> => ({ id: `n${depth}`, name: `node ${depth}`, child: () => node(depth + 1) });
  const rootValue = {
    tree: () => node(0),
    slow: () => new Promise((resolve) => setTimeout(() => resolve('finally'), SLOW_MS).unref()),
    broken: () => {
      throw new Error('connection to db-internal-7:27017 refused (password hunter2)');
    },
  };
  const stub: StubSubgraph = { url: '', requests: 0, abandoned: 0, stop: async () => undefined };
  const server = http.createServer((req, res) => {
    if (req.url === '/health/ready') return void res.writeHead(200).end('{"status":"ready"}');
    stub.requests += 1;
    res.on('close', () => {
      if (!res.writableFinished) stub.abandoned += 1;
    });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        query: string;
        variables?: Record<string, unknown>;
      };
      void Promise.resolve(graphql({ schema, source: query, rootValue, variableValues: variables })).then((result) => {
        if (res.destroyed) return;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  stub.stop = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return stub;
}

export interface StubStack {
  gateway: RunningGateway;
  gatewayUrl: string;
  /** The gateway's origin, e.g. http://127.0.0.1:1234 (for /metrics, /health, the playground). */
  origin: string;
  subgraph: StubSubgraph;
  config: GatewayConfig;
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: StubResponse }>;
  stop(): Promise<void>;
}

export interface StubResponse {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Starts the stub subgraph and a gateway over it; `env` overrides gateway config keys. */
export async function startStubGateway(env: Record<string, string> = {}): Promise<StubStack> {
  const subgraph = await startStubSubgraph();
  const { supergraphSdl } = composeSupergraph({ stub: SUBGRAPH_SDL });
  // Fresh keys per stub stack; a general budget no suite here reaches (test/security checks the budgets).
  const config = gatewayConfigSchema.parse({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...generateKeySet('test'),
    RATE_LIMIT_REQUESTS: '1000000',
    ...env,
  });
  const gateway = await createGateway(config, { supergraphSdl: supergraphSdl.replace(defaultUrl('stub'), subgraph.url) });
  const gatewayUrl = await gateway.listen(0, '127.0.0.1');
  return {
    gateway,
    gatewayUrl,
    origin: new URL(gatewayUrl).origin,
    subgraph,
    config,
    async post(body, headers = {}) {
      const res = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as StubResponse };
    },
    async stop() {
      await gateway.stop();
      await subgraph.stop();
    },
  };
}
