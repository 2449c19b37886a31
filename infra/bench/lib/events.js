'use strict';
/**
 * Event figures.
 *  - Latency: a steady rate of registrations through the gateway; a plain kafkajs consumer
 *    (a partner's view, its own group) reads sanshe.activities.v1 and takes, per event,
 *    receipt time − CloudEvent `time` (set when the mutation wrote the document and its
 *    outbox entry) and record timestamp − `time` (when the relay handed it to Kafka).
 *  - Relay throughput: N outbox entries waiting in a bench collection, drained by the kit's
 *    OutboxRelay to a bench topic, against kafkajs' idempotent producer alone sending the
 *    same payloads in the relay's batch size to the same broker.
 * Nothing here writes to a real sanshe.*.v1 topic except through the services themselves.
 */
const { randomUUID } = require('node:crypto');
const { Kafka, logLevel } = require('kafkajs');
const { kafkaClientAuth } = require('../../local/kafka-auth.js');
const mongoose = require('mongoose');
const { percentile, round } = require('./load');
const { REGISTER, TokenMinter, residentClaims, fixtures } = require('./operations');
const { benchDb } = require('./stack');

const ACTIVITIES_TOPIC = 'sanshe.activities.v1';
const REGISTRATION_CREATED = 'cn.sanshe.activities.registration.created.v1';
const RELAY_TOPIC = 'sanshe.bench.relay.v1';

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? null),
  };
};

/** Starts a partner consumer from the topic's end; resolves once it has joined its group. */
async function partnerConsumer(brokers, onEvent) {
  const kafka = new Kafka({ clientId: 'bench-partner', brokers, logLevel: logLevel.NOTHING, ...kafkaClientAuth() });
  const consumer = kafka.consumer({ groupId: `bench-partner-${randomUUID()}`, sessionTimeout: 30_000, heartbeatInterval: 3000 });
  await consumer.connect();
  await consumer.subscribe({ topic: ACTIVITIES_TOPIC, fromBeginning: false });
  const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
  await consumer.run({
    eachMessage: async ({ message }) => {
      const receivedAt = Date.now();
      let event;
      try {
        event = JSON.parse(message.value.toString());
      } catch {
        return;
      }
      onEvent(event, receivedAt, Number(message.timestamp));
    },
  });
  await Promise.race([joined, new Promise((r) => setTimeout(r, 60_000))]);
  return consumer;
}

/**
 * `rate` registrations per second for `seconds` through `gatewayUrl`, each by a different
 * resident (from the end of the resident list, apart from the mutation mix's residents).
 */
