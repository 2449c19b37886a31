/**
 * `npm start` as a person sees it: the real start script with its real child processes,
 * over the shared Kafka and Mongo-wire store. Its terminal output up to "ready" must fit on
 * one screen (40 lines) and hold the status table and the next steps; the services' JSON
 * logs go to files instead. A database prefix of its own keeps it apart from other stacks;
 * the first run seeds that store (as on a fresh clone), later runs reuse it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const READY_LINE = 'Sanshe is ready. Press Ctrl-C to stop.';
const PROCESSES = ['gateway', 'registry', 'social-orgs', 'activities', 'resident-services', 'credits'];

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A gateway port whose five successors are free too (the script puts the subgraphs there), and the portal's port + 100. */
async function freePortBlock(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const base = 20_000 + Math.floor(Math.random() * 20_000);
    const free = await Promise.all([0, 1, 2, 3, 4, 5, 100].map((i) => portFree(base + i)));
    if (free.every(Boolean)) return base;
  }
  throw new Error('found no block of six free ports');
}

describe('npm start', () => {
  let child: ChildProcess | undefined;
  let output = '';
  let port = 0;

  beforeAll(async () => {
    port = await freePortBlock();
    child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        NODE_ENV: 'development',
        SANSHE_DB_PREFIX: 'startcheck_',
        KAFKA_GROUP_PREFIX: 'startcheck.',
        TERMINAL_LOG_LEVEL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // stdout and stderr both reach a person's terminal: count them together, in arrival order.
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (output.includes(READY_LINE)) {
          clearInterval(timer);
          resolve();
        }
      }, 200);
      child!.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`the start script exited (${code}) before it was ready; it printed:\n${output}`));
      });
    });
  }, 900_000);

  afterAll(async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
  }, 60_000);

  it('fits its output up to "ready" on one screen: at most 40 lines', () => {
    const beforeReady = output.slice(0, output.indexOf(READY_LINE) + READY_LINE.length).split('\n');
    expect(beforeReady.length).toBeLessThanOrEqual(40);
    expect(output).not.toMatch(/"level":\d+/);
    expect(output).not.toMatch(/partitioner/i);
  });

  it('prints one status table with every process, its port, readiness and URL', () => {
    expect(output).toMatch(/^\s*process\s+port\s+ready\s+URL\s*$/m);
    PROCESSES.forEach((name, i) => {
      expect(output).toMatch(new RegExp(`^\\s*${name}\\s+${port + i}\\s+yes\\s+http://localhost:${port + i}/graphql\\s*$`, 'm'));
    });
    expect(output).toMatch(/^\s*kafka\s+\d+\s+yes\s/m);
    expect(output).toMatch(new RegExp(`^\\s*community-portal\\s+${port + 100}\\s+yes\\s+http://localhost:${port + 100}/\\s*$`, 'm'));
  });

  it('says what to do next: the console, a token, where the logs are', () => {
    expect(output).toContain(`open the admin console    http://localhost:${port}/`);
    expect(output).toContain(`open the community portal http://localhost:${port + 100}/`);
    expect(output).toContain('npm run -s token -- --role district-admin');
    expect(output).toContain('.data/logs/');
  });

  it('writes each service log to .data/logs as JSON lines, and the gateway answers', async () => {
    for (const name of PROCESSES) {
      const file = path.join(ROOT, '.data', 'logs', `${name}.log`);
      expect(existsSync(file)).toBe(true);
      const last = readFileSync(file, 'utf8').trim().split('\n').pop()!;
      expect(JSON.parse(last)).toHaveProperty('level');
    }
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ districtOverview { communities } }' }),
    });
    expect(await res.json()).toEqual({ data: { districtOverview: { communities: 71 } } });
  });

  it('serves the community portal, passing its /graphql to the gateway', async () => {
    const page = await fetch(`http://127.0.0.1:${port + 100}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script type="module"');
    const res = await fetch(`http://127.0.0.1:${port + 100}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ districtOverview { communities } }' }),
    });
    expect(await res.json()).toEqual({ data: { districtOverview: { communities: 71 } } });
  });
});
