/**
 * The community portal (apps/community-portal) in Chromium over the real graph: five subgraphs
 * on the real Mongo-wire store and Kafka, the portal's Vite build served by its own server.
 * Anyone sees the district page with its sources and charts. A resident signs in with the development picker, registers for an activity and sees the
 * seat count drop, then submits a service order; a community's staff member opens the
 * community page and accepts (接单) that order. Screenshots go to
 * .cache/test-results/screenshots/community-portal.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { eventually, startStack, type Stack } from '@sanshe/test-env';
import { closeKafka, givenDistrict, ok, type District } from '../../services/resident-services/test/support';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const portal = require('../../apps/community-portal/build.js') as { ensurePortalBuilt(): string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createPortalServer } = require('../../apps/community-portal/server.js') as {
  createPortalServer(o: { gatewayUrl: string }): Server;
};

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.resolve(__dirname, '..', '..', '.cache', 'test-results', 'screenshots', 'community-portal');

async function signIn(page: Page, role: string, scope: string): Promise<void> {
  await page.locator('[data-testid=dev-sign-in] select[name=role]').selectOption(role);
  await page.locator('[data-testid=dev-sign-in] input[name=scope]').fill(scope);
  await page.locator('[data-testid=dev-sign-in] button[type=submit]').click();
  await page.locator('[data-testid=who]', { hasText: role }).waitFor();
}

describe('the community portal over the real graph', () => {
  let stack: Stack;
  let browser: Browser;
  let server: Server;
  let origin: string;
  let district: District;
  let activityId: string;
  let orderNumber: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
    mkdirSync(SHOTS, { recursive: true });
    portal.ensurePortalBuilt();
    stack = await startStack(['registry', 'social-orgs', 'activities', 'resident-services', 'credits'], { NODE_ENV: 'development' });
    const admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    district = await givenDistrict(stack, { itemCodes: ['C02-01'], providers: 1, tag: 'portal' });
    await ok(
      stack,
      'mutation($input: CreateStreetInput!) { createStreet(input: $input) { id } }',
      { input: { id: district.streetId, name: '武汉路街道' } },
      admin,
    );
    await ok(
      stack,
      'mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }',
      { input: { id: district.communityId, name: '武汉路社区', streetId: district.streetId, urban: true } },
      admin,
    );
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    const endsAt = new Date(startsAt.getTime() + 2 * 3_600_000);
    // activities learns the new community from registry's community.created event.
    const draft = await eventually(
      async () => {
        const res = await stack.query<{ createActivity: { id: string } }>(
          'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
          {
            input: {
              title: '社区睦邻学堂',
              category: 'NEIGHBOURHOOD_SCHOOL',
              communityId: district.communityId,
              startsAt: startsAt.toISOString(),
              endsAt: endsAt.toISOString(),
              capacity: 3,
            },
          },
          admin,
        );
        return res.data?.createActivity;
      },
      60_000,
      'activities to learn the new community',
    );
    activityId = draft.id;
    await ok(stack, 'mutation($id: ID!) { publishActivity(id: $id) { id } }', { id: activityId }, admin);

    server = createPortalServer({ gatewayUrl: new URL(stack.gatewayUrl).origin });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
    await new Promise((resolve) => (server?.listening ? server.close(resolve) : resolve(undefined)));
    await closeKafka();
    await stack?.stop();
  });

  it("shows anyone the district's figures beside their report sources, and its charts", async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/#/district`);
    await page.locator('[data-testid=district-page]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid=district-page] .errors').count()).toBe(0);
    expect(await page.locator('[data-testid=figure-communities] td.source').textContent()).toMatch(/^报告: 71 — \S/);
    for (const id of ['chart-activities', 'chart-orders', 'chart-points'])
      expect(await page.locator(`[data-testid=${id}] canvas`).count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'district-1-overview.png'), fullPage: true });
    await page.close();
  });

  it('lets a resident register for an activity, and the seat count drops', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/#/resident`);
    await signIn(page, 'RESIDENT', district.residentIds[0]!);
    const seats = page.locator(`[data-testid="seats-${activityId}"]`);
    await seats.waitFor({ timeout: 20_000 });
    expect(await seats.textContent()).toBe('3');
    await page.screenshot({ path: path.join(SHOTS, 'resident-1-activities.png'), fullPage: true });

    await page.locator(`[data-testid="register-${activityId}"]`).click();
    await page.locator(`[data-testid="registration-${activityId}"]`).waitFor({ timeout: 15_000 });
    expect(await seats.textContent()).toBe('2');
    expect(await page.locator(`[data-testid="registration-${activityId}"]`).textContent()).toBe('已报名');
    await page.screenshot({ path: path.join(SHOTS, 'resident-2-registered.png'), fullPage: true });

    // The drop is the store's, not the page's: a fresh render reads it back.
    await page.evaluate("window.dispatchEvent(new HashChangeEvent('hashchange'))");
    await page.locator('main[aria-busy=false]').waitFor();
    expect(await page.locator(`[data-testid="seats-${activityId}"]`).textContent()).toBe('2');
    await page.close();
  });

  it('lets the resident submit a service order from the catalogue form', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/#/resident`);
    await signIn(page, 'RESIDENT', district.residentIds[0]!);
    const form = page.locator('[data-testid=order-form]');
    await form.locator('select[name=itemCode] option[value="C02-01"]').waitFor({ state: 'attached', timeout: 20_000 });
    await form.locator('select[name=itemCode]').selectOption('C02-01');
    await form.locator('input[name="answer:mealsPerDay"]').fill('2');
    await form.locator('input[name="answer:diet"][value=SOFT]').check();
    await form.locator('input[name="answer:startFrom"]').fill('2026-12-20T11:00');
    await form.locator('input[name=contactPhone]').fill('13512343304');
    await form.locator('input[name=address]').fill('武汉路社区12号楼3单元502室');
    await page.screenshot({ path: path.join(SHOTS, 'resident-3-order-form.png'), fullPage: true });
    await form.locator('button[type=submit]').click();
    const result = page.locator('[data-testid=order-number]');
    await result.waitFor({ timeout: 15_000 });
    orderNumber = /已提交: (\S+)（SUBMITTED）/.exec((await result.textContent()) ?? '')?.[1] ?? '';
    expect(orderNumber).toMatch(/^JX-\d{8}-\d{6}-\w{4}$/);
    await page.screenshot({ path: path.join(SHOTS, 'resident-4-order-submitted.png'), fullPage: true });
    await page.close();
  });

  it("lets the community's staff accept (接单) the resident's order", async () => {
    expect(orderNumber).not.toBe('');
    const page = await browser.newPage();
    await page.goto(`${origin}/#/community`);
    await signIn(page, 'COMMUNITY_STAFF', district.communityId);
    const row = page.locator('[data-testid=open-orders] .order', { hasText: orderNumber });
    await row.waitFor({ timeout: 20_000 });
    expect(await page.locator('h1').textContent()).toContain('武汉路社区');
    expect(await page.locator('[data-testid=upcoming]').textContent()).toContain('余位 2/3');
    expect(await row.locator('[data-testid=order-status]').textContent()).toBe('SUBMITTED');
    await page.screenshot({ path: path.join(SHOTS, 'staff-1-open-orders.png'), fullPage: true });

    await row.locator('[data-testid=accept]').click();
    await row.locator('[data-testid=order-status]', { hasText: 'ACCEPTED' }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(SHOTS, 'staff-2-accepted.png'), fullPage: true });
    await page.close();

    const staff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [district.communityId] });
    const { serviceOrder } = await ok<{ serviceOrder: { status: string } }>(
      stack,
      'query($id: ID!) { serviceOrder(id: $id) { status } }',
      { id: orderNumber },
      staff,
    );
    expect(serviceOrder.status).toBe('ACCEPTED');
  });
});
