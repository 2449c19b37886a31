#!/usr/bin/env node
'use strict';
// Creates the topics the event contracts declare, with the project's partitions and
// retention, and reports topics whose settings drifted. For operators of a new cluster.
const { ConfigResourceTypes } = require('kafkajs');
const { runTool, createKafka, positiveInt } = require('./lib');
const { contractTopics, dlqTopicFor, TOPIC_PARTITIONS, TOPIC_RETENTION_MS } = require('../../schemas/topics');

const usage = `Creates every topic the event contracts (schemas/events) declare — one per bounded context and
major version, sanshe.<context>.vN — with ${TOPIC_PARTITIONS} partitions and ${TOPIC_RETENTION_MS / 86_400_000} days' retention, plus the
dead-letter topics of the consumer groups you name. Existing topics are left as they are; a
topic whose partitions or retention differ is reported.

Usage: npm run events:topics -- [options]

  --dlq-group <group>  also sanshe.dlq.<group> for this consumer group (repeatable)
  --replicas <n>       replication factor of new topics (default: the broker's)
  --dry-run            print the plan, create nothing
  --check              create nothing; exit 1 when a topic is missing or differs
  --brokers <list>     Kafka bootstrap servers (default: $KAFKA_BROKERS or 127.0.0.1:9092)
  -h, --help           this text`;

const options = {
  'dlq-group': { type: 'string', multiple: true },
  replicas: { type: 'string' },
  'dry-run': { type: 'boolean' },
  check: { type: 'boolean' },
};

/** The topics to have: contract topics, then the named dead-letter topics. */
function plannedTopics(dlqGroups = []) {
  const settings = { partitions: TOPIC_PARTITIONS, retentionMs: TOPIC_RETENTION_MS };
  return [
    ...contractTopics().map((t) => ({
      topic: t.topic,
      partitions: t.partitions,
      retentionMs: t.retentionMs,
      why: `${t.types.length} event type(s) of ${t.context}`,
    })),
    ...dlqGroups.map((g) => ({ topic: dlqTopicFor(g), ...settings, why: `dead letters of consumer group ${g}` })),
  ];
}

async function main(values) {
  const replicas = positiveInt(values.replicas, '--replicas');
  const createNothing = values['dry-run'] || values.check;
  const planned = plannedTopics(values['dlq-group']);
  const admin = createKafka('sanshe-events-topics', values).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = planned.filter((t) => !existing.has(t.topic));
    const present = planned.filter((t) => existing.has(t.topic));
    const drift = [];
    if (present.length > 0) {
      const { topics } = await admin.fetchTopicMetadata({ topics: present.map((t) => t.topic) });
      const partitions = new Map(topics.map((t) => [t.name, t.partitions.length]));
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: present.map((t) => ({ type: ConfigResourceTypes.TOPIC, name: t.topic, configNames: ['retention.ms'] })),
      });
      const retention = new Map(
        resources.map((r) => [r.resourceName, Number(r.configEntries.find((e) => e.configName === 'retention.ms')?.configValue)]),
      );
      for (const t of present) {
        const problems = [];
        if (partitions.get(t.topic) !== t.partitions) problems.push(`${partitions.get(t.topic)} partitions, not ${t.partitions}`);
        if (retention.get(t.topic) !== t.retentionMs) problems.push(`retention.ms ${retention.get(t.topic)}, not ${t.retentionMs}`);
        if (problems.length > 0) drift.push({ topic: t.topic, problems });
      }
    }
    for (const t of planned) {
      const state = !existing.has(t.topic)
        ? createNothing
          ? 'missing'
          : 'created'
        : drift.find((d) => d.topic === t.topic)
          ? 'differs'
          : 'ok';
      const detail =
        drift.find((d) => d.topic === t.topic)?.problems.join(', ') ??
        `${t.partitions} partitions, retention ${t.retentionMs / 86_400_000} days`;
      console.log(`${state.padEnd(8)} ${t.topic.padEnd(44)} ${detail}  (${t.why})`);
    }
    if (!createNothing && missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({
          topic: t.topic,
          numPartitions: t.partitions,
          ...(replicas ? { replicationFactor: replicas } : {}),
          configEntries: [{ name: 'retention.ms', value: String(t.retentionMs) }],
        })),
      });
    }
    if (drift.length > 0)
      console.error(
        `${drift.length} topic(s) differ from the contracts; change them with your Kafka tooling (partitions can only grow, and growing them moves keys).`,
      );
    return values.check && (missing.length > 0 || drift.length > 0) ? 1 : 0;
  } finally {
    await admin.disconnect();
  }
}

if (require.main === module) runTool({ usage, options, main });
