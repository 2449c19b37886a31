import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { Topic } from '@sanshe/schemas/generated/events';
import type { DocumentNode } from 'graphql';
import type { Connection, Model } from 'mongoose';
import { ConfigError, type BaseConfig } from './config';
import { requestLogger, traceparentOf, type RequestContext } from './context';
import { EventConsumer, type EventHandlers } from './events/consumer';
import { processedEventsModel, processedEventsPruningJob } from './events/processed-events';
import { EventContracts } from './events/contracts';
import { createKafka, ensureTopics, kafkaAuthFromConfig } from './events/kafka';
import { EventFactory } from './events/outbox';
import { OutboxRelay } from './events/relay';
import { createFormatError } from './graphql-errors';
import { createRequestListener, sendJson } from './http';
import { IDENTITY_HEADER, verifyIdentity } from './identity';
import { scheduleJobs, type ScheduledJob } from './jobs';
import { createLogger, type Logger } from './logger';
import { connectMongo, pingMongo, syncIndexes } from './mongo';

export interface ServiceConfig extends BaseConfig {
  PORT: number;
  MONGO_DB: string;
}

export interface ConsumerSpec {
  groupId: string;
  /** Topics by their generated constants (`TOPICS.REGISTRY_V1`), so a name the contracts do not declare does not compile. */
  topics: Topic[];
  handlers: EventHandlers;
}

export interface ServiceParts<TContext extends RequestContext> {
  typeDefs: DocumentNode;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  resolvers: GraphQLResolverMap<any>;
  /** Adds the service's per-request loaders and use-cases to the base context. */
  contextFor: (base: RequestContext) => TContext;
  /** Models whose documents carry an outbox; the relay drains them. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  outboxModels: Model<any>[];
  consumers?: ConsumerSpec[];
  /** Periodic work, run once per period across all replicas (a lease in the store decides who). */
  jobs?: ScheduledJob[];
}

export interface ServiceDeps<TConfig extends ServiceConfig> {
  config: TConfig;
  connection: Connection;
  events: EventFactory;
  contracts: EventContracts;
  logger: Logger;
}

export interface ServiceDefinition<TConfig extends ServiceConfig, TContext extends RequestContext> {
  /** The subgraph name, also the CloudEvents `source` and the Kafka client id. */
  name: string;
  build: (deps: ServiceDeps<TConfig>) => ServiceParts<TContext> | Promise<ServiceParts<TContext>>;
}

