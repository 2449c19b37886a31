/**
 * The partner quick start as a partner lives it, with the command-line tools: `npm run partner --
 * add` prints a kcat line, and that very line reads a public topic; the same credentials can
 * neither produce nor read a dead-letter topic, and kcat without credentials gets nothing.
 * (kafka-access.test.ts checks the same rules through kafkajs.)
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '..', '..');
const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const kcat = process.env.KCAT ?? '/usr/bin/kcat';
const TOPIC = 'sanshe.activities.v1';
const partner = `kcat-${randomBytes(3).toString('hex')}`;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a shell line (as a partner pastes it), with stdin and a time limit; never throws. */
function shell(line: string, { input = '', timeoutMs = 45_000 } = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', line], { cwd: repoRoot, env: process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

async function partnerTool(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [path.join(repoRoot, 'tools', 'partners', 'partner.js'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, KAFKA_BROKERS: brokers },
    timeout: 90_000,
  });
  return stdout;
}

let printed = '';
let kcatLine = '';

beforeAll(async () => {
  printed = await partnerTool('add', partner);
  kcatLine =
    printed
      .split('\n')
      .find((l) => /\bkcat -b /.test(l))
      ?.trim() ?? '';
}, 120_000);

afterAll(async () => {
  await partnerTool('revoke', partner).catch(() => undefined);
}, 120_000);

/** The printed line, told to stop after one record: `-c 1 -e` go before the topic. */
const readOne = (line: string) => line.replace(/ (-G \S+) (\S+)$/, ' -c 1 -e $1 $2');
/** The same login, other kcat modes. */
const withMode = (line: string, mode: string) => line.replace(/ -X auto\.offset\.reset=earliest -G \S+ \S+$/, ` ${mode}`);

describe('the partner quick start with kcat', () => {
  it('prints credentials once, with a ready kcat line for the public topics', () => {
    expect(printed).toContain(`partner-${partner}`);
    expect(kcatLine).toMatch(/kcat -b \S+ .*sasl\.username=partner-/);
    expect(kcatLine).toContain(`-G partner.${partner}.`);
  });

  it('reads sanshe.activities.v1 with the printed line', async () => {
    // Nothing is written here for the purpose: the topic is the services' own, and every record
    // on it must be a real event. On a fresh broker it may still be empty: kcat then reads to
    // its end and exits cleanly, which a refused read never does.
    const line = readOne(kcatLine.replace(/ \S+$/, ` ${TOPIC}`));
    const out = await shell(line);
    expect(out.stderr).not.toMatch(/authorization failed|authentication failed/i);
    expect(out.code).toBe(0);
    const record = out.stdout.trim();
    if (record) expect(JSON.parse(record)).toMatchObject({ specversion: '1.0', type: expect.stringMatching(/^cn\.sanshe\.activities\./) });
  }, 60_000);

  it('sees sanshe.activities.v1 in the metadata with the same login', async () => {
    const out = await shell(withMode(kcatLine, '-L -J'));
    expect(out.code).toBe(0);
    const { topics } = JSON.parse(out.stdout) as { topics: { topic: string }[] };
    expect(topics.map((t) => t.topic)).toContain(TOPIC);
  }, 60_000);

  it('cannot produce to sanshe.activities.v1 with the same credentials', async () => {
    const out = await shell(`${withMode(kcatLine, `-P -t ${TOPIC}`)}`, { input: '{"forged":true}\n' });
    expect(out.stderr).toMatch(/authorization failed/i);
    expect(out.code).not.toBe(0);
  }, 60_000);

  it('cannot read a dead-letter topic with the same credentials', async () => {
    const out = await shell(`${withMode(kcatLine, '-C -t sanshe.dlq.activities.registry-events -o beginning -e')}`);
    expect(out.stderr).toMatch(/authorization failed|not authorized/i);
    expect(out.stdout.trim()).toBe('');
  }, 60_000);

  it('gets no metadata without credentials', async () => {
    const out = await shell(`${kcat} -b ${brokers} -L -m 5`, { timeoutMs: 30_000 });
    expect(out.code).not.toBe(0);
    expect(out.stdout).not.toContain(TOPIC);
  }, 40_000);
});
