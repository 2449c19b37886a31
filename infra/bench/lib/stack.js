'use strict';
/**
 * The bench stack: the five subgraphs as processes, and over them the three targets —
 * the Sanshe gateway, Hive Gateway (peer) and the monolith — all on free ports, all on
 * the bench databases (bench_<service>), none touching the dev ports 4000–4005.
 */
const { localOperatorEnv } = require('../../local/kafka-auth.js');
const fs = require('node:fs');
const path = require('node:path');
const { startTarget } = require('./processes');
const { root } = require('./ts-register');

const SERVICES = ['registry', 'social-orgs', 'activities', 'resident-services', 'credits'];
const envKey = (name) => name.toUpperCase().replaceAll('-', '_');
/**
 * Bench databases: `bench_<service>`. BENCH_DB_PREFIX changes the prefix (a fresh set);
 * BENCH_DB_<SERVICE> (e.g. BENCH_DB_RESIDENT_SERVICES) names one database.
 */
const dbPrefix = () => process.env.BENCH_DB_PREFIX || 'bench_';
const benchDb = (name) => process.env[`BENCH_DB_${name.toUpperCase().replaceAll('-', '_')}`] || `${dbPrefix()}${name.replaceAll('-', '_')}`;

/** Mongo URL with the driver's command monitoring on (a URI option), for per-fetch counting. */
function monitoredMongoUrl(url) {
  return `${url}${url.includes('?') ? '&' : url.replace(/^mongodb(\+srv)?:\/\//, '').includes('/') ? '?' : '/?'}monitorCommands=true`;
}

/**
 * The bench runs with NODE_ENV=production, which refuses to start without keys: one fresh
 * set per bench run, put in this process's env so every target (and the token minter) shares it.
 */
function benchKeys() {
  if (!process.env.IDENTITY_SIGNING_KEY || !process.env.IDENTITY_PUBLIC_KEYS || !process.env.JWT_SECRET) {
    const { generateKeySet } = require('@sanshe/service-kit');
    Object.assign(process.env, generateKeySet('bench'));
  }
  return {
    JWT_SECRET: process.env.JWT_SECRET,
    IDENTITY_SIGNING_KEY: process.env.IDENTITY_SIGNING_KEY,
    IDENTITY_PUBLIC_KEYS: process.env.IDENTITY_PUBLIC_KEYS,
  };
}

/**
 * The bench's processes run as production, which talks to Kafka over SASL_SSL: on the local
 * broker, its TLS listener and CA. Another broker is used as given (KAFKA_SSL /
 * KAFKA_SSL_CA_FILE and the login from the environment).
 */
function productionKafka(kafkaBrokers) {
  const { PATHS, HOST, KAFKA_TLS_PORT, KAFKA_BROKERS: LOCAL_BROKERS } = require('../../local/paths.js');
  if (String(kafkaBrokers) !== LOCAL_BROKERS) return { KAFKA_BROKERS: String(kafkaBrokers) };
  return { KAFKA_BROKERS: `${HOST}:${KAFKA_TLS_PORT}`, KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: path.join(PATHS.kafkaTlsDir, 'ca.pem') };
}

/**
 * Settings every bench process shares; `overrides` win. `monitorCommands` turns on the driver's
 * command monitoring, which the counting phase needs and load runs do without: it builds an event
 * with a copy of every command and reply (about 0.6 ms more CPU for a 20-document find here).
 */
function baseEnv({ mongoUrl, kafkaBrokers, monitorCommands = false }, overrides = {}) {
  const env = {
    ...process.env,
    ...benchKeys(),
    // One client (the load generator) sends everything: no budget may refuse it.
    RATE_LIMIT_REQUESTS: '100000000',
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error',
    MONGO_URL: monitorCommands ? monitoredMongoUrl(mongoUrl) : mongoUrl,
    ...localOperatorEnv(),
    ...productionKafka(kafkaBrokers),
    KAFKA_GROUP_PREFIX: 'bench.',
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
    // Generous limits: the bench measures throughput, not refusals (the drills test those).
    MAX_COST: '1000000',
    MAX_ALIASES: '50',
    MAX_TOKENS: '20000',
    MAX_DEPTH: '15',
    REQUEST_TIMEOUT_MS: '60000',
    PLAYGROUND: 'false',
    ...overrides,
  };
  for (const name of SERVICES) env[`BENCH_DB_${envKey(name)}`] = benchDb(name);
  return env;
}

/** Composes the supergraph from the subgraph SDL in the tree, routed to the given URLs. */
function composeFor(urls) {
  const { composeSupergraph } = require(path.join(root, 'schemas', 'compose.js'));
  const { loadSubgraphSdl, subgraphNames } = require(path.join(root, 'schemas', 'index.js'));
  const names = subgraphNames().filter((n) => SERVICES.includes(n));
  const { supergraphSdl } = composeSupergraph(Object.fromEntries(names.map((n) => [n, loadSubgraphSdl(n)])));
  return supergraphSdl.replace(/(@join__graph\(name:\s*"([^"]+)",\s*url:\s*")([^"]*)(")/g, (all, head, name, _url, tail) =>
    urls[name] ? `${head}${urls[name]}${tail}` : all,
  );
}

function writeSupergraph(sdl, name = 'main') {
  const dir = path.join(root, '.cache', 'bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `supergraph-${process.pid}-${name}.graphql`);
  fs.writeFileSync(file, sdl);
  return file;
}

/** Starts the five subgraph processes in parallel; resolves { name: TargetProcess }. */
async function startSubgraphs(infra, { overrides = {}, log = console.log, verbose = false } = {}) {
  const entries = await Promise.all(
    SERVICES.map(async (name) => {
      const env = baseEnv(infra, { ...overrides, BENCH_SERVICE: name, PORT: '0', MONGO_DB: benchDb(name) });
      delete env.IDENTITY_SIGNING_KEY; // subgraphs hold only the public key
      const target = await startTarget(name, 'subgraph', env, { log, verbose });
      log(`  ${name} ready at ${target.url} (pid ${target.pid})`);
      return [name, target];
    }),
  );
  return Object.fromEntries(entries);
}

/** Env for a gateway-like target over the subgraphs at `urls`. */
function gatewayEnv(infra, urls, supergraphFile, overrides = {}) {
  const urlEnv = Object.fromEntries(Object.entries(urls).map(([name, url]) => [`${envKey(name)}_URL`, url]));
  return baseEnv(infra, { ...urlEnv, BENCH_SUPERGRAPH: supergraphFile, PORT: '0', ...overrides });
}

module.exports = {
  SERVICES,
  benchKeys,
  benchDb,
  dbPrefix,
  baseEnv,
  composeFor,
  writeSupergraph,
  startSubgraphs,
  gatewayEnv,
  monitoredMongoUrl,
  envKey,
};
