#!/usr/bin/env node
'use strict';
// Moves a consumer group's committed offsets on one topic, so its consumers read again
// from an offset or a point in time (or skip ahead). The group must be inactive.
const { UsageError, runTool, createKafka, positiveInt, parseTime, watermarks } = require('./lib');

const usage = `Resets a consumer group's offsets on a topic, so it reads again from there when it restarts.
The group must be inactive: stop its consumers first.

Usage: npm run events:replay -- --group <consumer group> --topic <topic> <where> [options]

  where, one of:
  --to-offset <n>    the next offset to read, on every partition (clamped to what the topic still holds)
  --to-time <ISO>    the first record at or after this time, e.g. 2026-11-27T08:00:00+08:00
  --to-earliest      the oldest record the topic still holds (retention: 30 days)
  --to-latest        skip everything that is there now

  --partition <p>    only this partition (repeatable; default: all)
  --dry-run          print the plan, change nothing
  --brokers <list>   Kafka bootstrap servers (default: $KAFKA_BROKERS or 127.0.0.1:9092)
  -h, --help         this text

Sanshe's own consumers skip events they already processed (processed_events, by event id),
so a replay re-delivers but does not re-apply; it is for partners' consumers and for read
models rebuilt from scratch. Example:
  npm run events:replay -- --group partner-x.activities --topic sanshe.activities.v1 --to-time 2026-11-01T00:00:00+08:00`;

const options = {
  group: { type: 'string' },
  topic: { type: 'string' },
  'to-offset': { type: 'string' },
  'to-time': { type: 'string' },
  'to-earliest': { type: 'boolean' },
  'to-latest': { type: 'boolean' },
  partition: { type: 'string', multiple: true },
  'dry-run': { type: 'boolean' },
};

async function main(values) {
  const { group, topic } = values;
  if (!group || !topic) throw new UsageError('give --group and --topic');
  const targets = ['to-offset', 'to-time', 'to-earliest', 'to-latest'].filter((k) => values[k] !== undefined && values[k] !== false);
  if (targets.length !== 1) throw new UsageError('give exactly one of --to-offset, --to-time, --to-earliest, --to-latest');
  const toOffset = positiveInt(values['to-offset'], '--to-offset');
  const toTime = values['to-time'] === undefined ? undefined : parseTime(values['to-time'], '--to-time');
  const only = values.partition ? new Set(values.partition.map((p) => positiveInt(p, '--partition'))) : null;

  const admin = createKafka('sanshe-events-replay', values).admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(topic)) throw new UsageError(`topic ${topic} does not exist`);
    const { groups } = await admin.describeGroups([group]);
    const described = groups[0];
    if (described && described.members.length > 0) {
      console.error(
        `consumer group ${group} is active (${described.state}, ${described.members.length} member(s)): stop its consumers first; offsets can only move while the group is inactive.`,
      );
      return 1;
    }
    const marks = await watermarks(admin, topic);
    if (only) for (const p of only) if (!marks.has(p)) throw new UsageError(`${topic} has no partition ${p}`);
    const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    const current = new Map((committed?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
    const byTime =
      toTime === undefined
        ? null
        : new Map((await admin.fetchTopicOffsetsByTimestamp(topic, toTime)).map((p) => [p.partition, Number(p.offset)]));

    const plan = [...marks.entries()]
      .filter(([partition]) => !only || only.has(partition))
      .sort(([a], [b]) => a - b)
      .map(([partition, { low, high }]) => {
        let offset;
        if (toOffset !== undefined) offset = Math.min(Math.max(toOffset, low), high);
        else if (byTime) offset = byTime.get(partition);
        else offset = values['to-earliest'] ? low : high;
        return { partition, from: current.get(partition) ?? -1, offset, toRead: high - offset };
      });

    console.log(`${values['dry-run'] ? 'would move' : 'moving'} ${group} on ${topic}:`);
    for (const p of plan)
      console.log(
        `  partition ${p.partition}: ${p.from < 0 ? 'nothing committed' : `offset ${p.from}`} → ${p.offset}  (${p.toRead} record(s) to read)`,
      );
    if (values['dry-run']) return 0;
    await admin.setOffsets({ groupId: group, topic, partitions: plan.map((p) => ({ partition: p.partition, offset: String(p.offset) })) });
    console.log(`done: ${group} reads ${topic} from there when its consumers start.`);
    return 0;
  } finally {
    await admin.disconnect();
  }
}

if (require.main === module) runTool({ usage, options, main });
