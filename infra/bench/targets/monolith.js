'use strict';
/**
 * The monolith: every subgraph's resolvers in ONE process behind one Apollo Server, over
 * the same databases — federation's physical limit. Each service is built from its own
 * `<name>Definition.build(deps)` with the deps `createService` would give it (its Mongo
 * connection and database, EventFactory, contracts), with its outbox relay and consumers
 * running, so writes and events behave as in production. The supergraph is planned by
 * @apollo/gateway as usual, but every subgraph fetch is an in-process `execute` on that
 * subgraph's schema: no HTTP hop, no JSON (de)serialisation, no identity signing, and
 * documents parsed and validated once. What remains is what any federated design must
 * pay: planning (cached), entity representations and merging.
 *
 * The caller's token is verified per request with the gateway's authenticator, as in
 * the gateway; graphql-armor limits and Prometheus metrics are not applied.
 */
const fs = require('node:fs');
const http = require('node:http');
const { runTarget } = require('./child');
const { CommandCounter } = require('../lib/command-counter');

const SERVICES = ['registry', 'social-orgs', 'activities', 'resident-services', 'credits'];
const camel = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());

/** Builds one service from its definition, as createService would, minus the HTTP server. */
async function buildService(name, env, kit, counter) {
  const serviceModule = require(`@sanshe/${name}/service`);
  const definition = serviceModule[`${camel(name)}Definition`];
  if (!definition) throw new Error(`@sanshe/${name}/service exports no ${camel(name)}Definition`);
  const configModule = require(`@sanshe/${name}/config`);
  const load = Object.entries(configModule).find(([key, value]) => /^load\w*Config$/.test(key) && typeof value === 'function')?.[1];
  if (!load) throw new Error(`@sanshe/${name}/config exports no load…Config`);
  const config = load({ ...env, MONGO_DB: env[`BENCH_DB_${name.toUpperCase().replaceAll('-', '_')}`] });

  const logger = kit.createLogger(`monolith:${name}`, config.LOG_LEVEL);
  const connection = await kit.connectMongo(config.MONGO_URL, config.MONGO_DB);
  counter.watch(connection.getClient());
  const contracts = new kit.EventContracts();
  const events = new kit.EventFactory(definition.name, contracts);
  const parts = await definition.build({ config, connection, events, contracts, logger });
  await kit.syncIndexes(connection);

  const kafka = kit.createKafka(`sanshe-monolith-${definition.name}`, config.KAFKA_BROKERS, logger, kit.kafkaAuthFromConfig(config));
  const relay = new kit.OutboxRelay({ kafka, models: parts.outboxModels, logger, pollMs: config.OUTBOX_POLL_MS });
  relay.start();
  const consumers = (parts.consumers ?? []).map(
    (spec) =>
      new kit.EventConsumer({
        kafka,
        connection,
        contracts,
        logger,
        maxAttempts: config.CONSUMER_MAX_ATTEMPTS,
        ...spec,
        groupId: `${config.KAFKA_GROUP_PREFIX}${spec.groupId}`,
      }),
  );
  let stopping = false;
  const consumersStarted = (async () => {
    await kit.ensureTopics(kafka, contracts.topics()).catch(() => undefined);
    for (const consumer of consumers) {
      for (let attempt = 1; !stopping; attempt += 1) {
        try {
          await consumer.start();
          break;
        } catch {
          await consumer.stop().catch(() => undefined);
          await new Promise((r) => setTimeout(r, Math.min(10_000, 500 * attempt)));
        }
      }
    }
  })();

  const { buildSubgraphSchema } = require('@apollo/subgraph');
  const schema = buildSubgraphSchema([{ typeDefs: parts.typeDefs, resolvers: parts.resolvers }]);
  return {
    name: definition.name,
    schema,
    contextFor: parts.contextFor,
    logger,
    formatError: kit.createFormatError(logger, false),
    async stop() {
      stopping = true;
      await consumersStarted;
      await Promise.all(consumers.map((c) => c.stop().catch(() => undefined)));
      await relay.stop();
      await connection.close();
    },
  };
}

