/**
 * 1,000 malformed or hostile requests at the gateway, over all five subgraphs: no process
 * crashes, no subgraph answers 5xx, and no response carries internals (stack frames, file
 * paths, database error text), and the gateway itself answers no 5xx either.
 */
import http from 'node:http';
import { startStack, type Stack } from '@sanshe/test-env';
import { reportDrill } from './drill-report';
import { hostileRequests, INTERNALS, type HostileRequest } from './hostile-requests';

const COUNT = 1000;
const CONCURRENCY = 8;

interface Answer {
  kind: string;
  status: number;
  body: string;
}

function send(url: URL, request: HostileRequest, tokens: Record<string, string>): Promise<Answer> {
  const body =
    request.body === undefined
      ? undefined
      : Buffer.isBuffer(request.body)
        ? request.body
        : Buffer.from(typeof request.body === 'string' ? request.body : JSON.stringify(request.body));
  const auth =
    request.auth === undefined || request.auth === 'none'
      ? undefined
      : typeof request.auth === 'object'
        ? request.auth.raw
        : `Bearer ${tokens[request.auth]}`;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(auth ? { authorization: auth } : {}),
    ...(request.headers ?? {}),
  };
  if (body) headers['content-length'] = String(body.length);
  return new Promise((resolve) => {
    // Node throws here on a header it will not send: the drill's own mistake, so it fails loudly.
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method ?? 'POST',
        path: request.path ?? url.pathname,
        headers,
        timeout: 60_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            kind: request.kind,
            status: res.statusCode ?? 0,
            body: `${JSON.stringify(res.headers)}\n${Buffer.concat(chunks).toString('utf8')}`,
          }),
        );
        res.on('error', () => resolve({ kind: request.kind, status: -1, body: '' }));
      },
    );
    // A server that stops reading a huge body and answers 413 may reset the socket: that is fine.
    req.on('error', (err: NodeJS.ErrnoException) =>
      resolve({ kind: request.kind, status: err.code === 'EPIPE' || err.code === 'ECONNRESET' ? -2 : -1, body: '' }),
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    if (body) req.write(body);
    req.end();
  });
}

describe('1,000 malformed and hostile requests', () => {
  let stack: Stack;
  const subgraphStatuses: number[] = [];
  beforeAll(async () => {
    stack = await startStack(['registry', 'social-orgs', 'activities', 'resident-services', 'credits']);
    for (const service of Object.values(stack.services)) {
      service!.httpServer.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) =>
        res.on('finish', () => subgraphStatuses.push(res.statusCode)),
      );
    }
  }, 300_000);
  afterAll(() => stack?.stop(), 120_000);

  it('crash nothing, get no 5xx from a subgraph and see no internals', async () => {
    const tokens = {
      admin: await stack.token({ roles: ['DISTRICT_ADMIN'] }),
      staff: await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: ['community-001'] }),
      resident: await stack.token({ roles: ['RESIDENT'], residentId: 'resident-00001', communityIds: ['community-001'] }),
    };
    const url = new URL(stack.gatewayUrl);
    const requests = hostileRequests(COUNT);
    const answers: Answer[] = [];
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < requests.length; i = next++) answers.push(await send(url, requests[i]!, tokens));
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    const leaks = answers.flatMap((a) =>
      INTERNALS.filter(({ pattern }) => pattern.test(a.body)).map(({ what }) => ({
        kind: a.kind,
        what,
        status: a.status,
        excerpt: a.body.slice(0, 400),
      })),
    );
    const gateway5xx = answers.filter((a) => a.status >= 500);
    const noAnswer = answers.filter((a) => a.status === -1);
    const subgraph5xx = subgraphStatuses.filter((s) => s >= 500);
    const alive = await Promise.all(
      [stack.gatewayUrl, ...Object.values(stack.serviceUrls)].map((u) =>
        fetch(new URL('/health/live', u!)).then(
          (r) => r.ok,
          () => false,
        ),
      ),
    );
    const stillServes = await stack.query<{ district: { name: string } }>('{ district { name } }');
    const crashes = alive.filter((ok) => !ok).length + (stillServes.data?.district.name ? 0 : 1);
    const byStatus = answers.reduce<Record<string, number>>((acc, a) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }), {});

    reportDrill(
      'hostile requests',
      {
        sent: requests.length,
        answered: answers.length - noAnswer.length,
        'reset by server (huge bodies)': answers.filter((a) => a.status === -2).length,
        'gateway 5xx': gateway5xx.length,
        'subgraph fetches': subgraphStatuses.length,
        'subgraph 5xx': subgraph5xx.length,
        'responses with internals': leaks.length,
        crashes,
      },
      [
        `statuses: ${Object.entries(byStatus)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}`,
        ...gateway5xx.slice(0, 3).map((a) => `gateway ${a.status} on ${a.kind}: ${a.body.split('\n')[1]?.slice(0, 200)}`),
        ...leaks.slice(0, 3).map((l) => `${l.what} in ${l.kind} (${l.status}): ${l.excerpt.split('\n')[1]?.slice(0, 200)}`),
      ],
    );
    expect(noAnswer).toHaveLength(0);
    expect(crashes).toBe(0);
    expect(subgraph5xx).toHaveLength(0);
    expect(leaks).toEqual([]);
    expect(gateway5xx.map((a) => `${a.status} ${a.kind}`)).toEqual([]);
  }, 300_000);
});
