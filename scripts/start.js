#!/usr/bin/env node
'use strict';
// `npm start`: infrastructure (native Kafka + the Mongo-wire store, or --docker), a build,
// demo data when the store is empty, every subgraph and the gateway; then one status table
// and the next steps. Service logs go to .data/logs/ (see scripts/logs.js), so the terminal
// stays short. Ctrl-C stops every process this command started, and only those.
//
// Ports: the gateway on PORT (4000), the subgraphs on the five ports after it, the community
// portal on PORTAL_PORT (default: the gateway's port + 100, so 4100). A second stack (the start
// script's own test) sets PORT, SANSHE_DB_PREFIX and KAFKA_GROUP_PREFIX.
const path = require('node:path');
const { spawn } = require('node:child_process');
const mongoose = require('mongoose');
const infra = require('../infra/local/infra.js');
const { localServiceEnv } = require('../infra/local/kafka-auth.js');
const { root, services, build, databaseFor } = require('./lib');
const { LOG_DIR, routeLogs } = require('./logs');
const { seedAll, refreshCatalogue } = require('./seed');

/** The line that tells a person, and the start script's test, that everything answers. */
const READY_LINE = 'Sanshe is ready. Press Ctrl-C to stop.';
const GATEWAY_PORT = Number(process.env.PORT ?? 4000);
const PORTS = Object.fromEntries(services().map((name, i) => [name, GATEWAY_PORT + 1 + i]));
const PORTAL_PORT = Number(process.env.PORTAL_PORT ?? GATEWAY_PORT + 100);
const children = [];
let startedInfra = [];
let stopping = false;

async function storeIsEmpty(mongoUrl) {
  const connection = await mongoose
    .createConnection(mongoUrl, { dbName: databaseFor('registry'), serverSelectionTimeoutMS: 10_000 })
    .asPromise();
  try {
    return (await connection.db.collection('communities').findOne({})) === null;
  } finally {
    await connection.close();
  }
}

function startProcess(name, script, env) {
  const child = spawn(process.execPath, [script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  routeLogs(name, child);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); its log is ${path.join(LOG_DIR, `${name}.log`)}. Stopping everything.`);
      void shutdown(1);
    }
  });
  children.push({ name, child });
}

async function waitReady(url, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return;
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs / 1000} s; see the logs in ${LOG_DIR}`);
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping Sanshe…');
  await Promise.all(
    children.map(
      ({ child }) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
  if (startedInfra.includes('kafka')) await infra.stopKafka();
  if (startedInfra.includes('mongo')) await infra.stopMongo();
  process.exit(code);
}

/** The status table: one row per process, aligned columns. */
function statusTable(rows) {
  const header = ['process', 'port', 'ready', 'URL'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `  ${cells.map((c, i) => String(c).padEnd(widths[i])).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

async function main() {
  const docker = process.argv.includes('--docker');
  console.log('Starting Sanshe: infrastructure, build, demo data, services. Logs: .data/logs/');
  const { mongoUrl, kafkaBrokers, started } = await infra.ensureInfra({ docker, detached: true });
  startedInfra = docker ? [] : started;
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  const env = { ...process.env, MONGO_URL: mongoUrl, KAFKA_BROKERS: String(kafkaBrokers), NODE_ENV: process.env.NODE_ENV ?? 'development' };
  console.log('building…');
  build();
  // Development keys: generated into .data/keys on first start, then the same for every process.
  // Only the gateway gets the private signing key; subgraphs get the public key alone.
  // (Production passes NODE_ENV=production and its own keys; nothing is generated then.)
  const { withDevelopmentKeys } = require(path.join(root, 'packages', 'service-kit', 'dist', 'index.js'));
  const keys = withDevelopmentKeys(env);
  const { IDENTITY_SIGNING_KEY: signingKey, ...serviceEnv } = keys;
  Object.assign(env, serviceEnv);
  delete env.IDENTITY_SIGNING_KEY;
  if (await storeIsEmpty(mongoUrl)) {
    console.log('the store is empty: seeding the demo district (full output in .data/logs/seed.log)');
    await seedAll({ skipBuild: true, env });
  } else {
    // The demo data stays as it is; the catalogue is reference data and follows the code.
    await refreshCatalogue({ env });
  }

  const gatewayEnv = { ...env, ...(signingKey ? { IDENTITY_SIGNING_KEY: signingKey } : {}), PORT: String(GATEWAY_PORT) };
  console.log(`starting ${services().join(', ')} and the gateway…`);
  for (const name of services()) {
    const port = PORTS[name];
    // Each subgraph logs in to Kafka as its own principal (.data/kafka/credentials.json).
    startProcess(name, path.join(root, 'services', name, 'dist', 'index.js'), {
      ...env,
      ...localServiceEnv(name),
      PORT: String(port),
      MONGO_DB: databaseFor(name, env),
    });
    gatewayEnv[`${name.toUpperCase().replace('-', '_')}_URL`] = `http://127.0.0.1:${port}/graphql`;
  }
  for (const name of services()) await waitReady(`http://127.0.0.1:${PORTS[name]}/health/live`);
  startProcess('gateway', path.join(root, 'gateway', 'dist', 'index.js'), gatewayEnv);
  await waitReady(`http://127.0.0.1:${GATEWAY_PORT}/health/ready`);
  // The reference front end (apps/community-portal): its build, /graphql passed to the gateway.
  startProcess('community-portal', path.join(root, 'apps', 'community-portal', 'server.js'), {
    ...env,
    PORTAL_PORT: String(PORTAL_PORT),
    GATEWAY_URL: `http://127.0.0.1:${GATEWAY_PORT}`,
  });
  await waitReady(`http://127.0.0.1:${PORTAL_PORT}/`);
  if (stopping) return;

  const rows = [
    ['gateway', GATEWAY_PORT, 'yes', `http://localhost:${GATEWAY_PORT}/graphql`],
    ...services().map((name) => [name, PORTS[name], 'yes', `http://localhost:${PORTS[name]}/graphql`]),
    ['kafka', String(kafkaBrokers).split(':').pop(), 'yes', String(kafkaBrokers)],
    ['mongo-wire store', new URL(mongoUrl).port || 27017, 'yes', mongoUrl],
    ['community-portal', PORTAL_PORT, 'yes', `http://localhost:${PORTAL_PORT}/`],
  ];
  console.log(`
${statusTable(rows)}

Next steps:
  open the admin console    http://localhost:${GATEWAY_PORT}/
  open the community portal http://localhost:${PORTAL_PORT}/
  a token for scripts       npm run -s token -- --role district-admin
  logs (JSON per process)   ${path.relative(process.cwd(), LOG_DIR) || LOG_DIR}/<process>.log
${READY_LINE}`);
}

module.exports = { READY_LINE };

if (require.main === module) {
  main().catch((err) => {
    console.error(err.message);
    void shutdown(1);
  });
}
