import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { jwtVerify } from 'jose';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startStubGateway, type StubStack } from './stub-subgraph';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.resolve(__dirname, '..', '..', '.cache', 'test-results', 'screenshots', 'console');

async function setQuery(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => {
    type Doc = { querySelector(selector: string): { CodeMirror?: { setValue(v: string): void } } | null };
    const host = (globalThis as unknown as { document: Doc }).document.querySelector('.graphiql-query-editor .CodeMirror');
    if (!host?.CodeMirror) throw new Error('no query editor');
    host.CodeMirror.setValue(value);
  }, text);
}

describe('signing in to the admin console (development picker)', () => {
  let stack: StubStack;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
    mkdirSync(SHOTS, { recursive: true });
    stack = await startStubGateway({ NODE_ENV: 'development' });
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
    await stack?.stop();
  });

  it.each([
    { role: 'DISTRICT_ADMIN', scope: null, shows: 'district-wide' },
    { role: 'COMMUNITY_STAFF', scope: 'community-042', shows: 'communities community-042' },
  ])('signs in as $role, shows who that is, and sends the token with each query', async ({ role, scope, shows }) => {
    const page = await browser.newPage();
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.method() === 'POST') sent.push(request.headers().authorization ?? '');
    });
    await page.goto(`${stack.origin}/`);
    await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
    await expect(page.locator('[data-testid=who]').textContent()).resolves.toContain('anonymous');
    await page.screenshot({ path: path.join(SHOTS, `${role}-1-signed-out.png`) });

    await page.locator('[data-testid=dev-sign-in] select[name=role]').selectOption(role);
    if (scope) await page.locator('[data-testid=dev-sign-in] input[name=scope]').fill(scope);
    await page.locator('[data-testid=dev-sign-in] button[type=submit]').click();
    await page.locator('[data-testid=who-roles]').waitFor();
    expect(await page.locator('[data-testid=who-roles]').textContent()).toContain(role);
    expect(await page.locator('[data-testid=who-scope]').textContent()).toContain(shows);
    expect(await page.locator('[data-testid=who-expiry]').textContent()).toMatch(/expires \S+/);
    await page.screenshot({ path: path.join(SHOTS, `${role}-2-signed-in.png`) });

    await setQuery(page, '{ tree { id name } }');
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window', { hasText: 'node 0' }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(SHOTS, `${role}-3-answer.png`) });

    const bearer = sent.filter((h) => h.startsWith('Bearer ')).pop();
    expect(bearer).toBeDefined();
    const { payload } = await jwtVerify(bearer!.slice(7), new TextEncoder().encode(stack.config.JWT_SECRET), {
      issuer: stack.config.JWT_ISSUER,
      audience: stack.config.JWT_AUDIENCE,
    });
    expect(payload.roles).toEqual([role]);
    if (scope) expect(payload.communityIds).toEqual([scope]);
    await page.close();
  });
});
