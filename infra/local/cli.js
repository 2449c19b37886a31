#!/usr/bin/env node
'use strict';
/**
 * node infra/local/cli.js up [--docker] [--kafka-only|--mongo-only]
 * node infra/local/cli.js down [--docker] [--kafka-only|--mongo-only]
 * node infra/local/cli.js status
 *
 * Exit codes: 0 ok; 1 failed (start/ready/stop error, or `status` with something not answering);
 *             2 missing prerequisite (java/mvn/go/docker); 64 usage.
 */

const infra = require('./infra.js');

const USAGE = `usage: node infra/local/cli.js <up|down|status> [--docker] [--kafka-only|--mongo-only] [--quiet]

  up       start Kafka (127.0.0.1:9092) and mongo-java-server (mongodb://127.0.0.1:27017); installs on first run
  down     stop what 'up' started (pid files in .data/), or only Kafka / the store with the flags;
           with --docker: docker compose down
  status   show what answers; exit 1 unless both answer

env: KAFKA_BROKERS / MONGO_URL  use existing servers instead (up only waits for them)`;

const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

async function main(argv) {
  const [cmd, ...rest] = argv;
  const flags = new Set(rest);
  for (const f of flags) {
    if (!['--docker', '--kafka-only', '--mongo-only', '--quiet'].includes(f)) {
      console.error(`unknown option ${f}\n${USAGE}`);
      return 64;
    }
  }
  const docker = flags.has('--docker');
  const quiet = flags.has('--quiet');

  switch (cmd) {
    case 'up': {
      const t0 = Date.now();
      const res = await infra.ensureInfra({
        docker,
        detached: true,
        quiet,
        kafka: !flags.has('--mongo-only'),
        mongo: !flags.has('--kafka-only'),
      });
      const how = (name) => {
        const ms = res.timings[name];
        return res.started.includes(name) ? `started in ${secs(ms)}` : `already running, ${secs(ms)}`;
      };
      if (res.timings.kafka !== undefined) console.log(`Kafka ${res.kafkaBrokers} ready (${how('kafka')})`);
      if (res.timings.mongo !== undefined) {
        const label = process.env.MONGO_URL || docker ? 'Mongo-wire' : 'Mongo-wire (mongo-java-server)';
        console.log(`${label} ${res.mongoUrl} ready (${how('mongo')})`);
      }
      if (!quiet) console.error(`[infra] up in ${secs(Date.now() - t0)}`);
      return 0;
    }
    case 'down': {
      const res = await infra.stopAll({ docker, kafka: !flags.has('--mongo-only'), mongo: !flags.has('--kafka-only') });
      if (docker) {
        console.log('docker compose down: done');
        return 0;
      }
      for (const [name, label] of [
        ['kafka', 'Kafka'],
        ['mongo', 'Mongo-wire (mongo-java-server)'],
      ]) {
        const r = res[name];
        console.log(
          r.stopped
            ? `${label} stopped (pid ${r.pid}, ${secs(r.ms)}${r.reason ? `, ${r.reason}` : ''})`
            : r.reason === 'left running, as asked'
              ? `${label}: left running`
              : `${label}: nothing to stop (${r.reason})`,
        );
      }
      return 0;
    }
    case 'status': {
      const s = await infra.status();
      const line = (label, addr, x) =>
        `${label} ${addr}: ${x.answering ? 'answering' : 'NOT answering'}${x.managed ? ` (pid ${x.pid}, started by this launcher)` : x.answering ? ' (not started by this launcher)' : ''}`;
      console.log(line('Kafka', s.kafka.brokers, s.kafka));
      console.log(line('Mongo-wire', s.mongo.url, s.mongo));
      return s.kafka.answering && s.mongo.answering ? 0 : 1;
    }
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      console.log(USAGE);
      return cmd ? 0 : 64;
    default:
      console.error(`unknown command ${cmd}\n${USAGE}`);
      return 64;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    if (err && err.name === 'InfraError') {
      console.error(err.message);
      process.exitCode = err.exitCode || 1;
    } else {
      console.error(err && err.stack ? err.stack : String(err));
      process.exitCode = 1;
    }
  },
);
