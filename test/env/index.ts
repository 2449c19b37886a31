/**
 * The one test-environment module: starts chosen subgraphs in-process on free ports
 * (each with its own database and consumer-group prefix), composes the supergraph
 * from their SDL, and starts the gateway over it. An end-to-end test stays a few lines.
 */
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import {
  generateKeySet,
  IDENTITY_HEADER,
  parseSigningKey,
  kafkaAuthFromEnv,
  signIdentity,
  type Identity,
  type RunningService,
} from '@sanshe/service-kit';
import { mintToken, type SansheClaims } from '@sanshe/gateway/auth';
import { gatewayConfigSchema, type GatewayConfig } from '@sanshe/gateway/config';
import { createGateway, type RunningGateway } from '@sanshe/gateway/server';
import { loadSubgraphSdl } from '@sanshe/schemas';
import { composeSupergraph } from '@sanshe/schemas/compose';
import { recordRunStart, subscribeFromRunStart } from './run-start';
import { createServiceFromEnv, type ServiceName } from './services';

export { subscribeFromRunStart };

export type { ServiceName };

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [k: string]: unknown } }[];
}

export interface Stack {
  gatewayUrl: string;
  gateway: RunningGateway;
  services: Partial<Record<ServiceName, RunningService>>;
  serviceUrls: Partial<Record<ServiceName, string>>;
  /** Unique per stack: prefix ids with it so parallel test files never collide. */
  runId: string;
  env: NodeJS.ProcessEnv;
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  token(claims: Omit<SansheClaims, 'sub'> & { sub?: string }): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Each stack gets its own keys (no test depends on the checkout's .data/keys) and a general
 * request budget no ordinary suite reaches; test/security sets its own budgets.
 */
export function testEnv(runId: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...generateKeySet('test'),
    RATE_LIMIT_REQUESTS: '1000000',
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    KAFKA_GROUP_PREFIX: `${runId}.`,
    // A stack's groups start at the topics' ends: a broker that has seen many runs costs nothing.
    KAFKA_CONSUMER_START: 'end',
    CONSUMER_MAX_ATTEMPTS: '3',
    ...extra,
  };
}

export async function postGraphQL<T>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T> & { status: number }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GraphQLResponse<T>;
  return { ...body, status: res.status };
}

/** The identity header the gateway of `env` would send to `audience` with exactly `body`. */
export function identityHeader(env: NodeJS.ProcessEnv, audience: string, body: string, identity: Identity): Record<string, string> {
  return { [IDENTITY_HEADER]: signIdentity(identity, parseSigningKey(env.IDENTITY_SIGNING_KEY ?? ''), { audience, body }) };
}

/** Posts straight to a subgraph as the gateway would: the body signed for that subgraph. */
export async function postSigned<T>(
  env: NodeJS.ProcessEnv,
  subgraph: string,
  url: string,
  query: string,
  variables: Record<string, unknown> | undefined,
  identity: Identity,
): Promise<GraphQLResponse<T> & { status: number }> {
  const body = JSON.stringify({ query, variables });
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...identityHeader(env, subgraph, body, identity) },
    body,
  });
  return { ...((await res.json()) as GraphQLResponse<T>), status: res.status };
}

/**
 * The reference data a seeded deployment holds before it serves: resident-services' catalogue,
 * which its seed writes and the service only reads. Loaded only for a stack that runs it.
 */
async function seedReferenceData(name: ServiceName, service: RunningService): Promise<void> {
  if (name !== 'resident-services') return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { seedCatalogue } = require('@sanshe/resident-services/seed') as {
    seedCatalogue: (connection: RunningService['connection']) => Promise<unknown>;
  };
  await seedCatalogue(service.connection);
}

/**
 * `extra` configures every process of the stack; `options.gatewayEnv` the gateway alone (its
 * production profile over test subgraphs, an OIDC issuer's keys instead of the local secret).
 */