/**
 * A subgraph fetch as a function call: the document is parsed and validated once per
 * distinct query text, then executed with the subgraph's own per-request context.
 */
class InProcessSubgraph {
  constructor(service, counter) {
    this.service = service;
    this.counter = counter;
    this.documents = new Map();
  }

  document(query) {
    const { parse, validate, specifiedRules } = require('graphql');
    let entry = this.documents.get(query);
    if (!entry) {
      const document = parse(query);
      const errors = validate(this.service.schema, document, specifiedRules);
      entry = { document, errors };
      if (this.documents.size > 1000) this.documents.clear();
      this.documents.set(query, entry);
    }
    return entry;
  }

  async process({ request, context }) {
    const { execute } = require('graphql');
    const { document, errors } = this.document(request.query);
    if (errors.length > 0) return { errors: errors.map((e) => this.service.formatError(e.toJSON(), e)) };
    const contextValue = this.service.contextFor({
      identity: context.identity,
      traceparent: context.traceparent,
      logger: this.service.logger,
    });
    const result = await this.counter.run(this.service.name, () =>
      execute({
        schema: this.service.schema,
        document,
        variableValues: request.variables,
        operationName: request.operationName,
        contextValue,
      }),
    );
    if (result.errors) return { ...result, errors: result.errors.map((e) => this.service.formatError(e.toJSON(), e)) };
    return result;
  }
}

runTarget('monolith', async () => {
  const kit = require('@sanshe/service-kit');
  const { ApolloGateway } = require('@apollo/gateway');
  const { ApolloServer } = require('@apollo/server');
  const { ApolloServerPluginLandingPageDisabled } = require('@apollo/server/plugin/disabled');
  const { createAuthenticator } = require('@sanshe/gateway/auth');
  const { loadGatewayConfig } = require('@sanshe/gateway/config');

  const counter = new CommandCounter();
  const services = [];
  try {
    for (const name of SERVICES) services.push(await buildService(name, process.env, kit, counter));
  } catch (err) {
    await Promise.all(services.map((s) => s.stop().catch(() => undefined)));
    throw err;
  }
  const byName = new Map(services.map((s) => [s.name, new InProcessSubgraph(s, counter)]));

  const config = loadGatewayConfig(process.env);
  const logger = kit.createLogger('monolith', config.LOG_LEVEL);
  const gateway = new ApolloGateway({
    supergraphSdl: fs.readFileSync(process.env.BENCH_SUPERGRAPH, 'utf8'),
    experimental_approximateQueryPlanStoreMiB: config.QUERY_PLAN_CACHE_MIB,
    buildService: ({ name }) => {
      const subgraph = byName.get(name);
      if (!subgraph) throw new Error(`the monolith has no subgraph ${name}`);
      return subgraph;
    },
    logger,
  });
  const apollo = new ApolloServer({
    gateway,
    formatError: kit.createFormatError(logger, false),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [ApolloServerPluginLandingPageDisabled()],
    logger,
  });
  await apollo.start();
  const authenticate = createAuthenticator(config);
  const listener = kit.createRequestListener({
    apollo,
    maxBodyBytes: config.MAX_BODY_BYTES,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    context: async (req) => ({ identity: await authenticate(req.headers.authorization), traceparent: kit.traceparentOf(req) }),
    routes: { 'GET /health/live': (_req, res) => kit.sendJson(res, 200, { status: 'live', service: 'monolith' }) },
  });
  const server = http.createServer({ keepAliveTimeout: 65_000 }, listener);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(process.env.PORT), '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}/graphql`,
    async stop() {
      await new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await apollo.stop();
      await Promise.all(services.map((s) => s.stop()));
    },
    handlers: {
      counters: async () => counter.snapshot(),
      'reset-counters': async () => counter.reset(),
      'attribute-commands': async (on) => counter.attribute(on),
    },
  };
});
