#!/usr/bin/env node
'use strict';
// The one-shot steps around the Kafka container of infra/docker-compose.yml, with the local
// launcher's own code, so both brokers have the same users, topics and ACLs:
//   credentials  the SCRAM users (.data/kafka/credentials.json, the file host tools log in with)
//                and, under .data/kafka/docker/, the broker's secret settings and format arguments
//   provision    as the operator: the contract topics (schemas/topics.js) and ACLs (schemas/access.js)
const fs = require('node:fs');
const path = require('node:path');
const { PATHS } = require('../local/paths.js');
const { ensureCredentials, readCredentials } = require('../local/kafka-security.js');
const { adminClientProperties, brokerSecretEnv, envFile, scramArgsFile } = require('../local/kafka-docker.js');
const { provisionKafka } = require('../local/kafka-access.js');

/** The compose broker's SCRAM listeners (infra/docker-compose.yml). */
const COMPOSE_SCRAM_LISTENERS = ['client', 'internal'];

async function main([command, brokers = 'kafka:19092'] = process.argv.slice(2)) {
  if (command === 'credentials') {
    const creds = ensureCredentials();
    const dir = path.join(PATHS.kafkaDataDir, 'docker');
    fs.mkdirSync(dir, { recursive: true });
    // Readable by the image's user (appuser), which is not the one writing here.
    fs.writeFileSync(path.join(dir, 'broker.env'), envFile(brokerSecretEnv(creds, COMPOSE_SCRAM_LISTENERS)), { mode: 0o644 });
    fs.writeFileSync(path.join(dir, 'scram.args'), scramArgsFile(creds), { mode: 0o644 });
    fs.writeFileSync(path.join(dir, 'admin.properties'), adminClientProperties(creds), { mode: 0o644 });
    console.log(`kafka credentials ready in ${path.relative(process.cwd(), dir) || dir}`);
    return 0;
  }
  if (command === 'provision') {
    const creds = readCredentials();
    if (!creds) throw new Error('no Kafka credentials: run `node infra/docker/kafka-setup.js credentials` first');
    const { created, acls } = await provisionKafka(brokers, creds);
    console.log(`kafka provisioned at ${brokers}: ${created.length} topics created, ${acls} ACLs granted`);
    return 0;
  }
  console.error('usage: node infra/docker/kafka-setup.js credentials | provision [brokers]');
  return 64;
}

module.exports = { COMPOSE_SCRAM_LISTENERS };

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(err.message);
      process.exitCode = 1;
    },
  );
}
