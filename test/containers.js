'use strict';
// SANSHE_TEST_INFRA=containers: the tests run against MongoDB 7 and Kafka in throwaway containers
// instead of the native Kafka + mongo-java-server, e.g. to check that the code also holds on a real mongod.
// Same images as infra/docker-compose.yml. The containers live as long as the jest process:
// testcontainers' Ryuk removes them when it exits, so a crashed run leaves nothing behind.
const net = require('node:net');
const { GenericContainer, getContainerRuntimeClient } = require('testcontainers');
const { kafkaAnswers, mongoAnswers, InfraError } = require('../infra/local/infra.js');
const { ensureCredentials } = require('../infra/local/kafka-security.js');
const { provisionKafka } = require('../infra/local/kafka-access.js');
const {
  BROKER_SECURITY_ENV,
  adminClientProperties,
  brokerSecretEnv,
  entrypointScript,
  envFile,
  scramArgsFile,
} = require('../infra/local/kafka-docker.js');

const KAFKA_IMAGE = 'apache/kafka:4.1.1';
const MONGO_IMAGE = 'mongo:7';
const KAFKA_PORT = 9092;
const MONGO_PORT = 27017;
const READY_TIMEOUT_MS = 120_000;
/** Where the broker's secret settings and SCRAM format arguments are copied in the container. */
const SECRETS_DIR = '/etc/kafka/sanshe';
/** Its SCRAM listeners: PLAINTEXT for the host, BROKER between brokers (and the controller's PLAIN). */
const SCRAM_LISTENERS = ['plaintext', 'broker'];

let started;

/** Can this machine bind `port`? Port 0 asks the OS for any free one. */
function bindablePort(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(null));
    server.listen(port, () => {
      const { port: bound } = server.address();
      server.close(() => resolve(bound));
    });
  });
}

async function dockerHost() {
  try {
    return (await getContainerRuntimeClient()).info.containerRuntime.host;
  } catch {
    throw new InfraError(
      'SANSHE_TEST_INFRA=containers needs a running Docker engine; unset it to use the native Kafka and mongo-java-server',
      {
        code: 'E_PREREQ',
        exitCode: 2,
      },
    );
  }
}

/**
 * Kafka hands clients the advertised address, not the one they dialled, so the host port has to
 * be known before the broker starts: 9092 when free, else any free port. Brokers and the
 * controller talk on their own listeners inside the container, whatever the host port is.
 */
function kafkaContainerEnv(host, hostPort) {
  return {
    // Any KAFKA_* variable replaces the image's default config, so the whole single-node
    // configuration is spelled out (as in infra/docker-compose.yml).
    CLUSTER_ID: 'vBWaXT6rTRuROZHuLn94Ew',
    KAFKA_NODE_ID: '1',
    KAFKA_PROCESS_ROLES: 'broker,controller',
    // Every listener authenticates, like the native broker: SCRAM for clients (PLAINTEXT is only
    // this listener's name) and between brokers, PLAIN with a static user for the controller.
    KAFKA_LISTENERS: `PLAINTEXT://:${KAFKA_PORT},BROKER://:9094,CONTROLLER://:9093`,
    KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://${host}:${hostPort},BROKER://localhost:9094`,
    KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
    KAFKA_INTER_BROKER_LISTENER_NAME: 'BROKER',
    KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:SASL_PLAINTEXT,PLAINTEXT:SASL_PLAINTEXT,BROKER:SASL_PLAINTEXT',
    KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
    ...BROKER_SECURITY_ENV,
    KAFKA_LOG_DIRS: '/var/lib/kafka/data',
    KAFKA_NUM_PARTITIONS: '3',
    KAFKA_DEFAULT_REPLICATION_FACTOR: '1',
    KAFKA_MIN_INSYNC_REPLICAS: '1',
    KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'true',
    KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
    KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: '10',
    KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
    KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
    KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR: '1',
    KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR: '1',
    KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    KAFKA_HEAP_OPTS: '-Xms128m -Xmx512m',
  };
}

/**
 * The broker with the native broker's SCRAM users (.data/kafka/credentials.json, made if missing:
 * the tests log in with it) added at format time; its secrets are copied in, not set as env.
 */
function kafkaContainer(host, hostPort, creds) {
  return new GenericContainer(KAFKA_IMAGE)
    .withEnvironment(kafkaContainerEnv(host, hostPort))
    .withCopyContentToContainer([
      { content: envFile(brokerSecretEnv(creds, SCRAM_LISTENERS)), target: `${SECRETS_DIR}/broker.env` },
      { content: scramArgsFile(creds), target: `${SECRETS_DIR}/scram.args` },
      { content: adminClientProperties(creds), target: `${SECRETS_DIR}/admin.properties` },
    ])
    .withEntrypoint(['sh', '-c', entrypointScript(SECRETS_DIR)])
    .withExposedPorts({ container: KAFKA_PORT, host: hostPort })
    .withStartupTimeout(READY_TIMEOUT_MS)
    .start();
}

/** Plain standalone mongod, no replica set: like the embedded store, no transactions and no change streams. */
function mongoContainer() {
  return new GenericContainer(MONGO_IMAGE).withExposedPorts(MONGO_PORT).withStartupTimeout(READY_TIMEOUT_MS).start();
}

/** An open port is not a broker that serves metadata yet; wait for the protocol itself. */
async function waitAnswers(label, probe) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new InfraError(`${label} did not answer within ${READY_TIMEOUT_MS / 1000} s`, { code: 'E_TIMEOUT' });
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function start() {
  const host = await dockerHost();
  const kafkaHostPort = (await bindablePort(KAFKA_PORT)) ?? (await bindablePort(0));
  const creds = ensureCredentials();
  const [kafka, mongo] = await Promise.all([kafkaContainer(host, kafkaHostPort, creds), mongoContainer()]);
  const env = {
    MONGO_URL: `mongodb://${mongo.getHost()}:${mongo.getMappedPort(MONGO_PORT)}`,
    KAFKA_BROKERS: `${host}:${kafkaHostPort}`,
  };
  await Promise.all([
    waitAnswers(`Kafka container (${KAFKA_IMAGE}) at ${env.KAFKA_BROKERS}`, () => kafkaAnswers(env.KAFKA_BROKERS)),
    waitAnswers(`MongoDB container (${MONGO_IMAGE}) at ${env.MONGO_URL}`, () => mongoAnswers(env.MONGO_URL)),
  ]);
  // The contract topics and every service principal's ACLs, as on the native broker.
  await provisionKafka(env.KAFKA_BROKERS, creds);
  return { env, containers: [kafka, mongo] };
}

/**
 * Start (once per process) a MongoDB 7 and a single-node KRaft Kafka container.
 * @returns {Promise<{MONGO_URL: string, KAFKA_BROKERS: string}>} MONGO_URL without a database name.
 */
async function startContainers() {
  started ??= start().catch((err) => {
    started = undefined;
    throw err;
  });
  return { ...(await started).env };
}

/** For a globalTeardown that wants them gone before the process exits; Ryuk does it otherwise. */
async function stopContainers() {
  if (!started) return;
  const { containers } = await started;
  started = undefined;
  await Promise.all(containers.map((c) => c.stop()));
}

module.exports = { startContainers, stopContainers, kafkaContainerEnv, SCRAM_LISTENERS, SECRETS_DIR };
