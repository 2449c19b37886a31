import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { kafkaAuthFromEnv } from '@sanshe/service-kit';
import { brokers, eventsTool } from './cli';

const kafka = new Kafka({ clientId: 'tools-test-tail', brokers: brokers.split(','), logLevel: logLevel.NOTHING, ...kafkaAuthFromEnv() });
const OLD = Date.parse('2026-01-05T08:00:00Z');
const NEW = Date.parse('2026-06-05T08:00:00Z');

function cloudEvent(type: string, subject: string, data: object) {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: type.split('.')[2],
    type,
    subject,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data,
  };
}

describe('events:tail', () => {
  const topic = `tools-test.${randomBytes(4).toString('hex')}.tail`;
  let admin: Admin;
  const published = cloudEvent('cn.sanshe.activities.activity.published.v1', 'activity-1', {
    activityId: 'activity-1',
    communityId: 'c-1',
    title: '百姓茶馆',
    category: 'TEAHOUSE',
    startsAt: '2026-12-02T14:00:00.000Z',
    endsAt: '2026-12-02T16:00:00.000Z',
    capacity: 20,
  });
  const created = cloudEvent('cn.sanshe.registry.community.created.v1', 'c-1', {
    communityId: 'c-1',
    name: '南口社区',
    streetId: 's-1',
    urban: true,
  });
  const broken = cloudEvent('cn.sanshe.registry.community.created.v1', 'c-2', { communityId: 'c-2', name: '北口社区', urban: 'yes' });
  const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        { key: 'activity-1', value: JSON.stringify(published), headers: { traceparent }, timestamp: String(OLD) },
        { key: 'c-1', value: JSON.stringify(created), timestamp: String(NEW) },
        { key: 'c-2', value: JSON.stringify(broken), timestamp: String(NEW) },
      ],
    });
    await producer.disconnect();
  });
  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('prints time, type, subject, id, trace and the start of data, one line per event', async () => {
    const { code, stdout } = await eventsTool('tail', ['--topic', topic, '--from', 'beginning', '--max', '2']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(published.time);
    expect(lines[0]).toContain(`cn.sanshe.activities.activity.published.v1  subject=activity-1  id=${published.id}`);
    expect(lines[0]).toContain(`trace=${traceparent}`);
    expect(lines[0]).toContain('data={"activityId":"activity-1"');
    expect(lines[1]).toContain(`cn.sanshe.registry.community.created.v1  subject=c-1  id=${created.id}`);
  });

  it('filters by type and subject, and stops at the end of the topic', async () => {
    const byType = await eventsTool('tail', [
      '--topic',
      topic,
      '--from',
      'beginning',
      '--end',
      '--type',
      'cn.sanshe.registry.community.created.v1',
    ]);
    expect(
      byType.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('  ')[2]),
    ).toEqual(['subject=c-1', 'subject=c-2']);
    const bySubject = await eventsTool('tail', ['--topic', topic, '--from', 'beginning', '--end', '--subject', 'c-2']);
    expect(bySubject.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('starts at a point in time', async () => {
    const { stdout } = await eventsTool('tail', ['--topic', topic, '--from', '2026-03-01T00:00:00+08:00', '--end', '--json']);
    expect(
      stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { event: { id: string } }).event.id),
    ).toEqual([created.id, broken.id]);
  });

  it('says what breaks the contract when asked to validate', async () => {
    const { stdout } = await eventsTool('tail', ['--topic', topic, '--from', 'beginning', '--end', '--validate']);
    const lines = stdout.trim().split('\n');
    expect(lines.filter((l) => l.includes('✗'))).toEqual([
      expect.stringContaining(
        "breaks its contract: (event)/data must have required property 'streetId'; (event)/data/urban must be boolean",
      ),
    ]);
  });

  it('exits after --idle-ms without records, and on Ctrl-C', async () => {
    const idle = await eventsTool('tail', ['--topic', topic, '--idle-ms', '1000']);
    expect(idle).toMatchObject({ code: 0, stdout: '' });

    const child = spawn(process.execPath, [path.join(__dirname, '..', 'tail.js'), '--topic', topic, '--from', 'beginning'], {
      env: { ...process.env, KAFKA_BROKERS: brokers },
    });
    let out = '';
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => ((out += chunk.toString()), out.includes('subject=c-2') && resolve())),
    );
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
  });

  it('explains itself with --help and refuses unknown options', async () => {
    expect(await eventsTool('tail', ['--help'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Usage: npm run events:tail -- --topic <topic>'),
    });
    expect(await eventsTool('tail', ['--topic', topic, '--colour'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Unknown option '--colour'"),
    });
    expect(await eventsTool('tail', ['--topic', 'tools-test.no-such-topic'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('does not exist'),
    });
  });
});
