'use strict';
// The Kafka topics the event contracts declare: one per bounded context and major
// version, named from the folder and the `.vN` suffix of each type. The settings here
// are the project's (the service kit creates topics with the same values; a test keeps
// them equal), so operators, the AsyncAPI document and the services agree.
const { loadEventSchemas } = require('./index');

/** Partitions of every event topic: the record key (aggregate id) picks one, so order holds per aggregate. */
const TOPIC_PARTITIONS = 3;
/** Event topics keep records for 30 days so partners can replay a month. */
const TOPIC_RETENTION_MS = 30 * 24 * 3600 * 1000;

const TYPE_PATTERN = /^cn\.sanshe\.([a-z][a-z-]*)\.([a-z][A-Za-z0-9]*)\.([a-z][A-Za-z0-9]*)\.v(\d+)$/;

/** `cn.sanshe.activities.activity.published.v1` → { context, aggregate, event, major }, or null when malformed. */
function parseEventType(type) {
  const m = TYPE_PATTERN.exec(type);
  if (!m) return null;
  return { context: m[1], aggregate: m[2], event: m[3], major: Number(m[4]) };
}

function topicName(context, major) {
  return `sanshe.${context}.v${major}`;
}

/** Dead-letter topics: one per consumer group, readable by operators only (schemas/access.js). */
const DLQ_PREFIX = 'sanshe.dlq.';

function dlqTopicFor(groupId) {
  return `${DLQ_PREFIX}${groupId}`;
}

/**
 * The settings a topic is created with, in Kafka's own config names. Event topics are logs of
 * facts, not keyed state: compaction would keep only an aggregate's last event and drop, say, the
 * registration a later move refers to, so every topic deletes by age (docs/events.md).
 */
function topicConfigEntries() {
  return [
    { name: 'cleanup.policy', value: 'delete' },
    { name: 'retention.ms', value: String(TOPIC_RETENTION_MS) },
  ];
}

/**
 * Every topic the contracts declare, with its settings and the types it carries:
 * [{ topic, context, major, partitions, retentionMs, types: [...] }], sorted by topic.
 */
function contractTopics(schemas = loadEventSchemas()) {
  const byTopic = new Map();
  for (const [type, schema] of Object.entries(schemas)) {
    const parsed = parseEventType(type);
    if (!parsed) throw new Error(`event type ${type} (${schema['x-file']}) is not cn.sanshe.<context>.<aggregate>.<event>.vN`);
    const context = schema['x-context'];
    const topic = topicName(context, parsed.major);
    const entry = byTopic.get(topic) ?? {
      topic,
      context,
      major: parsed.major,
      partitions: TOPIC_PARTITIONS,
      retentionMs: TOPIC_RETENTION_MS,
      types: [],
    };
    entry.types.push(type);
    byTopic.set(topic, entry);
  }
  return [...byTopic.values()].map((t) => ({ ...t, types: t.types.sort() })).sort((a, b) => a.topic.localeCompare(b.topic));
}

module.exports = {
  TOPIC_PARTITIONS,
  TOPIC_RETENTION_MS,
  TYPE_PATTERN,
  DLQ_PREFIX,
  parseEventType,
  topicName,
  dlqTopicFor,
  topicConfigEntries,
  contractTopics,
};
