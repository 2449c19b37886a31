/** Runs the command-line Kafka tools a partner or operator would: kcat and tools/events. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const kcatBin = process.env.KCAT ?? '/usr/bin/kcat';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { kcatPreload } = require('../../partners/client-config.js') as { kcatPreload(kcat: string): string };

/** kcat logs in like the tests' own clients (KAFKA_SASL_*, set by the jest globalSetup). */
function kcatAuth(): { args: string[]; env: NodeJS.ProcessEnv } {
  const user = process.env.KAFKA_SASL_USERNAME;
  if (!user) return { args: [], env: process.env };
  const args = [
    '-X',
    'security.protocol=SASL_PLAINTEXT',
    '-X',
    'sasl.mechanisms=SCRAM-SHA-512',
    '-X',
    `sasl.username=${user}`,
    '-X',
    `sasl.password=${process.env.KAFKA_SASL_PASSWORD ?? ''}`,
  ];
  const preload = kcatPreload(kcatBin);
  return { args, env: preload ? { ...process.env, LD_PRELOAD: preload } : process.env };
}

export interface KcatRecord {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  payload: string | null;
  headers: Record<string, string>;
}

/** `kcat -C -t <topic> -o beginning -e -J`: every record the topic holds now. */
export async function kcatReadAll(topic: string): Promise<KcatRecord[]> {
  const auth = kcatAuth();
  const { stdout } = await run(kcatBin, ['-b', brokers, ...auth.args, '-C', '-t', topic, '-o', 'beginning', '-e', '-J', '-q'], {
    maxBuffer: 256 * 1024 * 1024,
    timeout: 30_000,
    env: auth.env,
  });
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const r = JSON.parse(line) as {
        topic: string;
        partition: number;
        offset: number;
        key: string | null;
        payload: string | null;
        headers?: string[];
      };
      const headers: Record<string, string> = {};
      for (let i = 0; i + 1 < (r.headers ?? []).length; i += 2) headers[r.headers![i]!] = r.headers![i + 1]!;
      return { topic: r.topic, partition: r.partition, offset: r.offset, key: r.key, payload: r.payload, headers };
    });
}

/** The event topics on the broker: sanshe.<context>.vN (not dead-letter topics). */
export async function eventTopicsOnBroker(): Promise<string[]> {
  const auth = kcatAuth();
  const { stdout } = await run(kcatBin, ['-b', brokers, ...auth.args, '-L', '-J'], { timeout: 30_000, env: auth.env });
  const { topics } = JSON.parse(stdout) as { topics: { topic: string }[] };
  return topics
    .map((t) => t.topic)
    .filter((t) => /^sanshe\.[a-z][a-z-]*\.v\d+$/.test(t))
    .sort();
}

/** Runs `node tools/events/<tool>.js …args`; resolves with the exit code and output. */
export async function eventsTool(
  tool: 'tail' | 'replay' | 'redrive' | 'topics',
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(repoRoot, 'tools', 'events', `${tool}.js`), ...args], {
      cwd: repoRoot,
      env: { ...process.env, KAFKA_BROKERS: brokers },
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string; message: string };
    if (typeof e.code !== 'number') throw err;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
