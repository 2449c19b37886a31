'use strict';
// SCRAM users through Kafka's own ConfigCommand (kafkajs has no AlterUserScramCredentials), run
// from the jars the local launcher resolves into .cache/kafka/libs. The operator's password goes to
// the command in a 0600 file that is deleted at once, never on a command line others can read.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { run } = require('../../infra/local/commands.js');
const { PATHS } = require('../../infra/local/paths.js');

function commandConfig(admin, { ssl, caFile } = {}) {
  const lines = [
    `security.protocol=${ssl ? 'SASL_SSL' : 'SASL_PLAINTEXT'}`,
    'sasl.mechanism=SCRAM-SHA-512',
    `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${admin.username}" password="${admin.password}";`,
  ];
  if (ssl && caFile) lines.push('ssl.truststore.type=PEM', `ssl.truststore.location=${caFile}`);
  return `${lines.join('\n')}\n`;
}

async function configCommand(brokers, admin, args, opts) {
  if (!fs.existsSync(PATHS.kafkaLibs)) throw new Error(`Kafka's jars are not in ${PATHS.kafkaLibs}; run npm run infra -- up once`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-scram-'));
  const file = path.join(dir, 'admin.properties');
  fs.writeFileSync(file, commandConfig(admin, opts), { mode: 0o600 });
  try {
    return await run(
      'java',
      [
        '-Xmx256m',
        `-Dkafka.logs.dir=${dir}`,
        `-Dlog4j2.configurationFile=${PATHS.kafkaLog4j}`,
        '-cp',
        path.join(PATHS.kafkaLibs, '*'),
        'kafka.admin.ConfigCommand',
        '--bootstrap-server',
        brokers,
        '--command-config',
        file,
        ...args,
      ],
      { what: 'kafka ConfigCommand', showOutput: true },
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Creates the user, or replaces its password (the same call: a rotation). */
function upsertScramUser(brokers, admin, username, password, opts) {
  return configCommand(
    brokers,
    admin,
    [
      '--alter',
      '--add-config',
      `SCRAM-SHA-512=[iterations=8192,password=${password}]`,
      '--entity-type',
      'users',
      '--entity-name',
      username,
    ],
    opts,
  );
}

function deleteScramUser(brokers, admin, username, opts) {
  return configCommand(
    brokers,
    admin,
    ['--alter', '--delete-config', 'SCRAM-SHA-512', '--entity-type', 'users', '--entity-name', username],
    opts,
  );
}

/** The names of the users that have SCRAM credentials. */
async function scramUsers(brokers, admin, opts) {
  const { stdout } = await configCommand(brokers, admin, ['--describe', '--entity-type', 'users'], opts);
  return [...stdout.matchAll(/user-principal '([^']+)'/g)].map((m) => m[1]);
}

module.exports = { upsertScramUser, deleteScramUser, scramUsers };
