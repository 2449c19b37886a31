import { randomBytes } from 'node:crypto';
import { ConfigResourceTypes, Kafka, logLevel, type Admin } from 'kafkajs';
import { kafkaAuthFromEnv } from '@sanshe/service-kit';
import { contractTopics } from '../../../schemas/topics';
import { brokers, eventsTool } from './cli';

const kafka = new Kafka({ clientId: 'tools-test-topics', brokers: brokers.split(','), logLevel: logLevel.NOTHING, ...kafkaAuthFromEnv() });

describe('events:topics', () => {
  const run = randomBytes(4).toString('hex');
  const group = `tools-test.${run}.group`;
  const drifted = `tools-test.${run}.drifted`;
  let admin: Admin;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
  });
  afterAll(async () => {
    await admin.deleteTopics({ topics: [`sanshe.dlq.${group}`, `sanshe.dlq.${drifted}`] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('plans every topic the contracts declare, with partitions and retention', async () => {
    const { code, stdout } = await eventsTool('topics', ['--dry-run']);
    expect(code).toBe(0);
    for (const t of contractTopics())
      expect(stdout).toMatch(new RegExp(`^(ok|missing) +${t.topic.replaceAll('.', '\\.')} +3 partitions, retention 30 days`, 'm'));
  });

  it('creates a dead-letter topic with the project settings, then finds it in order', async () => {
    const topic = `sanshe.dlq.${group}`;
    const { code, stdout } = await eventsTool('topics', ['--dlq-group', group]);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^created +${topic.replaceAll('.', '\\.')}`, 'm'));
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(topics[0]!.partitions).toHaveLength(3);
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms'] }],
    });
    expect(resources[0]!.configEntries[0]!.configValue).toBe(String(30 * 24 * 3600 * 1000));
    expect(await eventsTool('topics', ['--check', '--dlq-group', group])).toMatchObject({ code: 0 });
  });

  it('reports a topic whose settings differ from the contracts', async () => {
    await admin.createTopics({ topics: [{ topic: `sanshe.dlq.${drifted}`, numPartitions: 1 }], waitForLeaders: true });
    const { code, stdout } = await eventsTool('topics', ['--check', '--dlq-group', drifted]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^differs .*1 partitions, not 3, retention\.ms \d+, not 2592000000/m);
  });
});