export async function startStack(
  names: ServiceName[],
  extra: NodeJS.ProcessEnv = {},
  options: { gatewayEnv?: NodeJS.ProcessEnv } = {},
): Promise<Stack> {
  const runId = `t${randomBytes(4).toString('hex')}`;
  const services: Partial<Record<ServiceName, RunningService>> = {};
  const serviceUrls: Partial<Record<ServiceName, string>> = {};
  const env = testEnv(runId, extra);
  await recordRunStart(
    new Kafka({
      clientId: 'test-env',
      brokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
      logLevel: logLevel.NOTHING,
      ...kafkaAuthFromEnv(),
    }),
  );
  try {
    for (const name of names) {
      const service = await createServiceFromEnv(name, { ...env, MONGO_DB: `${runId}_${name.replaceAll('-', '_')}` });
      services[name] = service;
      await seedReferenceData(name, service);
      serviceUrls[name] = await service.listen(0);
    }
    // Groups start at the topics' ends: wait until those are fixed, so no event a test causes is missed.
    await Promise.all(Object.values(services).map((s) => s!.consumersPositioned));
    const { supergraphSdl } = composeSupergraph(Object.fromEntries(names.map((n) => [n, loadSubgraphSdl(n)])));
    const urlEnv: NodeJS.ProcessEnv = {};
    for (const [name, url] of Object.entries(serviceUrls)) urlEnv[`${name.toUpperCase().replaceAll('-', '_')}_URL`] = url;
    const config: GatewayConfig = gatewayConfigSchema.parse({ ...env, ...urlEnv, ...options.gatewayEnv });
    const gateway = await createGateway(config, { supergraphSdl });
    const gatewayUrl = await gateway.listen(0, '127.0.0.1');
    return {
      gatewayUrl,
      gateway,
      services,
      serviceUrls,
      runId,
      env,
      async query(query, variables, token) {
        const { status: _status, ...body } = await postGraphQL(
          gatewayUrl,
          query,
          variables,
          token ? { authorization: `Bearer ${token}` } : {},
        );
        return body as never;
      },
      token: (claims) => mintToken(config, { sub: `user-${runId}`, ...claims }),
      async stop() {
        await gateway.stop();
        await Promise.all(Object.values(services).map((s) => s!.stop()));
      },
    };
  } catch (err) {
    await Promise.all(Object.values(services).map((s) => s!.stop().catch(() => undefined)));
    throw err;
  }
}

/** Polls until `check` returns a value that is not undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * A header a test puts on a record it sends broken on purpose (to exercise a consumer's
 * dead-letter path): the contract check of everything on the broker passes such records over.
 */
export const TEST_FAULT_HEADER = 'sanshe-test-fault';

export interface KafkaRecord {
  event: Record<string, unknown>;
  /** Record headers as strings (content-type, traceparent, …). */
  headers: Record<string, string>;
}

/**
 * Reads `topic` from where this run started (see run-start.ts) with a fresh consumer group
 * until `match` accepts an event (a CloudEvents JSON value), and returns it with the record's headers.
 */
export async function readEvent(
  topic: string,
  match: (event: Record<string, unknown>) => boolean,
  timeoutMs = 60_000,
): Promise<KafkaRecord> {
  const kafka = new Kafka({
    clientId: 'e2e-reader',
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    logLevel: logLevel.NOTHING,
    ...kafkaAuthFromEnv(),
  });
  const groupId = `e2e-reader-${randomBytes(6).toString('hex')}`;
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  try {
    await subscribeFromRunStart(kafka, consumer, groupId, topic);
    return await new Promise<KafkaRecord>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching event on ${topic} within ${timeoutMs} ms`)), timeoutMs);
      consumer
        .run({
          eachMessage: async ({ message }) => {
            const event = JSON.parse(message.value?.toString() ?? 'null') as Record<string, unknown> | null;
            if (!event || !match(event)) return;
            clearTimeout(timer);
            const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
            resolve({ event, headers });
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
}
