/**
 * Issue #18: the OIDC sign-in against a real local OpenID Provider (the certified
 * `oidc-provider` package, test/env/oidc-provider.ts), not hand-made tokens. The gateway runs
 * its production profile over the real registry subgraph, configured as an operator would from
 * the provider's discovery document: issuer, jwks_uri, and the resource indicator whose access
 * tokens are JWTs for the gateway's audience. Chromium signs in through the provider's own
 * login and consent pages; the API tests hold provider-issued tokens against the gateway's
 * JWKS verification and a key rotation. Screenshots go to .cache/test-results/screenshots/console.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { decodeJwt, decodeProtectedHeader, importJWK, SignJWT, type JWK } from 'jose';
import { chromium, type Browser, type Page } from 'playwright-core';
import { postGraphQL, startStack, type Stack } from '@sanshe/test-env';
import { newSigningKey, startOidcProvider, type LocalOidcProvider, type OidcMetadata, type OidcSetup } from '../env/oidc-provider';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.resolve(__dirname, '..', '..', '.cache', 'test-results', 'screenshots', 'console');
/** The gateway's resource indicator (RFC 8707): the provider mints JWT access tokens with it as audience. */
const RESOURCE = 'urn:sanshe:graph';
const OTHER_RESOURCE = 'urn:example:another-api';
const STREET = 'street-oidc-7';
const SERVICE = { id: 'sanshe-test-service', secret: 'service-secret-for-this-test-run-only-0001' };
const EXPIRING = { id: 'sanshe-test-expiring', secret: 'expiring-secret-for-this-test-run-only-001' };
const STREET_RESIDENTS = `{ residents(filter: { streetId: "${STREET}" }) { edges { cursor } pageInfo { hasNextPage } } }`;
const ALL_RESIDENTS = '{ residents { edges { cursor } } }';

