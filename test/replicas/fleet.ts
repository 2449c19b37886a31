/**
 * Replicas as real OS processes: each service's own entry point (`src/index.ts`) run by node with
 * a transpile-only hook, on its own port, against the shared store and broker. A test talks to a
 * replica's subgraph endpoint directly with a signed identity, as the gateway would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import {
  ANONYMOUS,
  IDENTITY_HEADER,
  connectMongo,
  generateKeySet,
  kafkaAuthFromEnv,
  parseSigningKey,
  signIdentity,
  type Identity,
  type SigningKey,
} from '@sanshe/service-kit';
import { eventually, type GraphQLResponse } from '@sanshe/test-env';

const ROOT = path.resolve(__dirname, '..', '..');
export const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
export const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
export const kafka = new Kafka({ clientId: 'replicas-test', brokers: BROKERS, logLevel: logLevel.NOTHING, ...kafkaAuthFromEnv() });

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface Replica {
  label: string;
  url: string;
  process: ChildProcess;
  /** Every JSON log line the process wrote so far. */
  logs: LogLine[];
  query<T>(query: string, variables: Record<string, unknown>, identity?: Partial<Identity>): Promise<GraphQLResponse<T>>;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export interface Fleet {
  runId: string;
  prefix: string;
  /** Signs identities as the gateway would: the replicas trust only its public key. */
  signer: SigningKey;
  env: NodeJS.ProcessEnv;
  dbOf(service: string): string;
}

export function fleet(extra: NodeJS.ProcessEnv = {}): Fleet {
  const runId = `r${randomBytes(4).toString('hex')}`;
  const keys = generateKeySet('replicas');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    MONGO_URL,
    KAFKA_BROKERS: BROKERS.join(','),
    KAFKA_GROUP_PREFIX: `${runId}.`,
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
    IDENTITY_PUBLIC_KEYS: keys.IDENTITY_PUBLIC_KEYS,
    // The broker authenticates every client: the test run's login (jest globalSetup) serves the replicas too.
    ...(process.env.KAFKA_SASL_USERNAME
      ? { KAFKA_SASL_USERNAME: process.env.KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD: process.env.KAFKA_SASL_PASSWORD }
      : {}),
    OUTBOX_SWEEP_MS: '250',
    CONSUMER_MAX_ATTEMPTS: '3',
    PORT: '0',
    ...extra,
  };
  return {
    runId,
    prefix: `${runId}.`,
    signer: parseSigningKey(keys.IDENTITY_SIGNING_KEY),
    env,
    dbOf: (service) => `${runId}_${service.replaceAll('-', '_')}`,
  };
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });

/** Starts one replica of `service` and waits until it answers ready (store reached, consumers joined). */
export async function startReplica(f: Fleet, service: string, label: string, extra: NodeJS.ProcessEnv = {}): Promise<Replica> {
  const child = spawn(
    process.execPath,
    ['-r', path.join(__dirname, 'register-ts.js'), path.join(ROOT, 'services', service, 'src', 'index.ts')],
    {
      cwd: ROOT,
      env: { ...f.env, MONGO_DB: f.dbOf(service), ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const logs: LogLine[] = [];
  let stderr = '';
  let pending = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        // not a log line (a library printing plain text); nothing the test counts
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4_000)));

  const url = await eventually(
    async () => {
      if (child.exitCode !== null) throw new Error(`${label} exited with ${child.exitCode}: ${stderr}`);
      return logs.find((l) => l.msg.endsWith('subgraph ready'))?.url as string | undefined;
    },
    60_000,
    `${label} to listen`,
  ).catch((err: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${err.message}\n${stderr}`);
  });
  const ready = url.replace(/\/graphql$/, '/health/ready');
  await eventually(async () => (await fetch(ready)).status === 200, 60_000, `${label} to be ready`);

  return {
    label,
    url,
    process: child,
    logs,
    async query<T>(query: string, variables: Record<string, unknown>, identity: Partial<Identity> = {}) {
      const body = JSON.stringify({ query, variables });
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: signIdentity({ ...ANONYMOUS, ...identity }, f.signer, { audience: service, body }),
        },
        body,
      });
      return (await res.json()) as GraphQLResponse<T>;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}

/** Starts replicas side by side; when one fails, the others are stopped before the error is thrown. */
export async function startReplicas(f: Fleet, specs: { service: string; label: string }[]): Promise<Replica[]> {
  const settled = await Promise.allSettled(specs.map((s) => startReplica(f, s.service, s.label)));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (!failed) return settled.map((s) => (s as PromiseFulfilledResult<Replica>).value);
  await Promise.all(settled.map((s) => (s.status === 'fulfilled' ? s.value.kill() : Promise.resolve())));
  throw failed.reason;
}

/**
 * Commits the fleet's consumer groups at the current end of their topics before any replica
 * starts: a new group would otherwise replay every earlier run's events on the shared broker.
 */
export async function startGroupsAtTheEnd(prefix: string, groups: Record<string, string[]>): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = [...new Set(Object.values(groups).flat())];
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length > 0)
      await admin.createTopics({ topics: missing.map((topic) => ({ topic, numPartitions: 3 })), waitForLeaders: true });
    const ends = new Map(await Promise.all(topics.map(async (topic) => [topic, await admin.fetchTopicOffsets(topic)] as const)));
    for (const [group, groupTopics] of Object.entries(groups)) {
      for (const topic of groupTopics) {
        await admin.setOffsets({
          groupId: `${prefix}${group}`,
          topic,
          partitions: ends.get(topic)!.map((p) => ({ partition: p.partition, offset: p.high })),
        });
      }
    }
  } finally {
    await admin.disconnect();
  }
}

/** Which partitions of `topic` each live member of `groupId` holds, by member id. */
export async function assignments(groupId: string, topic: string): Promise<Map<string, number[]>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    const result = new Map<string, number[]>();
    for (const member of groups[0]?.members ?? []) {
      const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
      result.set(member.memberId, [...(decoded?.assignment[topic] ?? [])].sort());
    }
    return result;
  } finally {
    await admin.disconnect();
  }
}

/** How many records of `topic` the group has not committed yet, over all partitions. */
export async function lagOf(groupId: string, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const at = new Map(committed!.partitions.map((p) => [p.partition, Number(p.offset)]));
    return ends.reduce((sum, p) => sum + Number(p.high) - Math.max(0, at.get(p.partition) ?? 0), 0);
  } finally {
    await admin.disconnect();
  }
}

export async function sendEvents(topic: string, records: { key: string; value: object }[]): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages: records.map((r) => ({ key: r.key, value: JSON.stringify(r.value) })) });
  } finally {
    await producer.disconnect();
  }
}

/** Drops the fleet's databases: test databases would pile up in the shared store. */
export async function dropDatabases(f: Fleet, services: string[]): Promise<void> {
  for (const service of services) {
    const connection = await connectMongo(MONGO_URL, f.dbOf(service));
    await connection.dropDatabase();
    await connection.close();
  }
}

/** The `scheduled job ran` lines of the given replicas: job name and period per run. */
export function jobRuns(replicas: Replica[]): { job: string; period: number; holder: string }[] {
  return replicas.flatMap((r) =>
    r.logs
      .filter((l) => l.msg === 'scheduled job ran')
      .map((l) => ({ job: l.job as string, period: l.period as number, holder: l.holder as string })),
  );
}