export interface RunningService {
  name: string;
  connection: Connection;
  relay: OutboxRelay;
  consumers: EventConsumer[];
  /**
   * Settles once every consumer's start position is fixed (with KAFKA_CONSUMER_START=end:
   * records written after this are seen), even before the groups have joined.
   */
  consumersPositioned: Promise<void>;
  httpServer: http.Server;
  logger: Logger;
  /** Starts listening; port 0 picks a free port. Returns the GraphQL URL. */
  listen(port?: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Builds a subgraph service — Mongo connection, outbox relay, idempotent consumers,
 * Apollo subgraph behind the signed-identity check, health endpoints — without
 * listening, so tests can run it in-process. `index.ts` of each service only listens.
 */
export async function createService<TConfig extends ServiceConfig, TContext extends RequestContext>(
  definition: ServiceDefinition<TConfig, TContext>,
  config: TConfig,
): Promise<RunningService> {
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  const connection = await connectMongo(config.MONGO_URL, config.MONGO_DB);
  const contracts = new EventContracts();
  const events = new EventFactory(definition.name, contracts);
  const parts = await definition.build({ config, connection, events, contracts, logger });
  if ((parts.consumers ?? []).length > 0) processedEventsModel(connection); // so syncIndexes builds its index
  await syncIndexes(connection);

  const kafka = createKafka(`sanshe-${definition.name}`, config.KAFKA_BROKERS, logger, kafkaAuthFromConfig(config));
  const relay = new OutboxRelay({ kafka, models: parts.outboxModels, logger, pollMs: config.OUTBOX_SWEEP_MS });
  relay.start();

  const consumers = (parts.consumers ?? []).map(
    (spec) =>
      new EventConsumer({
        kafka,
        connection,
        contracts,
        logger,
        maxAttempts: config.CONSUMER_MAX_ATTEMPTS,
        startAt: config.KAFKA_CONSUMER_START,
        ...spec,
        groupId: `${config.KAFKA_GROUP_PREFIX}${spec.groupId}`,
      }),
  );
  // The consumers' dedupe markers, pruned by age (the store has no TTL index), by one replica per period.
  const pruning =
    consumers.length > 0
      ? [
          processedEventsPruningJob(
            connection,
            { everyMs: config.PROCESSED_EVENTS_PRUNE_MS, retentionMs: config.PROCESSED_EVENTS_RETENTION_HOURS * 3600_000 },
            logger,
          ),
        ]
      : [];
  const jobs = scheduleJobs([...(parts.jobs ?? []), ...pruning], { connection, logger });
  let consumersStarted = consumers.length === 0;
  let stopping = false;
  let positioned!: () => void;
  const consumersPositioned = new Promise<void>((resolve) => (positioned = resolve));
  const consumersReady = (async () => {
    // Kafka may be down at boot: keep trying in the background, the API serves meanwhile.
    await ensureTopics(kafka, contracts.topics()).catch((err) =>
      logger.warn({ err: (err as Error).message }, 'could not create topics yet'),
    );
    // Where each group starts is settled for all of them first: joining groups takes longer.
    await Promise.all(consumers.map((c) => c.position())).then(positioned, (err) =>
      logger.warn({ err: (err as Error).message }, 'could not position consumers yet'),
    );
    for (const consumer of consumers) {
      for (let attempt = 1; !stopping; attempt += 1) {
        try {
          await consumer.start();
          break;
        } catch (err) {
          logger.warn({ err: (err as Error).message, attempt }, 'consumer could not start; retrying');
          await consumer.stop();
          await new Promise((r) => setTimeout(r, Math.min(10_000, 500 * attempt)));
        }
      }
    }
    consumersStarted = true;
    positioned();
  })();

  const apollo = new ApolloServer<TContext>({
    schema: buildSubgraphSchema([{ typeDefs: parts.typeDefs, resolvers: parts.resolvers }]),
    formatError: createFormatError(logger, config.NODE_ENV === 'development'),
    includeStacktraceInErrorResponses: false,
    // The gateway composes from the committed supergraph and never introspects a subgraph.
    introspection: config.NODE_ENV !== 'production',
    // Apollo installs both by default. Cache control hooks every field of every request, for
    // HTTP cache hints no one reads behind the gateway; inline traces go to Apollo Studio,
    // which Sanshe does not use (and would show a caller resolver timings).
    plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginInlineTraceDisabled()],
    logger,
  });
  await apollo.start();

  const listener = createRequestListener<TContext>({
    apollo,
    maxBodyBytes: 1_000_000,
    context: async (req, _signal, rawBody) => {
      const header = req.headers[IDENTITY_HEADER];
      // The gateway signs only POST bodies; any other request binds to a text it never signs.
      const body = req.method === 'POST' ? rawBody : `${req.method} ${req.url}`;
      const identity = verifyIdentity(Array.isArray(header) ? header[0] : header, config.IDENTITY_PUBLIC_KEYS, {
        audience: definition.name,
        body,
      });
      const traceparent = traceparentOf(req);
      return parts.contextFor({ identity, traceparent, logger: requestLogger(logger, traceparent) });
    },
    routes: {
      'GET /health/live': (_req, res) => sendJson(res, 200, { status: 'live', service: definition.name }),
      'GET /health/ready': async (_req, res) => {
        const mongo = await pingMongo(connection);
        const ready = mongo && consumersStarted;
        sendJson(res, ready ? 200 : 503, {
          status: ready ? 'ready' : 'not ready',
          service: definition.name,
          mongo,
          consumers: consumersStarted,
        });
      },
    },
  });
  const httpServer = http.createServer({ keepAliveTimeout: 65_000 }, listener);

  return {
    name: definition.name,
    connection,
    relay,
    consumers,
    consumersPositioned,
    httpServer,
    logger,
    listen(port = config.PORT, host = config.HOST) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          resolve(`http://${host}:${address.port}/graphql`);
        });
      });
    },
    async stop() {
      stopping = true;
      await jobs.stop();
      await new Promise<void>((resolve) => {
        if (!httpServer.listening) return resolve();
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
      });
      await apollo.stop();
      await consumersReady;
      await Promise.all(consumers.map((c) => c.stop()));
      await relay.stop();
      await connection.close();
    },
  };
}

/** Runs a built service as a process: listens, and stops cleanly on SIGINT/SIGTERM. */
export async function runService(start: () => Promise<RunningService>): Promise<void> {
  let service: RunningService;
  try {
    service = await start();
  } catch (err) {
    // A refused configuration names its variables; a stack trace would add nothing for the operator.
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  }
  const url = await service.listen();
  service.logger.info({ url }, `${service.name} subgraph ready`);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    service.logger.info({ signal }, 'shutting down');
    service.stop().then(
      () => process.exit(0),
      (err) => {
        service.logger.error({ err }, 'unclean shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}
