#!/usr/bin/env node
'use strict';
// Sends the records a consumer group dead-lettered back to the topics they came from,
// once the cause is fixed, so the group's consumer processes them again.
const { UsageError, runTool, createKafka, positiveInt, headersOf, parseEvent, watermarks } = require('./lib');
const { dlqTopicFor } = require('../../schemas/topics');

const usage = `Re-publishes the records on a consumer group's dead-letter topic (sanshe.dlq.<group>) to the
topic each came from (its x-original-topic header), with the same key, value and headers
(minus the dead-letter ones), committing its progress on the dead-letter topic as it goes.
Fix the cause first (see the x-dlq-reason: npm run events:tail -- --topic sanshe.dlq.<group> --from beginning --end).

Usage: npm run events:redrive -- --group <consumer group> [options]

  --group <group>    the consumer group whose dead letters to redrive (with its prefix, if any)
  --max <n>          redrive at most n records (the rest wait for the next run)
  --dry-run          list what would be redriven; publish and commit nothing
  --brokers <list>   Kafka bootstrap servers (default: $KAFKA_BROKERS or 127.0.0.1:9092)
  -h, --help         this text

It redrives what was on the dead-letter topic when it started, then exits; records that fail
again come back to the dead-letter topic for a later run. Progress is kept by the consumer
group sanshe.redrive.<group>. Every consumer group of the original topic sees a redriven record
again; Sanshe consumers skip it when they had already processed its event id.`;

const options = {
  group: { type: 'string' },
  max: { type: 'string' },
  'dry-run': { type: 'boolean' },
};

const STALL_MS = 30_000;

/** Dead-letter bookkeeping the consumer added; everything else travels back unchanged. */
const DEAD_LETTER_HEADERS = /^(x-dlq-|x-original-|x-consumer-group$)/;

function redriveGroupFor(group) {
  return `sanshe.redrive.${group}`;
}

async function main(values) {
  const group = values.group;
  if (!group) throw new UsageError('give --group');
  const max = positiveInt(values.max, '--max');
  const dryRun = Boolean(values['dry-run']);
  const dlq = dlqTopicFor(group);
  const redriveGroup = redriveGroupFor(group);
  const kafka = createKafka('sanshe-events-redrive', values);

  // What to redrive: from the redrive group's committed offset to the end as of now, per partition.
  const pending = new Map();
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(dlq)) {
      console.log(`${dlq} does not exist: ${group} never dead-lettered a record.`);
      return 0;
    }
    const marks = await watermarks(admin, dlq);
    const [committed] = await admin.fetchOffsets({ groupId: redriveGroup, topics: [dlq] });
    const done = new Map((committed?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
    for (const [partition, { low, high }] of marks) {
      const start = Math.max(done.get(partition) ?? -1, low);
      if (start < high) pending.set(partition, { start, end: high });
    }
  } finally {
    await admin.disconnect();
  }
  const total = [...pending.values()].reduce((n, p) => n + p.end - p.start, 0);
  if (total === 0) {
    console.log(`nothing to redrive on ${dlq}`);
    return 0;
  }
  console.log(
    `${dryRun ? 'would redrive' : 'redriving'} ${max === undefined ? total : Math.min(max, total)} of ${total} record(s) on ${dlq}`,
  );

  const producer = dryRun ? null : kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer?.connect();
  const consumer = kafka.consumer({
    groupId: dryRun ? `${redriveGroup}.dry-run.${process.pid}` : redriveGroup,
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
  });
  let redriven = 0;
  let failure = null;
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  const stopping = () => failure !== null || (max !== undefined && redriven >= max) || pending.size === 0;
  const onSignal = () => finish();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  // Without progress for a while (another redrive of the group holding the partitions, a broker
  // gone), stop rather than hang; what was redriven so far is committed.
  let stalled = null;
  const watchProgress = () => {
    clearTimeout(stalled);
    stalled = setTimeout(() => {
      failure = `no progress for ${STALL_MS / 1000} s: is another redrive of ${group} running? Run again when it is done.`;
      finish();
    }, STALL_MS);
  };
  await consumer.connect();
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    failure = `the consumer of ${dlq} stopped: ${payload.error.message}`;
    finish();
  });
  await consumer.subscribe({ topics: [dlq], fromBeginning: true });
  watchProgress();
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ partition, message }) => {
      watchProgress();
      const range = pending.get(partition);
      const offset = Number(message.offset);
      // Records dead-lettered after the start (a redriven record failing again) wait for the next run.
      if (stopping() || !range || offset < range.start || offset >= range.end) return;
      const headers = headersOf(message);
      const target = headers['x-original-topic'];
      const { event } = parseEvent(message.value);
      const what = event ? `${event.type} subject=${event.subject} id=${event.id}` : `key=${message.key?.toString() ?? ''}`;
      if (!target) {
        failure = `${dlq}/${partition}@${offset} has no x-original-topic header: it is not a Sanshe dead letter. Nothing past it was committed; move on with events:replay --group ${redriveGroup} --topic ${dlq} --partition ${partition} --to-offset ${offset + 1}`;
        finish();
        return;
      }
      if (!dryRun) {
        const kept = Object.fromEntries(Object.entries(headers).filter(([k]) => !DEAD_LETTER_HEADERS.test(k)));
        try {
          await producer.send({
            topic: target,
            acks: -1,
            messages: [{ key: message.key, value: message.value, headers: { ...kept, 'x-redriven-from': dlq } }],
          });
          await consumer.commitOffsets([{ topic: dlq, partition, offset: String(offset + 1) }]);
        } catch (err) {
          failure = `could not redrive ${dlq}/${partition}@${offset} to ${target}: ${err.message}. Nothing past it was committed; run again.`;
          finish();
          return;
        }
      }
      redriven += 1;
      console.log(
        `${dryRun ? 'would redrive' : 'redriven'} ${dlq}/${partition}@${offset} → ${target}  ${what}  (was: ${headers['x-dlq-reason'] ?? 'no reason recorded'})`,
      );
      if (offset + 1 >= range.end) pending.delete(partition);
      if (stopping()) finish();
    },
  });

  await finished;
  clearTimeout(stalled);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  await consumer.disconnect();
  await producer?.disconnect();
  if (dryRun) {
    const cleanup = kafka.admin();
    await cleanup.connect();
    await cleanup.deleteGroups([`${redriveGroup}.dry-run.${process.pid}`]).catch(() => undefined);
    await cleanup.disconnect();
  }
  console.log(`${dryRun ? 'would have redriven' : 'redrove'} ${redriven} record(s) from ${dlq}`);
  if (failure) {
    console.error(failure);
    return 1;
  }
  return 0;
}

if (require.main === module) runTool({ usage, options, main });
