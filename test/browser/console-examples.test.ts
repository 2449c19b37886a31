/**
 * The admin console over the real graph: five subgraphs on the real Mongo-wire store and
 * Kafka, the registry seeded with the district. A district admin and a community's staff sign
 * in with the development picker, open the community-dashboard example tab, run it and get
 * 武汉路社区 back. Screenshots go to .cache/test-results/screenshots/console-examples.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startStack, type Stack } from '@sanshe/test-env';
import { seed as seedRegistry } from '@sanshe/registry/seed';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.resolve(__dirname, '..', '..', '.cache', 'test-results', 'screenshots', 'console-examples');

describe('the console example tabs over the real graph', () => {
  let stack: Stack;
  let browser: Browser;
  let origin: string;
  let wuhanRoad: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
    mkdirSync(SHOTS, { recursive: true });
    stack = await startStack(['registry', 'social-orgs', 'activities', 'resident-services', 'credits'], { NODE_ENV: 'development' });
    await seedRegistry({ env: { ...stack.env, MONGO_DB: `${stack.runId}_registry` } });
    const found = await stack.query<{ communityByName: { id: string } }>('{ communityByName(name: "武汉路社区") { id } }');
    wuhanRoad = found.data!.communityByName.id;
    origin = new URL(stack.gatewayUrl).origin;
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
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it.each(['DISTRICT_ADMIN', 'COMMUNITY_STAFF'])('%s signs in, runs the community dashboard tab and sees 武汉路社区', async (role) => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid=dev-sign-in] select[name=role]').selectOption(role);
    if (role === 'COMMUNITY_STAFF') {
      // The picker lists the communities by name (public data from the registry).
      const select = page.locator('[data-testid=dev-sign-in] select[name=scope]');
      await select.locator(`option[value="${wuhanRoad}"]`).waitFor({ state: 'attached' });
      await select.selectOption(wuhanRoad);
    }
    await page.locator('[data-testid=dev-sign-in] button[type=submit]').click();
    await page.locator('[data-testid=who-roles]').waitFor();
    expect(await page.locator('[data-testid=who-roles]').textContent()).toContain(role);
    await page.screenshot({ path: path.join(SHOTS, `${role}-1-signed-in.png`) });

    await page.locator('.graphiql-tab', { hasText: 'CommunityDashboard' }).click();
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window', { hasText: '武汉路街道' });
    await result.waitFor({ timeout: 30_000 });
    const text = (await result.textContent()) ?? '';
    await page.screenshot({ path: path.join(SHOTS, `${role}-2-community-dashboard.png`) });
    expect(text).toContain(`"id": "${wuhanRoad}"`);
    expect(text).toContain('"name": "武汉路社区"');
    expect(text).toContain('三家七社十色服务');
    expect(text).not.toContain('FORBIDDEN');
    await page.close();
  });
});