function setup(consoleOrigin: string): OidcSetup {
  const service = (client: { id: string; secret: string }) => ({
    client_id: client.id,
    client_secret: client.secret,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
  });
  return {
    clients: [
      // The console: a public client (no secret in a browser), PKCE required by the provider.
      {
        client_id: 'sanshe-console',
        token_endpoint_auth_method: 'none',
        redirect_uris: [`${consoleOrigin}/`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
      service(SERVICE),
      service(EXPIRING),
    ],
    accounts: { 'wang.fang': { name: '王芳', claims: { roles: ['STREET_STAFF'], streetIds: [STREET] } } },
    clientClaims: {
      [SERVICE.id]: { roles: ['STREET_STAFF'], streetIds: [STREET] },
      [EXPIRING.id]: { roles: ['STREET_STAFF'], streetIds: [STREET] },
    },
    resourceServers: [
      { indicator: RESOURCE, scope: 'sanshe' },
      { indicator: OTHER_RESOURCE, scope: 'other' },
    ],
    accessTokenTTL: { [EXPIRING.id]: 1 },
  };
}

async function setQuery(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => {
    type Doc = { querySelector(selector: string): { CodeMirror?: { setValue(v: string): void } } | null };
    const host = (globalThis as unknown as { document: Doc }).document.querySelector('.graphiql-query-editor .CodeMirror');
    if (!host?.CodeMirror) throw new Error('no query editor');
    host.CodeMirror.setValue(value);
  }, text);
}

/** The same claims as `token`, signed with `key` (a key the provider never published, or its own). */
async function resign(token: string, key: JWK, claims: Record<string, unknown> = {}): Promise<string> {
  const { typ } = decodeProtectedHeader(token);
  return new SignJWT({ ...decodeJwt(token), ...claims })
    .setProtectedHeader({ alg: 'RS256', typ, kid: key.kid! })
    .sign(await importJWK(key, 'RS256'));
}

describe('OIDC sign-in against a real local OpenID Provider', () => {
  let provider: LocalOidcProvider;
  let metadata: OidcMetadata;
  let stack: Stack;
  let origin: string;

  const ask = (query: string, token?: string) =>
    postGraphQL(stack.gatewayUrl, query, undefined, token ? { authorization: `Bearer ${token}` } : {});
  const codeOf = (answer: { errors?: { extensions?: { code?: string } }[] }) => answer.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    provider = await startOidcProvider(setup('http://127.0.0.1:1'));
    metadata = await provider.discover();
    // Configured as an operator would from discovery; the production profile, the console switched on.
    stack = await startStack(
      ['registry'],
      {},
      {
        gatewayEnv: {
          NODE_ENV: 'production',
          PLAYGROUND: 'true',
          JWT_SECRET: undefined,
          JWKS_URL: metadata.jwks_uri,
          JWT_ISSUER: metadata.issuer,
          JWT_AUDIENCE: RESOURCE,
          JWT_CLOCK_TOLERANCE_SECONDS: '0',
          JWKS_REFETCH_COOLDOWN_SECONDS: '2',
          CONSOLE_OIDC_ISSUER: metadata.issuer,
          CONSOLE_OIDC_CLIENT_ID: 'sanshe-console',
          CONSOLE_OIDC_RESOURCE: RESOURCE,
        },
      },
    );
    origin = new URL(stack.gatewayUrl).origin;
    // The console's redirect URI names the gateway, known only now.
    await provider.configure(setup(origin));
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await provider?.stop();
  });

  describe('in the console (Chromium)', () => {
    let browser: Browser;
    beforeAll(async () => {
      if (!existsSync(CHROMIUM))
        throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
      mkdirSync(SHOTS, { recursive: true });
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('signs in through the provider’s login and consent pages, shows who that is, and queries with the token', async () => {
      const page = await browser.newPage();
      const sent: string[] = [];
      page.on('request', (request) => {
        if (request.url() === stack.gatewayUrl && request.method() === 'POST') sent.push(request.headers().authorization ?? '');
      });
      await page.goto(`${origin}/`);
      await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
      expect(await page.locator('[data-testid=who]').textContent()).toContain('anonymous');
      // Production offers no development picker: the only way in is the issuer.
      expect(await page.locator('[data-testid=dev-sign-in]').count()).toBe(0);
      await page.screenshot({ path: path.join(SHOTS, 'oidc-1-signed-out.png') });

      await page.locator('[data-testid=oidc-sign-in]').click();
      await page.waitForURL((url) => url.origin === new URL(provider.issuer).origin, { timeout: 15_000 });
      await page.locator('input[name=login]').waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'oidc-2-provider-login.png') });
      await page.locator('input[name=login]').fill('wang.fang');
      await page.locator('input[name=password]').fill('any password: the provider’s development login checks none');
      await page.locator('button[type=submit]').click();

      await page.locator('button[type=submit]', { hasText: 'Continue' }).waitFor({ timeout: 15_000 });
      await page.screenshot({ path: path.join(SHOTS, 'oidc-3-provider-consent.png') });
      await page.locator('button[type=submit]', { hasText: 'Continue' }).click();

      await page.waitForURL((url) => url.origin === origin, { timeout: 15_000 });
      await page.locator('[data-testid=who-roles]').waitFor({ timeout: 15_000 });
      expect(await page.locator('[data-testid=who]').textContent()).toContain('wang.fang');
      expect(await page.locator('[data-testid=who-roles]').textContent()).toContain('STREET_STAFF');
      expect(await page.locator('[data-testid=who-scope]').textContent()).toContain(`streets ${STREET}`);
      expect(await page.locator('[data-testid=who-expiry]').textContent()).toMatch(/expires \S+/);
      // The one-time code and state do not stay in the address bar (or the history).
      expect(new URL(page.url()).search).toBe('');
      await page.screenshot({ path: path.join(SHOTS, 'oidc-4-signed-in.png') });

      await setQuery(page, STREET_RESIDENTS);
      await page.locator('.graphiql-execute-button').click();
      const result = page.locator('.result-window', { hasText: 'hasNextPage' });
      await result.waitFor({ timeout: 20_000 });
      await page.screenshot({ path: path.join(SHOTS, 'oidc-5-answer.png') });
      const text = (await result.textContent()) ?? '';
      expect(text).toContain('"edges": []');
      expect(text).not.toContain('errors');

      // The token sent is the provider's JWT access token for the gateway, signed by its current key.
      const bearer = sent.filter((h) => h.startsWith('Bearer ')).pop();
      expect(bearer).toBeDefined();
      const token = bearer!.slice(7);
      expect(decodeProtectedHeader(token)).toMatchObject({ typ: 'at+jwt', kid: provider.keys[0]!.kid });
      expect(decodeJwt(token)).toMatchObject({
        iss: provider.issuer,
        aud: RESOURCE,
        sub: 'wang.fang',
        client_id: 'sanshe-console',
        roles: ['STREET_STAFF'],
        streetIds: [STREET],
      });
      await page.close();
    });

    /** Opens the console, signs in at the provider as wang.fang and answers its consent page with `choice`. */
    async function signInAtProvider(page: Page, choice: 'Continue' | 'Cancel'): Promise<void> {
      await page.goto(`${origin}/`);
      await page.locator('[data-testid=oidc-sign-in]').click();
      await page.locator('input[name=login]').fill('wang.fang');
      await page.locator('input[name=password]').fill('any');
      await page.locator('button[type=submit]').click();
      await page.getByText(choice === 'Continue' ? 'Continue' : '[ Cancel ]', { exact: true }).click();
      await page.waitForURL((url) => url.origin === origin, { timeout: 15_000 });
    }

    it('stays signed out and says so when the person declines at the provider', async () => {
      const page = await browser.newPage();
      await signInAtProvider(page, 'Cancel');
      await expect(page.locator('[role=alert]').textContent()).resolves.toMatch(/sign-in was refused/);
      expect(await page.locator('[data-testid=who]').textContent()).toContain('anonymous');
      await page.screenshot({ path: path.join(SHOTS, 'oidc-6-declined.png') });
      await page.close();
    });

    it('refuses an opaque access token (no resource indicator configured) instead of showing a session the gateway would refuse', async () => {
      const page = await browser.newPage();
      // The console as a gateway without CONSOLE_OIDC_RESOURCE would configure it.
      await page.route('**/console/config.json', async (route) => {
        const response = await route.fetch();
        const config = (await response.json()) as { oidc: { resource?: string } };
        delete config.oidc.resource;
        await route.fulfill({ response, json: config });
      });
      await signInAtProvider(page, 'Continue');
      await expect(page.locator('[role=alert]').textContent()).resolves.toMatch(/opaque access token.*set CONSOLE_OIDC_RESOURCE/);
      expect(await page.locator('[data-testid=who]').textContent()).toContain('anonymous');
      await page.screenshot({ path: path.join(SHOTS, 'oidc-7-opaque-token-refused.png') });
      await page.close();
    });
  });

  describe('token verification via the provider’s JWKS', () => {
    it('accepts a provider-issued access token and acts within its role and scope', async () => {
      const token = await provider.clientToken(SERVICE.id, SERVICE.secret, RESOURCE);
      const mine = await ask(STREET_RESIDENTS, token);
      expect(mine.errors).toBeUndefined();
      expect(mine.data).toEqual({ residents: { edges: [], pageInfo: { hasNextPage: false } } });
      // Street staff are not district admins: the scope in the token is the scope the subgraph applies.
      expect(codeOf(await ask(ALL_RESIDENTS, token))).toBe('FORBIDDEN');
      expect(codeOf(await ask(ALL_RESIDENTS))).toBe('UNAUTHENTICATED');
    });

    it('refuses a token signed by a key the provider never published, under its key id or another', async () => {
      const token = await provider.clientToken(SERVICE.id, SERVICE.secret, RESOURCE);
      const impostor = await newSigningKey(provider.keys[0]!.kid!);
      const unknown = await newSigningKey('key-nobody-published');
      for (const forged of [await resign(token, impostor), await resign(token, unknown)]) {
        const answer = await ask(STREET_RESIDENTS, forged);
        expect(answer.status).toBe(401);
        expect(codeOf(answer)).toBe('UNAUTHENTICATED');
        expect(answer.data ?? null).toBeNull();
      }
    });

    it('refuses an expired token', async () => {
      const token = await provider.clientToken(EXPIRING.id, EXPIRING.secret, RESOURCE);
      const { exp } = decodeJwt(token);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp! * 1000 - Date.now()) + 1_100));
      const answer = await ask(STREET_RESIDENTS, token);
      expect(codeOf(answer)).toBe('UNAUTHENTICATED');
      expect(answer.errors?.[0]?.message).toMatch(/expired; sign in again/);
    });

    it('refuses a token the provider issued for another audience', async () => {
      const token = await provider.clientToken(SERVICE.id, SERVICE.secret, OTHER_RESOURCE);
      expect(decodeJwt(token).aud).toBe(OTHER_RESOURCE);
      expect(codeOf(await ask(STREET_RESIDENTS, token))).toBe('UNAUTHENTICATED');
    });

    it('refuses a token that names another issuer, even signed with the provider’s own key', async () => {
      const token = await provider.clientToken(SERVICE.id, SERVICE.secret, RESOURCE);
      const elsewhere = await resign(token, provider.keys[0]!, { iss: 'http://127.0.0.1:1' });
      // Control: re-signed with the issuer unchanged, the same token passes, so only `iss` is wrong.
      expect(codeOf(await ask(STREET_RESIDENTS, await resign(token, provider.keys[0]!)))).toBeUndefined();
      expect(codeOf(await ask(STREET_RESIDENTS, elsewhere))).toBe('UNAUTHENTICATED');
    });

    it('keeps accepting tokens across a key rotation, fetching the JWKS again only for the new key id', async () => {
      const before = await provider.clientToken(SERVICE.id, SERVICE.secret, RESOURCE);
      expect(codeOf(await ask(STREET_RESIDENTS, before))).toBeUndefined();
      const cached = await provider.jwksFetches();
      for (let i = 0; i < 3; i += 1) expect(codeOf(await ask(STREET_RESIDENTS, before))).toBeUndefined();
      expect(await provider.jwksFetches()).toBe(cached);

      const key = await provider.rotate();
      // Past the refetch cooldown of the gateway's last JWKS fetch (JWKS_REFETCH_COOLDOWN_SECONDS=2).
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      const after = await provider.clientToken(SERVICE.id, SERVICE.secret, RESOURCE);
      expect(decodeProtectedHeader(after).kid).toBe(key.kid);
      expect(codeOf(await ask(STREET_RESIDENTS, after))).toBeUndefined();
      expect(await provider.jwksFetches()).toBe(cached + 1);
      // The old key is still published, so tokens it signed live out their lifetime.
      expect(codeOf(await ask(STREET_RESIDENTS, before))).toBeUndefined();
      expect(codeOf(await ask(STREET_RESIDENTS, after))).toBeUndefined();
      expect(await provider.jwksFetches()).toBe(cached + 1);
    });

    it('does not let made-up key ids make the gateway fetch the JWKS over and over', async () => {
      const token = await provider.clientToken(SERVICE.id, SERVICE.secret, RESOURCE);
      const impostor = await newSigningKey('made-up');
      const forged = await Promise.all([1, 2, 3, 4, 5].map((i) => resign(token, { ...impostor, kid: `made-up-${i}` })));
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      const start = await provider.jwksFetches();
      // All within one cooldown (2 s): one fetch looks for the first unknown key id, the rest wait.
      const answers = await Promise.all(forged.map((t) => ask(STREET_RESIDENTS, t)));
      expect(answers.map(codeOf)).toEqual(forged.map(() => 'UNAUTHENTICATED'));
      expect(await provider.jwksFetches()).toBe(start + 1);
    });
  });
});
