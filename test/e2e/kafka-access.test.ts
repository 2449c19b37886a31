/**
 * Who may do what on the broker, checked against the real broker with SASL and ACLs on: nobody
 * without credentials, partners read public topics under their own groups only, services write
 * only their own topic, and a revoked partner is refused at once.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { ensureTopics } from '@sanshe/service-kit';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..', '..');
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readCredentials } = require('../../infra/local/kafka-security.js') as {
  readCredentials(): { services: Record<string, { username: string; password: string }> } | null;
};

interface PartnerCredentials {
  name: string;
  username: string;
  password: string;
  groupPrefix: string;
  topics: string[];
}

const login = (username: string, password: string): Pick<KafkaConfig, 'sasl'> => ({
  sasl: { mechanism: 'scram-sha-512', username, password },
});
const client = (auth: Pick<KafkaConfig, 'sasl'>) =>
  new Kafka({
    clientId: 'kafka-access-test',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    retry: { retries: 0 },
    ...auth,
  });

async function partnerCli(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [path.join(root, 'tools', 'partners', 'partner.js'), ...args, '--json'], {
    cwd: root,
    env: process.env,
    timeout: 90_000,
  });
  return stdout;
}

/**
 * The broker's error code for a consumer that joins `groupId`, as a librdkafka client (confluent-kafka,
 * the Python example's client) reports it: kafkajs hides FindCoordinator's error behind "failed to
 * find group coordinator".
 */
async function groupJoinError(username: string, password: string, groupId: string, topic: string): Promise<string> {
  const script = `
import json, sys
from confluent_kafka import Consumer
conf = json.loads(sys.argv[1])
c = Consumer(conf)
c.subscribe([sys.argv[2]])
for _ in range(60):
    m = c.poll(0.5)
    if m is not None and m.error():
        print(m.error().name()); break
else:
    print("NO_ERROR")
c.close()
`;
  const conf = {
    'bootstrap.servers': brokers.join(','),
    'security.protocol': 'SASL_PLAINTEXT',
    'sasl.mechanisms': 'SCRAM-SHA-512',
    'sasl.username': username,
    'sasl.password': password,
    'group.id': groupId,
    'auto.offset.reset': 'earliest',
  };
  const { stdout } = await run('python3', ['-c', script, JSON.stringify(conf), topic], { timeout: 60_000 });
  return stdout.trim();
}

describe('access to the broker', () => {
  const name = `p${randomBytes(4).toString('hex')}`;
  let partner: PartnerCredentials;
  const services = readCredentials()?.services;

  beforeAll(async () => {
    if (!services) throw new Error('no .data/kafka/credentials.json: these tests need the local SASL broker (npm run infra -- up)');
    partner = JSON.parse(await partnerCli('add', name)) as PartnerCredentials;
  }, 120_000);

  afterAll(async () => {
    await partnerCli('revoke', name).catch(() => undefined);
  }, 120_000);

  it('refuses a client without credentials', async () => {
    const admin = client({}).admin();
    await expect(admin.connect().then(() => admin.listTopics())).rejects.toThrow();
    await admin.disconnect();
  });

  it('refuses a wrong password', async () => {
    const admin = client(login(partner.username, 'not-the-password')).admin();
    await expect(admin.connect()).rejects.toMatchObject({ name: 'KafkaJSSASLAuthenticationError' });
    await admin.disconnect();
  });

  it('lets a partner read a public topic under its own group, and nothing else', async () => {
    const key = `access-${name}`;
    const producer = client(login(services!.activities!.username, services!.activities!.password)).producer();
    await producer.connect();
    // Marked as a test record, so the contract checks over everything on the broker pass it over.
    await producer.send({
      topic: 'sanshe.activities.v1',
      messages: [{ key, value: '{}', headers: { 'sanshe-test-fault': 'kafka access test' } }],
    });
    await producer.disconnect();

    const consumer = client(login(partner.username, partner.password)).consumer({ groupId: `${partner.groupPrefix}reader` });
    await consumer.connect();
    await consumer.subscribe({ topic: 'sanshe.activities.v1', fromBeginning: true });
    const seen = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the partner read nothing')), 60_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          if (message.key?.toString() !== key) return;
          clearTimeout(timer);
          resolve(message.key.toString());
        },
      });
    });
    await consumer.disconnect();
    expect(seen).toBe(key);
    expect(partner.topics).toContain('sanshe.activities.v1');
    expect(partner.topics.some((t) => t.startsWith('sanshe.dlq.'))).toBe(false);
  }, 90_000);

  it('refuses a partner that produces to a public topic', async () => {
    const producer = client(login(partner.username, partner.password)).producer({ retry: { retries: 0 } });
    await producer.connect();
    await expect(producer.send({ topic: 'sanshe.activities.v1', messages: [{ value: '{}' }] })).rejects.toMatchObject({
      type: 'TOPIC_AUTHORIZATION_FAILED',
    });
    await producer.disconnect();
  });

  it('refuses a partner that reads a dead-letter topic', async () => {
    const dlq = 'sanshe.dlq.activities.read-models';
    const operator = client({
      sasl: {
        mechanism: 'scram-sha-512',
        username: process.env.KAFKA_SASL_USERNAME ?? '',
        password: process.env.KAFKA_SASL_PASSWORD ?? '',
      },
    });
    await ensureTopics(operator, [dlq]);
    const consumer = client(login(partner.username, partner.password)).consumer({ groupId: `${partner.groupPrefix}dlq` });
    await consumer.connect();
    await expect(consumer.subscribe({ topic: dlq, fromBeginning: true })).rejects.toMatchObject({ type: 'TOPIC_AUTHORIZATION_FAILED' });
    await consumer.disconnect();
  });

  it("refuses a partner that joins another partner's group", async () => {
    expect(await groupJoinError(partner.username, partner.password, `partner.someone-else.${name}`, 'sanshe.activities.v1')).toBe(
      'GROUP_AUTHORIZATION_FAILED',
    );
  }, 60_000);

  it("refuses a service that writes another service's topic (its own is written in the partner test above)", async () => {
    const { username, password } = services!.activities!;
    const producer = client(login(username, password)).producer({ retry: { retries: 0 } });
    await producer.connect();
    await expect(producer.send({ topic: 'sanshe.registry.v1', messages: [{ value: '{}' }] })).rejects.toMatchObject({
      type: 'TOPIC_AUTHORIZATION_FAILED',
    });
    await producer.disconnect();
  });

  it("refuses a service that joins another service's consumer group", async () => {
    const { username, password } = services!.activities!;
    expect(await groupJoinError(username, password, `credits.${name}`, 'sanshe.activities.v1')).toBe('GROUP_AUTHORIZATION_FAILED');
  }, 60_000);

  it("refuses a revoked partner's next connection", async () => {
    const other = `r${randomBytes(4).toString('hex')}`;
    const creds = JSON.parse(await partnerCli('add', other)) as PartnerCredentials;
    const before = client(login(creds.username, creds.password)).admin();
    await before.connect();
    await before.disconnect();
    await partnerCli('revoke', other);
    const after = client(login(creds.username, creds.password)).admin();
    await expect(after.connect()).rejects.toMatchObject({ name: 'KafkaJSSASLAuthenticationError' });
    await after.disconnect();
  }, 180_000);
});
