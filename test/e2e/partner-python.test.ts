/**
 * The Python partner example (examples/partners/python) against the real broker, as a partner:
 * credentials from `npm run partner -- add`, SASL/SCRAM, 100 real events published through the
 * gateway, each validated against schemas/events and processed once, even when read again.
 * Needs `pip install -r examples/partners/python/requirements.txt` (CI does it; this test never installs).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eventually, startStack, type Stack } from '@sanshe/test-env';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..', '..');
const EVENTS = 100;

interface Line {
  processed?: string;
  type?: string;
  subject?: string;
  summary?: { processed: number; duplicates: number; invalid: number };
  error?: string;
}

async function partnerCli(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [path.join(root, 'tools', 'partners', 'partner.js'), ...args, '--json'], {
    cwd: root,
    env: process.env,
    timeout: 90_000,
  });
  return stdout;
}

async function pythonConsumer(creds: { username: string; password: string }, group: string, store: string): Promise<Line[]> {
  const script = path.join(root, 'examples', 'partners', 'python', 'consumer.py');
  const { stdout } = await run(
    'python3',
    [
      script,
      '--bootstrap',
      (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',')[0]!,
      '--group',
      group,
      '--store',
      store,
      '--idle-seconds',
      '15',
      'sanshe.activities.v1',
    ],
    {
      env: { ...process.env, SANSHE_KAFKA_USERNAME: creds.username, SANSHE_KAFKA_PASSWORD: creds.password },
      timeout: 180_000,
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
}

describe('the Python partner example', () => {
  let stack: Stack;
  const partner = `py${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'sanshe-partner-py-'));
  let creds: { username: string; password: string; groupPrefix: string };

  beforeAll(async () => {
    stack = await startStack(['registry', 'activities']);
    creds = JSON.parse(await partnerCli('add', partner)) as typeof creds;
  }, 180_000);
  afterAll(async () => {
    await partnerCli('revoke', partner).catch(() => undefined);
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it(`consumes, validates and processes ${EVENTS} real events once, and a second read changes nothing`, async () => {
    const admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    const communityId = `${stack.runId}-tianjiu`;
    await stack.query(
      `mutation($input: CreateStreetInput!) { createStreet(input: $input) { id } }`,
      { input: { id: `${stack.runId}-s`, name: '天津路街道' } },
      admin,
    );
    await stack.query(
      `mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
      { input: { id: communityId, name: '天九社区', streetId: `${stack.runId}-s`, urban: true } },
      admin,
    );
    const create = (i: number) =>
      stack.query<{ createActivity: { id: string } }>(
        `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }`,
        {
          input: {
            title: `生态时蔬花园 ${i}`,
            category: 'MY_VEGETABLE_GARDEN',
            communityId,
            startsAt: '2026-12-10T08:00:00Z',
            endsAt: '2026-12-10T10:00:00Z',
            capacity: 20,
          },
        },
        admin,
      );
    const first = await eventually(async () => (await create(0)).data?.createActivity, 60_000, 'activities to learn the community');
    const ids = [first.id];
    for (let i = 1; i < EVENTS; i += 1) ids.push((await create(i)).data!.createActivity.id);
    for (const id of ids) {
      const res = await stack.query<{ publishActivity: { status: string } }>(
        `mutation($id: ID!) { publishActivity(id: $id) { status } }`,
        { id },
        admin,
      );
      expect(res.errors).toBeUndefined();
    }
    await eventually(async () => (await stack.services.activities!.relay.pending()) === 0, 90_000, 'the outbox to drain');

    const store = path.join(dir, 'processed.sqlite3');
    const firstRead = await pythonConsumer(creds, `${creds.groupPrefix}example`, store);
    expect(firstRead.find((l) => l.error)).toBeUndefined();
    const published = new Set(firstRead.filter((l) => l.type === 'cn.sanshe.activities.activity.published.v1').map((l) => l.subject));
    expect(ids.filter((id) => !published.has(id))).toEqual([]);
    expect(firstRead.at(-1)!.summary!.processed).toBeGreaterThanOrEqual(EVENTS);

    // A new group reads the topic from the beginning again: the store has every id, so nothing is processed twice.
    const secondRead = await pythonConsumer(creds, `${creds.groupPrefix}replay`, store);
    expect(secondRead.filter((l) => l.processed && ids.includes(l.subject!))).toEqual([]);
    expect(secondRead.at(-1)!.summary!.duplicates).toBeGreaterThanOrEqual(EVENTS);
  }, 600_000);
});