async function eventLatency({ gatewayUrl, brokers, activityByCommunity, rate = 20, seconds = 20, drainSeconds = 60, log = console.log }) {
  const { communities, residentsByCommunity } = fixtures();
  const minter = new TokenMinter();
  const total = Math.max(1, Math.round(rate * seconds));
  const residents = [];
  for (let k = 0; residents.length < total; k += 1) {
    for (const c of communities) {
      const list = residentsByCommunity.get(c.id) ?? [];
      const resident = list[list.length - 1 - k];
      if (resident && activityByCommunity[c.id] && residents.length < total) residents.push(resident);
    }
    if (k > 400) break;
  }
  const tokens = await Promise.all(residents.map((r) => minter.mint(residentClaims(r))));
  const wanted = new Set(Object.values(activityByCommunity));
  const seen = new Map();
  const consumer = await partnerConsumer(brokers, (event, receivedAt, recordTs) => {
    if (event.type !== REGISTRATION_CREATED || !wanted.has(event.data?.activityId)) return;
    if (!residentsSent.has(event.data?.residentId) || seen.has(event.id)) return;
    const time = Date.parse(event.time);
    seen.set(event.id, { endToEnd: receivedAt - time, toBroker: recordTs - time });
  });
  const residentsSent = new Set();
  let ok = 0;
  let failed = 0;
  const failures = new Map();
  const inFlight = [];
  const started = Date.now();
  try {
    for (let i = 0; i < residents.length; i += 1) {
      const due = started + (i * 1000) / rate;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const resident = residents[i];
      residentsSent.add(resident.id);
      inFlight.push(
        fetch(gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i]}` },
          body: JSON.stringify({ query: REGISTER, variables: { activityId: activityByCommunity[resident.communityId] } }),
          signal: AbortSignal.timeout(120_000),
        })
          .then((res) => res.json())
          .then((json) => {
            if (json.data?.registerForActivity) ok += 1;
            else {
              failed += 1;
              const message = json.errors?.[0]?.message ?? 'no data';
              failures.set(message, (failures.get(message) ?? 0) + 1);
            }
          })
          .catch((err) => {
            failed += 1;
            failures.set(err.message, (failures.get(err.message) ?? 0) + 1);
          }),
      );
    }
    const sendSeconds = (Date.now() - started) / 1000;
    await Promise.all(inFlight);
    const deadline = Date.now() + drainSeconds * 1000;
    while (seen.size < ok && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    const values = [...seen.values()];
    const result = {
      rate,
      seconds,
      achievedRate: round(residents.length / sendSeconds),
      sent: residents.length,
      committed: ok,
      failed,
      failures: [...failures.entries()].slice(0, 3).map(([message, count]) => ({ message, count })),
      delivered: seen.size,
      endToEndMs: stats(values.map((v) => v.endToEnd)),
      commitToBrokerMs: stats(values.map((v) => v.toBroker)),
    };
    log(
      `  ${result.committed}/${result.sent} committed, ${result.delivered} delivered; commit→partner p50 ${result.endToEndMs.p50} ms, p95 ${result.endToEndMs.p95} ms, p99 ${result.endToEndMs.p99} ms`,
    );
    return result;
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}

/** A CloudEvent of realistic size (a registration.created is ~500–700 bytes). */
function samplePayload(i) {
  return JSON.stringify({
    specversion: '1.0',
    id: randomUUID(),
    source: 'bench',
    type: 'cn.sanshe.bench.relay.v1',
    subject: `bench-${i % 500}`,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data: {
      activityId: `activity-bench-${i % 500}`,
      communityId: `community-${String(1 + (i % 71)).padStart(3, '0')}`,
      registrationId: `registration-${randomUUID()}`,
      residentId: `resident-${String(i).padStart(5, '0')}`,
      status: 'REGISTERED',
      registeredBy: 'SELF',
      registeredAt: new Date().toISOString(),
      title: '邻里学堂·书法体验课'.repeat(4),
    },
  });
}

/**
 * The kit's relay draining a backlog of `backlog` outbox entries (one per document, like a
 * burst of single-document mutations), against the raw idempotent producer.
 */
async function relayThroughput({ mongoUrl, brokers, backlog = 2000, batchSize = 100, log = console.log }) {
  const kit = require('@sanshe/service-kit');
  const logger = kit.createLogger('bench-relay', 'error');
  const kafka = kit.createKafka('bench-relay', brokers, logger, kafkaClientAuth());
  await kit.ensureTopics(kafka, [RELAY_TOPIC]);
  const payloads = Array.from({ length: backlog }, (_, i) => samplePayload(i));
  const bytes = Math.round(payloads.reduce((n, p) => n + Buffer.byteLength(p), 0) / backlog);

  const connection = await mongoose.createConnection(mongoUrl, { dbName: benchDb('relay') }).asPromise();
  let relay;
  try {
    // A fresh collection each run, dropped at the end: mongo-java-server can keep a dropped
    // collection's map closed ("Map is closed") when the drop raced mongoose's background index build.
    const collection = `relay_backlog_${randomUUID().slice(0, 8)}`;
    const schema = new mongoose.Schema({ _id: String, n: Number }, { collection, versionKey: false });
    schema.plugin(kit.outboxPlugin);
    const Model = connection.model(collection, schema);
    await Model.init();
    const docs = payloads.map((payload, i) => ({
      _id: `doc-${i}`,
      n: i,
      _outbox: [
        { id: randomUUID(), type: 'cn.sanshe.bench.relay.v1', topic: RELAY_TOPIC, key: `bench-${i % 500}`, payload, createdAt: new Date() },
      ],
    }));
    for (let i = 0; i < docs.length; i += 1000) await Model.collection.insertMany(docs.slice(i, i + 1000), { ordered: false });

    relay = new kit.OutboxRelay({ kafka, models: [Model], logger, pollMs: 200, batchSize });
    const t0 = performance.now();
    relay.start();
    while (relay.published < backlog) {
      if (performance.now() - t0 > 10 * 60_000) throw new Error(`relay drained only ${relay.published}/${backlog} in 10 min`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const relaySeconds = (performance.now() - t0) / 1000;
    await relay.stop();
    relay = null;

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    const t1 = performance.now();
    for (let i = 0; i < payloads.length; i += batchSize) {
      await producer.sendBatch({
        acks: -1,
        topicMessages: [
          {
            topic: RELAY_TOPIC,
            messages: payloads
              .slice(i, i + batchSize)
              .map((value, k) => ({ key: `bench-${(i + k) % 500}`, value, headers: { 'content-type': kit.CLOUDEVENTS_CONTENT_TYPE } })),
          },
        ],
      });
    }
    const rawSeconds = (performance.now() - t1) / 1000;
    await producer.disconnect();
    await Model.collection.drop().catch(() => undefined);

    const result = {
      backlog,
      batchSize,
      payloadBytes: bytes,
      relay: { seconds: round(relaySeconds, 2), eventsPerSecond: round(backlog / relaySeconds) },
      rawProducer: { seconds: round(rawSeconds, 2), eventsPerSecond: round(backlog / rawSeconds) },
    };
    result.relayShareOfRaw = round(result.relay.eventsPerSecond / result.rawProducer.eventsPerSecond, 3);
    log(
      `  relay ${result.relay.eventsPerSecond} events/s vs raw producer ${result.rawProducer.eventsPerSecond} events/s (${backlog} events of ${bytes} B)`,
    );
    return result;
  } finally {
    await relay?.stop().catch(() => undefined);
    await connection.close();
  }
}

module.exports = { eventLatency, relayThroughput, RELAY_TOPIC };
