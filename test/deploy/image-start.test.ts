/**
 * The runtime image's start command, without a Docker engine: the deployable is built, staged
 * with the Dockerfile's own script (infra/docker/stage.sh), installed with the final stage's
 * `npm ci --omit=dev --workspace …` into a clean folder (from the npm cache when it can), and
 * started as the image starts it — NODE_ENV=production, its own secret — until /health/ready
 * answers 200.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventually } from '@sanshe/test-env';
import { dropDatabases, fleet, startGroupsAtTheEnd } from '../replicas/fleet';

const ROOT = path.resolve(__dirname, '..', '..');
const DEPLOYABLE = 'services/credits';
const f = fleet();
let app: string;
let child: ChildProcess | undefined;

beforeAll(() => {
  execFileSync('npx', ['turbo', 'run', 'build', '--filter=@sanshe/credits...', '--output-logs=errors-only'], { cwd: ROOT, stdio: 'pipe' });
  app = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-image-'));
  execFileSync('sh', [path.join(ROOT, 'infra', 'docker', 'stage.sh'), app], { cwd: ROOT, stdio: 'pipe' });
  execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', '--workspace', DEPLOYABLE], {
    cwd: app,
    stdio: 'pipe',
  });
}, 600_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
  }
  await dropDatabases(f, ['credits']);
  if (app) fs.rmSync(app, { recursive: true, force: true });
}, 60_000);

/** The local broker's SASL_SSL listener and its CA, with the test run's login; an external broker (KAFKA_BROKERS) as given. */
function productionKafka(): NodeJS.ProcessEnv {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PATHS, HOST, KAFKA_TLS_PORT } = require('../../infra/local/paths.js') as {
    PATHS: { kafkaTlsDir: string };
    HOST: string;
    KAFKA_TLS_PORT: number;
  };
  return { KAFKA_BROKERS: `${HOST}:${KAFKA_TLS_PORT}`, KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: path.join(PATHS.kafkaTlsDir, 'ca.pem') };
}

it('installs no dev dependency and answers ready from the built output', async () => {
  expect(fs.existsSync(path.join(app, 'node_modules', 'jest'))).toBe(false);
  expect(fs.existsSync(path.join(app, 'node_modules', 'typescript'))).toBe(false);
  expect(fs.existsSync(path.join(app, 'schemas', 'supergraph.graphql'))).toBe(true);

  await startGroupsAtTheEnd(f.prefix, {
    'credits.activities': ['sanshe.activities.v1'],
    'credits.resident-services': ['sanshe.resident-services.v1'],
    'credits.residents': ['sanshe.registry.v1'],
    'credits.known-communities': ['sanshe.registry.v1'],
  });
  // The Dockerfile's CMD: exec node "$DEPLOYABLE/dist/index.js", as the image's ENV sets it.
  child = spawn('sh', ['-c', 'exec node "$DEPLOYABLE/dist/index.js"'], {
    cwd: app,
    // Production talks to Kafka as production brokers run it: SASL over TLS (the local broker's SASL_SSL listener).
    env: { ...f.env, ...productionKafka(), NODE_ENV: 'production', DEPLOYABLE, HOST: '127.0.0.1', PORT: '0', MONGO_DB: f.dbOf('credits') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (out += c));
  const url = await eventually(
    async () => {
      if (child!.exitCode !== null) throw new Error(`exited ${child!.exitCode}: ${out.slice(-2000)}`);
      return /"url":"(http:[^"]+)"/.exec(out)?.[1];
    },
    60_000,
    'the service to listen',
  );
  const ready = await eventually(
    async () => {
      const res = await fetch(new URL('/health/ready', url));
      return res.status === 200 ? ((await res.json()) as Record<string, unknown>) : undefined;
    },
    60_000,
    '/health/ready',
  );
  expect(ready).toMatchObject({ status: 'ready', service: 'credits', mongo: true, consumers: true });
});

it('refuses to start in production without the identity keys', () => {
  const run = () =>
    execFileSync('node', [`${DEPLOYABLE}/dist/index.js`], {
      cwd: app,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: '0' },
      stdio: 'pipe',
      timeout: 30_000,
    });
  expect(run).toThrow(/IDENTITY_PUBLIC_KEYS/);
});
