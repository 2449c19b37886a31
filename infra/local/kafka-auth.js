'use strict';
// How the project's own JavaScript (launcher probes, event tools, bench, start script) logs in to
// Kafka. KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD (and KAFKA_SSL, KAFKA_SSL_CA_FILE) win; without
// them, the operator credentials of the local broker in .data/kafka/credentials.json are used; a
// broker with neither is spoken to without SASL (someone's own PLAINTEXT broker via KAFKA_BROKERS).

const fs = require('node:fs');
const { readCredentials } = require('./kafka-security.js');

/** kafkajs connection options ({sasl, ssl}) for an explicit {username, password}, or from env. */
function kafkaClientAuth(env = process.env, user) {
  const ssl =
    env.KAFKA_SSL === 'true' ? { ssl: env.KAFKA_SSL_CA_FILE ? { ca: [fs.readFileSync(env.KAFKA_SSL_CA_FILE, 'utf8')] } : true } : {};
  const login =
    user || (env.KAFKA_SASL_USERNAME ? { username: env.KAFKA_SASL_USERNAME, password: env.KAFKA_SASL_PASSWORD || '' } : localOperator());
  if (!login) return ssl;
  const mechanism = env.KAFKA_SASL_MECHANISM || 'scram-sha-512';
  return { ...ssl, sasl: { mechanism, username: login.username, password: login.password } };
}

/** The admin/operator login of the local broker, or null when it never started here. */
function localOperator() {
  const creds = readCredentials();
  return creds ? creds.admin : null;
}

/** The env a process needs to log in as `username` (services get their own principal this way). */
function kafkaLoginEnv(user) {
  return { KAFKA_SASL_USERNAME: user.username, KAFKA_SASL_PASSWORD: user.password, KAFKA_SASL_MECHANISM: 'scram-sha-512' };
}

/**
 * The env of a process that should log in as the local operator (test stacks, the bench: they use
 * group prefixes outside any service's ACLs), unless KAFKA_SASL_* are given already.
 */
function localOperatorEnv(env = process.env) {
  if (env.KAFKA_SASL_USERNAME) return {};
  const admin = localOperator();
  return admin ? kafkaLoginEnv(admin) : {};
}

/** The env that logs a subgraph in as its own principal on the local broker ({} when it has none). */
function localServiceEnv(service, env = process.env) {
  if (env.KAFKA_SASL_USERNAME) return {};
  const creds = readCredentials();
  const user = creds && creds.services && creds.services[service];
  return user ? kafkaLoginEnv(user) : {};
}

module.exports = { kafkaClientAuth, kafkaLoginEnv, localOperator, localOperatorEnv, localServiceEnv };
