/**
 * Two gateway processes behind a round-robin, as two pods behind a Service: the gateway keeps no
 * state of its own, so either answers any request. Identity signing holds (a subgraph verifies
 * what either signed with the shared key), each process counts its own requests in /metrics (the
 * scraper sums them), and a new supergraph written to the mounted file reaches both without a
 * restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildSchema, graphql } from 'graphql';
import { mintToken } from '@sanshe/gateway/auth';
import { composeSupergraph, defaultUrl } from '@sanshe/schemas/compose';
import { generateKeySet, IDENTITY_HEADER, parseTrustedKeys, verifyIdentity } from '@sanshe/service-kit';
import { eventually } from '@sanshe/test-env';

const ROOT = path.resolve(__dirname, '..', '..');
/** One key set for both gateways, as one Secret mounted into every pod; the subgraph holds only the public key. */
const KEYS = generateKeySet('gw');
const TRUSTED = parseTrustedKeys(KEYS.IDENTITY_PUBLIC_KEYS);
const JWT = { JWT_SECRET: KEYS.JWT_SECRET, JWT_ISSUER: 'sanshe-test', JWT_AUDIENCE: 'sanshe' };
const TYPES = [
  'type Query {\n  "Who the subgraph was told is calling."\n  whoami: String\n}',
  'type Query {\n  whoami: String\n  "Added by the second supergraph."\n  motto: String\n}',
];
const sdl = (types: string) => `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\n${types}`;

let subgraph: http.Server;
let subgraphUrl: string;
let proxy: http.Server;
let proxyUrl: string;
const gateways: { child: ChildProcess; origin: string }[] = [];
const supergraphFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-gw-')), 'supergraph.graphql');
const writeSupergraph = (types: string) =>
  fs.writeFileSync(supergraphFile, composeSupergraph({ who: sdl(types) }).supergraphSdl.replace(defaultUrl('who'), subgraphUrl));

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

/** A subgraph that refuses what it cannot verify, and answers with the verified user. */
function identitySubgraph(): http.Server {
  const schema = buildSchema(TYPES[1]!);
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const { query } = JSON.parse(raw) as { query: string };
      let user: string | null;
      try {
        user = verifyIdentity(req.headers[IDENTITY_HEADER] as string | undefined, TRUSTED, { audience: 'who', body: raw }).userId;
      } catch (err) {
        return void res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errors: [{ message: (err as Error).message }] }));
      }
      void Promise.resolve(
        graphql({ schema, source: query, rootValue: { whoami: () => user, motto: () => '社区搭台、社会组织唱戏' } }),
      ).then((result) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)));
    });
  });
}

async function startGateway(): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, ['-r', path.join(__dirname, 'register-ts.js'), path.join(ROOT, 'gateway', 'src', 'index.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      PORT: '0',
      HOST: '127.0.0.1',
      IDENTITY_SIGNING_KEY: KEYS.IDENTITY_SIGNING_KEY,
      ...JWT,
      SUPERGRAPH_PATH: supergraphFile,
      SUPERGRAPH_POLL_MS: '200',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  const url = await eventually(async () => /"url":"(http:[^"]+)"/.exec(out)?.[1], 60_000, 'a gateway to listen');
  return { child, origin: new URL(url).origin };
}

/** Round-robin over the gateways, like a Service's kube-proxy. */
function roundRobin(): http.Server {
  let next = 0;
  return http.createServer((req, res) => {
    const target = new URL(gateways[next++ % gateways.length]!.origin);
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
}

async function ask(query: string, token?: string) {
  const res = await fetch(`${proxyUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function requestsCounted(origin: string): Promise<number> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  return [...text.matchAll(/^sanshe_gateway_requests_total\{[^}]*\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}

beforeAll(async () => {
  subgraph = identitySubgraph();
  subgraphUrl = `${await listen(subgraph)}/graphql`;
  writeSupergraph(TYPES[0]!);
  gateways.push(...(await Promise.all([startGateway(), startGateway()])));
  proxy = roundRobin();
  proxyUrl = await listen(proxy);
}, 120_000);

afterAll(async () => {
  for (const { child } of gateways) child.kill('SIGTERM');
  await Promise.all(gateways.map(({ child }) => new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))));
  await new Promise((r) => proxy?.close(r));
  await new Promise((r) => subgraph?.close(r));
});

it('signs each caller identity on either gateway, and each gateway counts what it served', async () => {
  const before = await Promise.all(gateways.map((g) => requestsCounted(g.origin)));
  const users = Array.from({ length: 10 }, (_, i) => `user-${i}`);
  for (const user of users) {
    const token = await mintToken(JWT, { sub: user, roles: ['RESIDENT'] });
    expect((await ask('{ whoami }', token)).data).toEqual({ whoami: user });
  }
  const forged = await mintToken(
    { ...JWT, JWT_SECRET: randomBytes(32).toString('base64url') },
    { sub: 'mallory', roles: ['DISTRICT_ADMIN'] },
  );
  for (let i = 0; i < 2; i += 1) expect((await ask('{ whoami }', forged)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

  const after = await Promise.all(gateways.map((g) => requestsCounted(g.origin)));
  expect(after.map((n, i) => n - before[i]!)).toEqual([6, 6]);
});

it('reloads a new supergraph from the file on both gateways without a restart', async () => {
  expect((await ask('{ motto }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  writeSupergraph(TYPES[1]!);
  for (const { origin } of gateways) {
    await eventually(
      async () => {
        const res = await fetch(`${origin}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ motto }' }),
        });
        return ((await res.json()) as { data?: { motto?: string } }).data?.motto === '社区搭台、社会组织唱戏';
      },
      30_000,
      `${origin} to serve the new supergraph`,
    );
  }
  expect(gateways.every(({ child }) => child.exitCode === null)).toBe(true);
});
