'use strict';
// Brings up (or reuses) Kafka and the Mongo-wire store once for the whole run.
// MONGO_URL / KAFKA_BROKERS, when set, are used as they are.
const { ensureInfra } = require('../infra/local/infra.js');
const { localOperatorEnv } = require('../infra/local/kafka-auth.js');
const { ensureConsoleBuilt } = require('../gateway/console/build.js');

module.exports = async function globalSetup() {
  // The gateway serves the admin console from its esbuild bundle; build it when missing or stale.
  await ensureConsoleBuilt();
  if (process.env.SANSHE_TEST_INFRA === 'containers') {
    const { startContainers } = require('./containers.js');
    Object.assign(process.env, await startContainers());
    return;
  }
  const ownBroker = !process.env.KAFKA_BROKERS;
  const { mongoUrl, kafkaBrokers } = await ensureInfra({ detached: true });
  // Test stacks log in as the local operator: their consumer groups carry a per-run prefix that no
  // service principal's ACL covers, and that is what keeps the services' own ACLs least-privilege.
  // The ACL suite logs in as the service and partner principals themselves.
  if (ownBroker) Object.assign(process.env, localOperatorEnv());
  process.env.MONGO_URL = mongoUrl;
  process.env.KAFKA_BROKERS = Array.isArray(kafkaBrokers) ? kafkaBrokers.join(',') : kafkaBrokers;
};
