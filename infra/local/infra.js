'use strict';
/**
 * Local infrastructure launcher for Sanshe: a real Apache Kafka 4.x broker (KRaft, single node)
 * and a Mongo-wire store (mongo-java-server with its H2 file backend), without Docker.
 *
 *   Kafka   127.0.0.1:9092 (controller 127.0.0.1:9093)   jars  .cache/kafka/libs   data .data/kafka
 *   Mongo   mongodb://127.0.0.1:27017 (mongo-java-server) jars  .cache/mongo        data .data/mongo
 *
 * pid files / stdout+stderr logs: .data/<name>.pid, .data/<name>.log (name = kafka | mongo).
 * See infra/README.md. This file is the public API; kafka.js, mongo.js and docker.js do the work.
 */

const { HOST, KAFKA_PORT, MONGO_PORT, KAFKA_BROKERS, MONGO_URL, KAFKA_VERSION, MONGO_SERVER_VERSION, PATHS } = require('./paths.js');
const { InfraError } = require('./errors.js');
const { secs } = require('./log.js');
const { pollUntil } = require('./wait.js');
const { managedPid } = require('./process.js');
const { kafkaAnswers, mongoAnswers } = require('./probes.js');
const { KAFKA, startKafka, stopKafka } = require('./kafka.js');
const { MONGO, startMongo, stopMongo } = require('./mongo.js');
const { dockerCompose } = require('./docker.js');

/** What ensureInfra needs to know per service, whichever way it is provided. */
const SERVICES = [
  {
    name: 'kafka',
    label: 'Kafka',
    envVar: 'KAFKA_BROKERS',
    local: KAFKA_BROKERS,
    dockerAddress: `${HOST}:${KAFKA_PORT}`,
    answers: kafkaAnswers,
    start: startKafka,
    timeoutOpt: 'kafkaTimeoutMs',
    defaultTimeoutMs: 120000,
  },
  {
    name: 'mongo',
    label: 'Mongo',
    envVar: 'MONGO_URL',
    local: MONGO_URL,
    dockerAddress: `${HOST}:${MONGO_PORT}`,
    answers: mongoAnswers,
    start: startMongo,
    timeoutOpt: 'mongoTimeoutMs',
    defaultTimeoutMs: 60000,
  },
];

function waitAnswer(label, probe, timeoutMs) {
  return pollUntil(probe, timeoutMs, {
    onTimeout: () => new InfraError(`${label} did not answer within ${secs(timeoutMs)}`, { code: 'E_TIMEOUT' }),
  });
}

/**
 * Make sure a Kafka broker and a Mongo-wire server answer.
 *
 * - KAFKA_BROKERS / MONGO_URL set: only wait until they answer (per service).
 * - opts.docker: `docker compose -f infra/docker-compose.yml up -d`, then wait.
 * - otherwise: reuse whatever answers on 127.0.0.1:9092 / 127.0.0.1:27017, else install (first
 *   run) and start Kafka / mongo-java-server as child processes (pid files .data/<name>.pid, logs
 *   .data/<name>.log). opts.detached: the children survive this process (jest globalSetup, CLI);
 *   otherwise they get SIGTERM when this process exits.
 *
 * @param {{docker?: boolean, detached?: boolean, kafka?: boolean, mongo?: boolean,
 *          kafkaTimeoutMs?: number, mongoTimeoutMs?: number, log?: Function, quiet?: boolean}} [opts]
 * @returns {Promise<{mongoUrl: string, kafkaBrokers: string, started: string[],
 *                    timings: {kafka?: number, mongo?: number}}>}
 */
async function ensureInfra(opts = {}) {
  const wanted = SERVICES.filter((s) => opts[s.name] !== false).map((s) => ({ ...s, env: process.env[s.envVar] }));
  const out = {
    mongoUrl: process.env.MONGO_URL || MONGO_URL,
    kafkaBrokers: process.env.KAFKA_BROKERS || KAFKA_BROKERS,
    started: [],
    timings: {},
  };

  if (opts.docker) {
    // Only what is missing: a compose `up` of a service that already answers would fight over its port.
    const missing = [];
    for (const s of wanted) if (!s.env && !(await s.answers(s.local))) missing.push(s.name);
    if (missing.length) {
      // The broker comes with its one-shot steps: SCRAM users before it, topics and ACLs after it.
      if (missing.includes('kafka')) missing.push('kafka-provision');
      await dockerCompose(['up', '-d', ...missing]);
      out.started.push(...missing);
    }
  }

  const settled = await Promise.allSettled(
    wanted.map(async (s) => {
      const t0 = Date.now();
      const timeoutMs = opts[s.timeoutOpt] || s.defaultTimeoutMs;
      if (s.env) {
        await waitAnswer(`${s.label} at ${s.envVar}=${s.env}`, () => s.answers(s.env), timeoutMs);
      } else if (opts.docker) {
        await waitAnswer(`${s.label} (docker) at ${s.dockerAddress}`, () => s.answers(s.local), timeoutMs);
      } else {
        const r = await s.start({ ...opts, detached: !!opts.detached, timeoutMs });
        if (r.started) out.started.push(s.name);
      }
      out.timings[s.name] = Date.now() - t0;
    }),
  );
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return out;
}

/** Stop everything this launcher started (pid files only; never foreign processes). */
async function stopAll(opts = {}) {
  if (opts.docker) {
    await dockerCompose(['down']);
    return { kafka: { stopped: true, docker: true }, mongo: { stopped: true, docker: true } };
  }
  const skipped = { stopped: false, reason: 'left running, as asked' };
  const [kafka, mongo] = await Promise.all([
    opts.kafka === false ? skipped : stopKafka(opts),
    opts.mongo === false ? skipped : stopMongo(opts),
  ]);
  return { kafka, mongo };
}

/**
 * @returns {Promise<{kafka: {brokers: string, answering: boolean, pid: number|null, managed: boolean},
 *                    mongo: {url: string, answering: boolean, pid: number|null, managed: boolean}}>}
 */
async function status() {
  const kafkaBrokers = process.env.KAFKA_BROKERS || KAFKA_BROKERS;
  const mongoUrl = process.env.MONGO_URL || MONGO_URL;
  const [ka, ma] = await Promise.all([kafkaAnswers(kafkaBrokers), mongoAnswers(mongoUrl)]);
  const kpid = managedPid(KAFKA);
  const mpid = managedPid(MONGO);
  return {
    kafka: { brokers: kafkaBrokers, answering: ka, pid: kpid, managed: !!kpid },
    mongo: { url: mongoUrl, answering: ma, pid: mpid, managed: !!mpid },
  };
}

module.exports = {
  ensureInfra,
  startKafka,
  stopKafka,
  startMongo,
  stopMongo,
  stopAll,
  status,
  kafkaAnswers,
  mongoAnswers,
  InfraError,
  PATHS,
  KAFKA_BROKERS,
  MONGO_URL,
  KAFKA_VERSION,
  MONGO_SERVER_VERSION,
};
