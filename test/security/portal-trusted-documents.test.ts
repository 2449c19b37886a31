/**
 * Production locked to the apps' documents: a gateway with NODE_ENV=production and
 * TRUSTED_DOCUMENTS=enforce reads the community portal's codegen manifest
 * (apps/community-portal/src/gql/persisted-documents.json). Every document the portal ships
 * passes for residents and anonymous callers; the same query typed differently, or any other
 * operation, is refused with OPERATION_NOT_TRUSTED (HTTP 400).
 * (The subgraphs run with the test profile: production's Kafka needs TLS the local broker lacks.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gatewayConfigSchema } from '@sanshe/gateway/config';
import { createGateway, type RunningGateway } from '@sanshe/gateway/server';
import { loadSubgraphSdl } from '@sanshe/schemas';
import { composeSupergraph } from '@sanshe/schemas/compose';
import { postGraphQL, startStack, type Stack } from '@sanshe/test-env';
import { SERVICE_NAMES } from '../env/services';

const MANIFEST = path.resolve(__dirname, '..', '..', 'apps', 'community-portal', 'src', 'gql', 'persisted-documents.json');
const documents = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
const named = (name: string): string => {
  const found = Object.values(documents).find((d) => new RegExp(`^(query|mutation) ${name}\\b`).test(d));
  if (!found) throw new Error(`the portal's manifest has no operation ${name}`);
  return found;
};

describe('the portal against a production gateway that enforces trusted documents', () => {
  let stack: Stack;
  let gateway: RunningGateway;
  let url: string;
  let resident: Record<string, string>;

  beforeAll(async () => {
    stack = await startStack([...SERVICE_NAMES]);
    const urls = Object.fromEntries(
      Object.entries(stack.serviceUrls).map(([name, u]) => [`${name.toUpperCase().replaceAll('-', '_')}_URL`, u]),
    );
    const config = gatewayConfigSchema.parse({
      ...stack.env,
      ...urls,
      NODE_ENV: 'production',
      TRUSTED_DOCUMENTS: 'enforce',
      TRUSTED_DOCUMENTS_MANIFEST: MANIFEST,
    });
    const { supergraphSdl } = composeSupergraph(Object.fromEntries(SERVICE_NAMES.map((n) => [n, loadSubgraphSdl(n)])));
    gateway = await createGateway(config, { supergraphSdl });
    url = await gateway.listen(0, '127.0.0.1');
    resident = { authorization: `Bearer ${await stack.token({ roles: ['RESIDENT'], residentId: `${stack.runId}-resident-1` })}` };
  }, 180_000);
  afterAll(async () => {
    await gateway?.stop();
    await stack?.stop();
  });

  it('lets every document the portal ships through the trust check, for a resident', async () => {
    expect(Object.keys(documents).length).toBeGreaterThanOrEqual(10);
    const refused: string[] = [];
    for (const query of Object.values(documents)) {
      // Without variables some fail later (BAD_USER_INPUT), but none for being unregistered.
      const res = await postGraphQL(url, query, undefined, resident);
      if (res.errors?.some((e) => e.extensions?.code === 'OPERATION_NOT_TRUSTED')) refused.push(query);
    }
    expect(refused).toEqual([]);
  });

  it("answers the portal's pages: the district for anyone, the resident's own page and the catalogue", async () => {
    const district = await postGraphQL<{ districtOverview: { communities: number; sources: unknown[] } }>(url, named('DistrictFigures'));
    expect(district.status).toBe(200);
    expect(district.errors).toBeUndefined();
    expect(district.data?.districtOverview.communities).toEqual(expect.any(Number));
    expect(district.data?.districtOverview.sources).not.toHaveLength(0);
    const points = await postGraphQL<{ pointsEarnedByMonth: unknown[] }>(url, named('DistrictPoints'), {
      since: '2025-01',
      until: '2025-12',
    });
    expect(points.errors).toBeUndefined();
    expect(points.data?.pointsEarnedByMonth).toHaveLength(12);
    const mine = await postGraphQL<{ myPointsAccount: unknown; activities: { edges: unknown[] } }>(
      url,
      named('ResidentPage'),
      { from: new Date().toISOString() },
      resident,
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data).toMatchObject({ myPointsAccount: null, activities: { edges: [] } });
    const catalog = await postGraphQL<{ serviceCatalog: { categories: { items: { code: string }[] }[] } }>(
      url,
      named('ServiceCatalog'),
      undefined,
      resident,
    );
    expect(catalog.errors).toBeUndefined();
    expect(catalog.data?.serviceCatalog.categories.flatMap((c) => c.items.map((i) => i.code))).toContain('C02-01');
  });

  it('refuses an unregistered operation, and a registered one typed differently, with OPERATION_NOT_TRUSTED', async () => {
    const reformatted = named('CommunityList').replace('{ communities', '{\n  communities');
    for (const query of [reformatted, '{ residents(first: 100) { edges { node { name phone } } } }']) {
      for (const headers of [{}, resident]) {
        const res = await postGraphQL(url, query, undefined, headers);
        expect(res.status).toBe(400);
        expect(res.data ?? null).toBeNull();
        expect(res.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');
        expect(res.errors?.[0]?.message).toMatch(/registered \(trusted\) documents/);
      }
    }
  });
});
