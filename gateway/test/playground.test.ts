import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mintToken } from '../src/auth';
import { PLAYGROUND_CSP } from '../src/playground';
import { startStubGateway, type StubStack } from './stub-subgraph';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Replaces the text of the CodeMirror editor inside `selector` (GraphiQL's editors are CodeMirror 5). */
async function setEditor(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).first().waitFor();
  await page.evaluate(
    ([sel, value]) => {
      // Runs in the page; the test's TypeScript has no DOM types, so the one call used is typed here.
      type Doc = { querySelector(selector: string): { CodeMirror?: { setValue(v: string): void } } | null };
      const host = (globalThis as unknown as { document: Doc }).document.querySelector(sel!);
      if (!host?.CodeMirror) throw new Error(`no CodeMirror editor at ${sel}`);
      host.CodeMirror.setValue(value!);
    },
    [selector, text],
  );
}

/** Waits until GraphiQL's result pane shows `expected`; returns the pane's text. */
async function resultShows(page: Page, expected: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = (await page.locator('.result-window').textContent()) ?? '';
    if (text.includes(expected)) return text;
    if (Date.now() > deadline) throw new Error(`the result pane never showed "${expected}"; it shows: ${text.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the admin playground', () => {
  let stack: StubStack;
  let browser: Browser;
  const requested: string[] = [];
  const offHost: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is not installed at ${CHROMIUM}: run \`apt-get update && apt-get install -y chromium\` (or set CHROMIUM_PATH).`,
      );
    }
    stack = await startStubGateway();
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

  it('serves the HTML page at / and to browsers at /graphql, with a strict CSP; API clients still reach GraphQL', async () => {
    for (const path of ['/', '/graphql']) {
      const res = await fetch(`${stack.origin}${path}`, { headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('content-security-policy')).toBe(PLAYGROUND_CSP);
      expect(await res.text()).not.toMatch(/https?:\/\/(?!127\.0\.0\.1|localhost)/);
    }
    expect(PLAYGROUND_CSP).toContain("default-src 'self'");
    expect(PLAYGROUND_CSP).not.toContain('unsafe');
    const api = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('runs a query in headless Chromium with the Authorization header set, loading nothing from other hosts', async () => {
    const context = await browser.newContext();
    context.on('request', (request) => {
      requested.push(request.url());
      const { protocol, hostname } = new URL(request.url());
      if (protocol !== 'data:' && !LOCAL_HOSTS.has(hostname)) offHost.push(request.url());
    });
    // Belt and braces: nothing may leave the machine even if the assertion below were skipped.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));

    await page.goto(`${stack.origin}/`);
    await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
    expect(await page.locator('.graphiql-query-editor').textContent()).toContain('npm run -s token');

    // A bad token is refused: the header from the headers editor reaches the gateway.
    await setEditor(page, '.graphiql-query-editor .CodeMirror', '{ tree { id name } }');
    await setEditor(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror', '{"Authorization": "Bearer not-a-token"}');
    await page.locator('.graphiql-execute-button').click();
    await resultShows(page, 'UNAUTHENTICATED');

    const token = await mintToken(stack.config, { sub: 'playground-admin', roles: ['DISTRICT_ADMIN'] });
    await setEditor(
      page,
      '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror',
      JSON.stringify({ Authorization: `Bearer ${token}` }),
    );
    await page.locator('.graphiql-query-editor .CodeMirror').click();
    await page.keyboard.press('Control+Enter');
    const result = await resultShows(page, 'node 0');
    expect(result).not.toContain('UNAUTHENTICATED');

    await context.close();
    expect(requested.length).toBeGreaterThan(0);
    expect(offHost).toEqual([]);
    // CSP violations and script failures show up as console errors; the 401 above is expected.
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
  });
});
