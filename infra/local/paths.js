'use strict';
// Where the launcher keeps things and where the services listen. Everything lives under the repo
// (.cache = installs, .data = state) so `rm -rf .data` is a full reset and nothing leaks into $HOME.

const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const INFRA_DIR = path.join(ROOT, 'infra');
const CACHE_DIR = path.join(ROOT, '.cache');
const DATA_DIR = path.join(ROOT, '.data');

const HOST = '127.0.0.1';
const KAFKA_VERSION = '4.1.1';
/** Overridable so a second broker (another checkout, a security experiment) can run beside the first. */
const portFromEnv = (name, fallback) => Number(process.env[name] || fallback);
const KAFKA_PORT = portFromEnv('SANSHE_KAFKA_PORT', 9092);
const KAFKA_CONTROLLER_PORT = portFromEnv('SANSHE_KAFKA_CONTROLLER_PORT', 9093);
/** SASL_SSL listener: the same SCRAM users over TLS, as production brokers run. */
const KAFKA_TLS_PORT = portFromEnv('SANSHE_KAFKA_TLS_PORT', 9094);
const MONGO_PORT = 27017;
/** mongo-java-server, pinned in infra/mongo/pom.xml too. */
const MONGO_SERVER_VERSION = '1.47.0';

const KAFKA_BROKERS = `${HOST}:${KAFKA_PORT}`;
const MONGO_URL = `mongodb://${HOST}:${MONGO_PORT}`;

const PATHS = {
  root: ROOT,
  cacheDir: CACHE_DIR,
  dataDir: DATA_DIR,
  kafkaPom: path.join(INFRA_DIR, 'kafka', 'pom.xml'),
  kafkaTemplate: path.join(INFRA_DIR, 'kafka', 'server.properties'),
  kafkaLog4j: path.join(INFRA_DIR, 'kafka', 'log4j2.properties'),
  kafkaLibs: path.join(CACHE_DIR, 'kafka', 'libs'),
  kafkaDataDir: path.join(DATA_DIR, 'kafka'),
  kafkaLogDirs: path.join(DATA_DIR, 'kafka', 'kraft-combined-logs'),
  kafkaProps: path.join(DATA_DIR, 'kafka', 'server.properties'),
  kafkaClusterId: path.join(DATA_DIR, 'kafka', 'cluster.id'),
  kafkaServerLog: path.join(DATA_DIR, 'kafka', 'server.log'),
  /** SCRAM users of the local broker (admin, broker, one per service); git-ignored with .data/. */
  kafkaCredentials: path.join(DATA_DIR, 'kafka', 'credentials.json'),
  /** Self-signed CA and the broker's keystore for the SASL_SSL listener. */
  kafkaTlsDir: path.join(DATA_DIR, 'kafka', 'tls'),
  kafkaPid: path.join(DATA_DIR, 'kafka.pid'),
  kafkaLog: path.join(DATA_DIR, 'kafka.log'),
  mongoPom: path.join(INFRA_DIR, 'mongo', 'pom.xml'),
  mongoLauncher: path.join(INFRA_DIR, 'mongo', 'SansheMongo.java'),
  mongoHome: path.join(CACHE_DIR, 'mongo'),
  mongoDataDir: path.join(DATA_DIR, 'mongo'),
  mongoDataFile: path.join(DATA_DIR, 'mongo', 'sanshe.mv'),
  mongoPid: path.join(DATA_DIR, 'mongo.pid'),
  mongoLog: path.join(DATA_DIR, 'mongo.log'),
  compose: path.join(INFRA_DIR, 'docker-compose.yml'),
};

module.exports = {
  ROOT,
  DATA_DIR,
  HOST,
  KAFKA_VERSION,
  KAFKA_PORT,
  KAFKA_CONTROLLER_PORT,
  KAFKA_TLS_PORT,
  MONGO_PORT,
  MONGO_SERVER_VERSION,
  KAFKA_BROKERS,
  MONGO_URL,
  PATHS,
};
