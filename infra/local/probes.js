'use strict';
// "Does a Kafka / Mongo-wire server answer at this address?", by speaking its protocol: that is
// what decides reuse, so a foreign broker or a real mongod counts as well as our own.

const { KAFKA_BROKERS, MONGO_URL } = require('./paths.js');
const { portOpen, withTimeout } = require('./wait.js');
const { kafkaClientAuth } = require('./kafka-auth.js');

/**
 * true when a Kafka metadata request (kafkajs admin.describeCluster) answers with >= 1 broker.
 * It logs in as kafka-auth.js says (env, else the local operator): a SASL broker does not answer
 * metadata to a client that has not authenticated.
 */
async function kafkaAnswers(brokers = KAFKA_BROKERS, timeoutMs = 5000, auth = kafkaClientAuth()) {
  const list = String(brokers)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // Cheap pre-check for the common "nothing there" case; kafkajs takes seconds to give up.
  const local = list.map((b) => /^(127\.0\.0\.1|localhost):(\d+)$/.exec(b)).filter(Boolean);
  if (local.length === list.length) {
    let any = false;
    for (const m of local) if (await portOpen(Number(m[2]), m[1])) any = true;
    if (!any) return false;
  }
  const { Kafka, logLevel } = require('kafkajs');
  const kafka = new Kafka({
    clientId: 'sanshe-infra-probe',
    brokers: list,
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(timeoutMs, 3000),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
    ...auth,
  });
  const admin = kafka.admin({ retry: { retries: 0 } });
  try {
    const res = await withTimeout(
      (async () => {
        await admin.connect();
        return admin.describeCluster();
      })(),
      timeoutMs + 1000,
      'Kafka describeCluster',
    );
    return Array.isArray(res.brokers) && res.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/** The root has mongoose, not always mongodb itself; mongoose re-exports the driver. */
function loadMongoDriver() {
  try {
    return require('mongodb');
  } catch {
    return require('mongoose').mongo;
  }
}

/** true when a Mongo `ping` command answers. */
async function mongoAnswers(url = MONGO_URL, timeoutMs = 3000) {
  const m = /^mongodb:\/\/(127\.0\.0\.1|localhost):(\d+)(\/|$|\?)/.exec(url);
  if (m && !(await portOpen(Number(m[2]), m[1]))) return false;
  const { MongoClient } = loadMongoDriver();
  const client = new MongoClient(url, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
    socketTimeoutMS: timeoutMs * 2,
    maxPoolSize: 1,
  });
  try {
    const res = await withTimeout(
      (async () => {
        await client.connect();
        return client.db('admin').command({ ping: 1 });
      })(),
      timeoutMs * 3,
      'Mongo ping',
    );
    return !!res && Number(res.ok) === 1;
  } catch {
    return false;
  } finally {
    await client.close(true).catch(() => {});
  }
}

module.exports = { kafkaAnswers, mongoAnswers };
