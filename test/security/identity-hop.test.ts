/**
 * Issue #14, holes 1, 2 and 5: a forged identity header, a replayed one, and tokens that
 * never expire. Forgeries go straight at a subgraph (where the gateway's limits do not
 * apply); replays reuse a header the real gateway sent; tokens go through the gateway.
 */
import { createHash, createHmac, createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { IDENTITY_HEADER, parseSigningKey, signIdentity, type Identity } from '@sanshe/service-kit';
import { postGraphQL, startStack, type Stack } from '@sanshe/test-env';
import { SignJWT } from 'jose';

const root = path.resolve(__dirname, '..', '..');
const COMMUNITY = '{ community(id: "nowhere") { id name } }';
const BODY = JSON.stringify({ query: COMMUNITY });
const admin: Identity = {
  userId: 'intruder',
  roles: ['DISTRICT_ADMIN'],
  streetIds: [],
  communityIds: [],
  orgIds: [],
  residentId: null,
  socialWorkerId: null,
};
/** The secrets the source used to ship as defaults (issue #14). */
const FORMER_DEFAULTS = ['sanshe-local-jwt-secret-only-for-development-use', 'sanshe-local-identity-secret-change-me'];

/** Every string literal (16–200 characters) in the code that runs or starts the platform. */
function valuesInSource(): string[] {
  const found = new Set<string>(FORMER_DEFAULTS);
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (['node_modules', 'dist', 'generated'].includes(entry.name)) continue;
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
        for (const m of fs.readFileSync(file, 'utf8').matchAll(/'([^'\\\n]{16,200})'|"([^"\\\n]{16,200})"|`([^`\\$\n]{16,200})`/g))
          found.add((m[1] ?? m[2] ?? m[3])!);
      }
    }
  };
  for (const dir of ['gateway/src', 'packages/service-kit/src', 'services', 'scripts', 'infra/local', 'infra/bench', 'test/env', 'tools'])
    walk(path.join(root, dir));
  return [...found];
}

/** The former header: HMAC-SHA256 over `v1.<ts>.<payload>` with a shared secret. */
function v1Header(identity: Identity, secret: string): string {
  const signedPart = `v1.${Math.floor(Date.now() / 1000)}.${Buffer.from(JSON.stringify(identity)).toString('base64url')}`;
  return `${signedPart}.${createHmac('sha256', secret).update(signedPart).digest('base64url')}`;
}

/** The current header, signed with an Ed25519 key whose seed is derived from `value`, under the trusted kid. */
function v2Header(identity: Identity, value: string, kid: string, audience: string): string {
  const seed = createHash('sha256').update(value).digest();
  const key = createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return signIdentity(identity, { kid, key }, { audience, body: BODY });
}

/** Runs `work` over `items`, eight at a time. */
async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

describe('the identity hop and tokens, attacked', () => {
  let stack: Stack;
  let kid: string;

  beforeAll(async () => {
    stack = await startStack(['registry', 'credits']);
    kid = parseSigningKey(stack.env.IDENTITY_SIGNING_KEY!).kid;
  });
  afterAll(() => stack?.stop());

  it('refuses, with 401, a header forged with every value found in the source, and a JWT signed with each', async () => {
    const values = valuesInSource();
    expect(values.length).toBeGreaterThan(100);
    const accepted: string[] = [];
    await inParallel(values, async (value) => {
      for (const header of [v1Header(admin, value), v2Header(admin, value, kid, 'registry')]) {
        const res = await postGraphQL(stack.serviceUrls.registry!, COMMUNITY, undefined, { [IDENTITY_HEADER]: header });
        if (res.status !== 401 || res.errors?.[0]?.extensions?.code !== 'UNAUTHENTICATED') accepted.push(`header with ${value}`);
      }
      const token = await new SignJWT({ roles: ['DISTRICT_ADMIN'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('intruder')
        .setIssuer(stack.env.JWT_ISSUER ?? 'sanshe-local')
        .setAudience(stack.env.JWT_AUDIENCE ?? 'sanshe')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(value));
      const res = await postGraphQL(stack.gatewayUrl, COMMUNITY, undefined, { authorization: `Bearer ${token}` });
      if (res.status !== 401) accepted.push(`JWT with ${value}`);
    });
    expect(accepted).toEqual([]);
  });

  describe('a header the gateway really sent', () => {
    let captured: { header: string; body: string } | undefined;

    beforeAll(async () => {
      // Listens beside the subgraph's own handler: sees exactly what arrived from the gateway.
      stack.services.registry!.httpServer.prependListener('request', (req: IncomingMessage) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const header = req.headers[IDENTITY_HEADER];
          if (typeof header === 'string') captured = { header, body: Buffer.concat(chunks).toString('utf8') };
        });
      });
      const token = await stack.token({ roles: ['DISTRICT_ADMIN'] });
      const res = await stack.query('{ community(id: "nowhere") { id name } }', undefined, token);
      expect(res.errors).toBeUndefined();
      expect(captured?.header).toMatch(/^v2\./);
    });

    it('is refused with 401 at another subgraph', async () => {
      const res = await fetch(stack.serviceUrls.credits!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: captured!.header },
        body: captured!.body,
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/another service/);
    });

    it('is refused with 401 with another body', async () => {
      const body = JSON.stringify({ query: '{ residents(first: 5) { edges { node { name phone address } } } }' });
      const res = await fetch(stack.serviceUrls.registry!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: captured!.header },
        body,
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/another request body/);
    });
  });

  describe('tokens', () => {
    const sign = (claims: { exp?: string; iat?: boolean; ttl?: string }) => {
      let jwt = new SignJWT({ roles: ['DISTRICT_ADMIN'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('long-lived')
        .setIssuer(stack.env.JWT_ISSUER ?? 'sanshe-local')
        .setAudience(stack.env.JWT_AUDIENCE ?? 'sanshe');
      if (claims.iat !== false) jwt = jwt.setIssuedAt();
      if (claims.exp) jwt = jwt.setExpirationTime(claims.exp);
      return jwt.sign(new TextEncoder().encode(stack.env.JWT_SECRET!));
    };
    const ask = async (token: string) => postGraphQL(stack.gatewayUrl, COMMUNITY, undefined, { authorization: `Bearer ${token}` });

    it('refuses a token without exp with 401', async () => {
      const res = await ask(await sign({}));
      expect(res.status).toBe(401);
      expect(res.errors?.[0]).toMatchObject({ message: expect.stringMatching(/expiry \(exp\)/), extensions: { code: 'UNAUTHENTICATED' } });
    });

    it('refuses a token without iat, and one that lives longer than 12 hours', async () => {
      expect((await ask(await sign({ exp: '1h', iat: false }))).status).toBe(401);
      const res = await ask(await sign({ exp: '13h' }));
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.message).toMatch(/longer than 43200 s/);
    });

    it('accepts a well-formed token of a normal lifetime', async () => {
      const res = await ask(await sign({ exp: '8h' }));
      expect(res.status).toBe(200);
      expect(res.data).toEqual({ community: null });
    });
  });
});
