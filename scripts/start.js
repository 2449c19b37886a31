#!/usr/bin/env node
'use strict';
// `npm start`: infrastructure (native Kafka + mongo-java-server, or --docker), a build, demo
// data when the store is empty, every subgraph and the gateway; prints the URLs.
// Ctrl-C stops every process this command started, and only those.
const path = require('node:path');
const { spawn } = require('node:child_process');
const mongoose = require('mongoose');
const infra = require('../infra/local/infra.js');
const { localServiceEnv } = require('../infra/local/kafka-auth.js');
const { root, services, build } = require('./lib');
const { seedAll } = require('./seed');

const PORTS = { registry: 4001, 'social-orgs': 4002, activities: 4003, 'resident-services': 4004, credits: 4005 };
const GATEWAY_PORT = Number(process.env.PORT ?? 4000);
const children = [];
let startedInfra = [];
let stopping = false;

async function storeIsEmpty(mongoUrl) {
  const connection = await mongoose.createConnection(mongoUrl, { dbName: 'sanshe_registry', serverSelectionTimeoutMS: 10_000 }).asPromise();
  try {
    return (await connection.db.collection('communities').findOne({})) === null;
  } finally {
    await connection.close();
  }
}

function startProcess(name, script, env) {
  const child = spawn(process.execPath, [script], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping everything.`);
      void shutdown(1);
    }
  });
  children.push({ name, child });
}

async function waitReady(url, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs / 1000} s`);
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

async function main() {
  const docker = process.argv.includes('--docker');
  const { mongoUrl, kafkaBrokers, started } = await infra.ensureInfra({ docker, detached: true });
  startedInfra = docker ? [] : started;
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  const env = { ...process.env, MONGO_URL: mongoUrl, KAFKA_BROKERS: String(kafkaBrokers), NODE_ENV: process.env.NODE_ENV ?? 'development' };
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
    console.log('the store is empty: seeding the demo district…');
    await seedAll({ skipBuild: true, env });
  }

  const gatewayEnv = { ...env, ...(signingKey ? { IDENTITY_SIGNING_KEY: signingKey } : {}), PORT: String(GATEWAY_PORT) };
  for (const name of services()) {
    const port = PORTS[name];
    // Each subgraph logs in to Kafka as its own principal (.data/kafka/credentials.json).
    startProcess(name, path.join(root, 'services', name, 'dist', 'index.js'), { ...env, ...localServiceEnv(name), PORT: String(port) });
    gatewayEnv[`${name.toUpperCase().replace('-', '_')}_URL`] = `http://127.0.0.1:${port}/graphql`;
  }
  for (const name of services()) await waitReady(`http://127.0.0.1:${PORTS[name]}/health/live`);
  startProcess('gateway', path.join(root, 'gateway', 'dist', 'index.js'), gatewayEnv);
  await waitReady(`http://127.0.0.1:${GATEWAY_PORT}/health/ready`);

  console.log(`
Sanshe is up.
  GraphQL (gateway):   http://localhost:${GATEWAY_PORT}/graphql
  Admin playground:    http://localhost:${GATEWAY_PORT}/
  Metrics:             http://localhost:${GATEWAY_PORT}/metrics
  Subgraphs:           ${services().map((n) => `${n} :${PORTS[n]}`).join(', ')}
  Kafka:               ${kafkaBrokers}
  Mongo wire:          ${mongoUrl}
Press Ctrl-C to stop.`);
}

main().catch((err) => {
  console.error(err.message);
  void shutdown(1);
});
