#!/usr/bin/env node
'use strict';
// Prints the events on Sanshe topics, one readable line each.
const { randomBytes } = require('node:crypto');
const { UsageError, runTool, createKafka, positiveInt, parseTime, headersOf, parseEvent, watermarks } = require('./lib');

const usage = `Prints the events on Kafka topics, one line each: time, type, subject, id, partition@offset,
traceparent and the start of data (plus the reason, on a dead-letter topic).

Usage: npm run events:tail -- --topic <topic> [options]

  --topic <topic>    topic to read (repeatable): sanshe.<context>.v1, or sanshe.dlq.<consumer group>
  --type <type>      only events of this CloudEvents type (repeatable)
  --subject <id>     only events about this aggregate
  --from <where>     beginning | latest (default) | an ISO time, e.g. 2026-11-27T08:00:00+08:00
  --max <n>          exit after printing n events
  --idle-ms <ms>     exit when no record arrived for ms
  --end              exit at the end of the topics (as they were when tail started)
  --validate         check every record against its contract (schemas/) and say what breaks
  --json             print one JSON object per record (for jq) instead of text
  --brokers <list>   Kafka bootstrap servers (default: $KAFKA_BROKERS or 127.0.0.1:9092)
  -h, --help         this text

Ctrl-C stops it. Example:
  npm run events:tail -- --topic sanshe.activities.v1 --type cn.sanshe.activities.activity.published.v1 --from beginning`;

const options = {
  topic: { type: 'string', multiple: true },
  type: { type: 'string', multiple: true },
  subject: { type: 'string' },
  from: { type: 'string', default: 'latest' },
  max: { type: 'string' },
  'idle-ms': { type: 'string' },
  end: { type: 'boolean' },
  validate: { type: 'boolean' },
  json: { type: 'boolean' },
};

function short(value, max = 120) {
  const text = JSON.stringify(value) ?? '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One line for a record: readable, greppable, with what an operator asks first. */
function formatRecord({ topic, partition, message, event, error, problems }) {
  const headers = headersOf(message);
  const where = `${topic}/${partition}@${message.offset}`;
  const trace = headers.traceparent ? `  trace=${headers.traceparent}` : '';
  const dead = headers['x-dlq-reason']
    ? `\n    dead letter from ${headers['x-original-topic']}/${headers['x-original-partition']}@${headers['x-original-offset']}: ${headers['x-dlq-reason']}`
    : '';
  if (error)
    return `${new Date(Number(message.timestamp)).toISOString()}  (${error})  key=${message.key?.toString() ?? ''}  ${where}${trace}${dead}`;
  const broken = problems && problems.length > 0 ? `\n    ✗ breaks its contract: ${problems.join('; ')}` : '';
  return `${event.time ?? new Date(Number(message.timestamp)).toISOString()}  ${event.type}  subject=${event.subject}  id=${event.id}  ${where}${trace}  data=${short(event.data)}${dead}${broken}`;
}

async function main(values) {
  const topics = values.topic ?? [];
  if (topics.length === 0) throw new UsageError('give at least one --topic');
  const max = positiveInt(values.max, '--max');
  const idleMs = positiveInt(values['idle-ms'], '--idle-ms');
  const from = values.from;
  const fromTime = from === 'beginning' || from === 'latest' ? null : parseTime(from, '--from');
  const types = values.type ? new Set(values.type) : null;
  const validator = values.validate ? require('../../schemas/validate').createRecordValidator() : null;

  const kafka = createKafka('sanshe-events-tail', values);
  const admin = kafka.admin();
  await admin.connect();
  // Where each partition starts and (for --end) where it ends, both as of now.
  const remaining = new Map();
  const seeks = [];
  try {
    const existing = new Set(await admin.listTopics());
    for (const topic of topics) if (!existing.has(topic)) throw new UsageError(`topic ${topic} does not exist`);
    for (const topic of topics) {
      const marks = await watermarks(admin, topic);
      const starts =
        fromTime === null
          ? null
          : new Map((await admin.fetchTopicOffsetsByTimestamp(topic, fromTime)).map((p) => [p.partition, Number(p.offset)]));
      for (const [partition, { low, high }] of marks) {
        const start = from === 'beginning' ? low : from === 'latest' ? high : starts.get(partition);
        if (starts) seeks.push({ topic, partition, offset: String(start) });
        if (start < high) remaining.set(`${topic}/${partition}`, high);
      }
    }
  } finally {
    await admin.disconnect();
  }
  if (values.end && remaining.size === 0) return 0;

  const groupId = `sanshe-events-tail-${randomBytes(6).toString('hex')}`;
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
  let printed = 0;
  let idleTimer = null;
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  const armIdle = () => {
    if (idleMs === undefined) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => finish('idle'), idleMs);
  };
  const onSignal = () => finish('signal');
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let crashed = null;
  await consumer.connect();
  consumer.on(consumer.events.GROUP_JOIN, armIdle);
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    crashed = payload.error;
    finish('crash');
  });
  await consumer.subscribe({ topics, fromBeginning: from === 'beginning' });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      armIdle();
      const key = `${topic}/${partition}`;
      if (remaining.has(key) && Number(message.offset) + 1 >= remaining.get(key)) remaining.delete(key);
      const { event, error } = parseEvent(message.value);
      const wanted = (!types || (event && types.has(event.type))) && (!values.subject || event?.subject === values.subject);
      if (wanted && (max === undefined || printed < max)) {
        const problems = validator ? validator.checkRecord({ value: message.value, headers: message.headers }).errors : undefined;
        if (values.json) {
          console.log(
            JSON.stringify({
              topic,
              partition,
              offset: message.offset,
              timestamp: message.timestamp,
              key: message.key?.toString() ?? null,
              headers: headersOf(message),
              event: event ?? null,
              ...(error ? { error } : {}),
              ...(problems ? { problems } : {}),
            }),
          );
        } else {
          console.log(formatRecord({ topic, partition, message, event, error, problems }));
        }
        printed += 1;
      }
      if (max !== undefined && printed >= max) finish('max');
      else if (values.end && remaining.size === 0) finish('end');
    },
  });
  for (const seek of seeks) consumer.seek(seek);

  await finished;
  clearTimeout(idleTimer);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  await consumer.disconnect();
  // The group only existed for this tail: leave nothing behind on the broker.
  const cleanup = kafka.admin();
  await cleanup.connect();
  await cleanup.deleteGroups([groupId]).catch(() => undefined);
  await cleanup.disconnect();
  if (crashed) throw crashed;
  return 0;
}

if (require.main === module) runTool({ usage, options, main });
