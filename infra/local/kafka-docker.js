'use strict';
// The apache/kafka container (docker compose and SANSHE_TEST_INFRA=containers) authenticates and
// authorizes like the local broker (infra/kafka/server.properties): SCRAM-SHA-512 on every client
// listener, PLAIN with a static user on the controller listener, StandardAuthorizer with no
// access where no ACL grants it, and the same SCRAM users (infra/local/kafka-security.js) and ACLs
// (schemas/access.js, applied by infra/local/kafka-access.js). The image turns KAFKA_* variables
// into server properties (`.` → `_`, `-` → `___`), so the settings are spelled as variables here.

const { scramFormatArgs } = require('./kafka-security.js');

/** Security settings without secrets; infra/docker-compose.yml repeats them (a test keeps them equal). */
const BROKER_SECURITY_ENV = {
  KAFKA_SASL_ENABLED_MECHANISMS: 'SCRAM-SHA-512',
  KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL: 'SCRAM-SHA-512',
  KAFKA_SASL_MECHANISM_CONTROLLER_PROTOCOL: 'PLAIN',
  KAFKA_LISTENER_NAME_CONTROLLER_SASL_ENABLED_MECHANISMS: 'PLAIN',
  KAFKA_AUTHORIZER_CLASS_NAME: 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
  KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND: 'false',
  KAFKA_SUPER_USERS: 'User:broker;User:admin',
};

/**
 * The settings that hold the broker's own password, for the listeners the container has (lower-case
 * listener names, e.g. ['client', 'internal']): written to a file the entrypoint sources, so the
 * password is in neither the compose file nor the container's image config.
 */
function brokerSecretEnv(creds, scramListeners) {
  const pw = creds.broker.password;
  const env = {
    KAFKA_LISTENER_NAME_CONTROLLER_PLAIN_SASL_JAAS_CONFIG: `org.apache.kafka.common.security.plain.PlainLoginModule required username="broker" password="${pw}" user_broker="${pw}";`,
  };
  for (const name of scramListeners) {
    env[`KAFKA_LISTENER_NAME_${name.toUpperCase()}_SCRAM___SHA___512_SASL_JAAS_CONFIG`] =
      `org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="${pw}";`;
  }
  return env;
}

/** `KEY='value'` lines for `set -a; . file`. */
function envFile(env) {
  return `${Object.entries(env)
    .map(([k, v]) => `${k}='${String(v).replace(/'/g, `'\\''`)}'`)
    .join('\n')}\n`;
}

/** A Kafka CLI client config logging in as the operator (the container's healthcheck). */
function adminClientProperties(creds) {
  return [
    'security.protocol=SASL_PLAINTEXT',
    'sasl.mechanism=SCRAM-SHA-512',
    `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${creds.admin.username}" password="${creds.admin.password}";`,
    '',
  ].join('\n');
}

/** One `--add-scram` argument per line, as the entrypoint passes them to kafka-storage.sh format. */
function scramArgsFile(creds) {
  return `${scramFormatArgs(creds).join('\n')}\n`;
}

/**
 * The container's entrypoint: SCRAM users live in the cluster metadata, so they are added when the
 * storage is formatted (once: `--ignore-formatted`); the image's own `run` then configures and starts
 * the broker as usual (its format step finds the storage formatted). `dir` holds broker.env and scram.args.
 */
function entrypointScript(dir) {
  return [
    // -f: the SCRAM arguments hold brackets, which must reach the tool unglobbed.
    'set -euf',
    `set -a; . ${dir}/broker.env; set +a`,
    '/etc/kafka/docker/configure',
    `/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id "$CLUSTER_ID" -c /opt/kafka/config/server.properties $(cat ${dir}/scram.args)`,
    'exec /etc/kafka/docker/run',
  ].join('\n');
}

module.exports = { BROKER_SECURITY_ENV, brokerSecretEnv, envFile, adminClientProperties, scramArgsFile, entrypointScript };
