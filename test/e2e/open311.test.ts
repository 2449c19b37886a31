import { XMLParser } from 'fast-xml-parser';
import { runOpen311Cli } from '@sanshe/gateway/cli/open311';
import { startStack, type Stack } from '@sanshe/test-env';
import { freshCreditCode, REGISTER_ORG, rememberCommunities } from '../../services/social-orgs/test/helpers';
import { closeKafka, givenDistrict, ok, type District } from '../../services/resident-services/test/support';

/** Every list GeoReport v2 nests, read as an array even with one row. */
const ROWS = ['endpoint', 'format', 'service', 'attribute', 'value', 'request', 'error'];
const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => ROWS.includes(name) });

const REQUEST_ELEMENTS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
];
const INSIDE = { lat: '34.655', long: '112.38' };

interface Open311Request {
  service_request_id: string;
  status: string;
  status_notes: string;
  service_code: string;
  agency_responsible: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string;
  address: string;
}

describe('the Open311 GeoReport v2 facade, in JSON and XML, through the gateway', () => {
  let stack: Stack;
  let district: District;
  let communityName: string;
  let providerName: string;
  let apiKey: string;
  let resident: string;
  let staff: string;
  let orgStaff: string;
  let base: URL;

  const url = (path: string, query: Record<string, string> = {}) => {
    const u = new URL(path, base);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    return u;
  };
  const get = async (path: string, query: Record<string, string> = {}) => {
    const res = await fetch(url(path, query));
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
  };
  const getJson = async <T>(path: string, query: Record<string, string> = {}) => {
    const res = await get(path, query);
    expect(res.type).toContain('application/json');
    return { status: res.status, body: JSON.parse(res.body) as T };
  };
  const getXml = async (path: string, query: Record<string, string> = {}) => {
    const res = await get(path, query);
    expect(res.type).toContain('text/xml');
    expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    return { status: res.status, body: xml.parse(res.body) as Record<string, any> };
  };
  const post = async (format: 'json' | 'xml', form: Record<string, string | string[]>, token?: string) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) body.append(k, one);
    const res = await fetch(url(`requests.${format}`), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
    const text = await res.text();
    return { status: res.status, body: format === 'json' ? JSON.parse(text) : xml.parse(text) };
  };
  const repair = (extra: Record<string, string> = {}) => ({
    api_key: apiKey,
    jurisdiction_id: 'jianxi.luoyang',
    service_code: 'C07-01',
    ...INSIDE,
    phone: '13800002222',
    description: '厨房水管漏水',
    'attribute[location]': 'KITCHEN',
    'attribute[problem]': '水管接口漏水，地面积水',
    ...extra,
  });
  const addApp = async (name: string) => {
    let out = '';
    const code = await runOpen311Cli(['add-app', name], stack.env, { write: (t: string) => (out += t) }, { write: () => undefined });
    expect(code).toBe(0);
    return out.trim();
  };
  const residentOrderCount = async () =>
    (await ok<{ myServiceOrders: { edges: unknown[] } }>(stack, '{ myServiceOrders(first: 100) { edges { node { id } } } }', {}, resident))
      .myServiceOrders.edges.length;
  const byId = async (id: string) => (await getJson<Open311Request[]>(`requests/${id}.json`, { api_key: apiKey })).body[0]!;

  beforeAll(async () => {
    stack = await startStack(['registry', 'social-orgs', 'resident-services'], { OPEN311_REQUESTS_PER_MINUTE: '50' });
    base = new URL('/open311/v2/', stack.gatewayUrl);
    district = await givenDistrict(stack, { itemCodes: ['C07-01'], providers: 1, tag: 'o311' });
    const admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    communityName = `开放测试${stack.runId}社区`;
    await ok(
      stack,
      'mutation($input: CreateStreetInput!) { createStreet(input: $input) { id } }',
      { input: { id: district.streetId, name: `开放测试${stack.runId}街道` } },
      admin,
    );
    await ok(
      stack,
      'mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }',
      { input: { id: district.communityId, name: communityName, streetId: district.streetId, urban: true } },
      admin,
    );
    await rememberCommunities(stack);
    providerName = `欣和社工${stack.runId}`;
    await ok(
      stack,
      REGISTER_ORG,
      {
        input: {
          id: district.providerOrgIds[0],
          name: providerName,
          kind: 'SOCIAL_WORK_AGENCY',
          creditCode: freshCreditCode(),
          domains: ['ELDERLY_CARE'],
          communityIds: ['community-001'],
        },
      },
      admin,
    );
    apiKey = await addApp(`Jianxi FixMyStreet ${stack.runId}`);
    resident = await stack.token({ sub: `${stack.runId}-resident`, roles: ['RESIDENT'], residentId: district.residentIds[0]! });
    staff = await stack.token({
      sub: `${stack.runId}-staff`,
      roles: ['COMMUNITY_STAFF'],
      communityIds: [district.communityId],
      streetIds: [],
    });
    orgStaff = await stack.token({ sub: `${stack.runId}-worker`, roles: ['ORG_STAFF'], orgIds: [district.providerOrgIds[0]!] });
  });
  afterAll(async () => {
    await closeKafka();
    await stack?.stop();
  });

  it('describes its endpoints at discovery', async () => {
    const json = await getJson<{ endpoints: { specification: string; url: string; formats: string[] }[] }>('discovery.json');
    expect(json.status).toBe(200);
    expect(json.body.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      formats: ['text/xml', 'application/json'],
    });
    expect(json.body.endpoints[0]!.url).toMatch(/\/open311\/v2\/$/);
    const { body } = await getXml('discovery.xml');
    expect(Object.keys(body.discovery)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
    const endpoint = body.discovery.endpoints.endpoint;
    expect(endpoint).toHaveLength(1);
    expect(Object.keys(endpoint[0])).toEqual(['specification', 'url', 'changeset', 'type', 'formats']);
    expect(endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('lists the 120 catalogue items as services, grouped by category', async () => {
    const json = await getJson<{ service_code: string; group: string; metadata: boolean; service_name: string }[]>('services.json');
    expect(json.body).toHaveLength(120);
    expect(new Set(json.body.map((s) => s.group)).size).toBe(12);
    const repairService = json.body.find((s) => s.service_code === 'C07-01')!;
    expect(repairService.metadata).toBe(true);
    expect(repairService.group).toBeTruthy();
    const { body } = await getXml('services.xml');
    expect(Object.keys(body)).toEqual(['?xml', 'services']);
    expect(body.services.service).toHaveLength(120);
    for (const service of body.services.service)
      expect(Object.keys(service)).toEqual(['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']);
    expect(body.services.service.find((s: any) => s.service_code === 'C07-01')).toMatchObject({
      metadata: 'true',
      group: repairService.group,
      type: 'realtime',
    });
  });

  it('describes a service with its intake form as attributes', async () => {
    const json = await getJson<{
      service_code: string;
      attributes: { code: string; datatype: string; required: boolean; order: number; values: { key: string; name: string }[] }[];
    }>('services/C07-01.json');
    expect(json.body.service_code).toBe('C07-01');
    const location = json.body.attributes.find((a) => a.code === 'location')!;
    expect(location).toMatchObject({ datatype: 'singlevaluelist', required: true });
    expect(location.values).toContainEqual({ key: 'KITCHEN', name: '厨房' });
    expect(json.body.attributes.find((a) => a.code === 'problem')).toMatchObject({ datatype: 'text', required: true, values: [] });
    expect(json.body.attributes.map((a) => a.order)).toEqual([...json.body.attributes.map((a) => a.order)].sort((a, b) => a - b));

    const { body } = await getXml('services/C07-01.xml');
    expect(Object.keys(body.service_definition)).toEqual(['service_code', 'attributes']);
    const attributes = body.service_definition.attributes.attribute;
    expect(attributes).toHaveLength(json.body.attributes.length);
    for (const a of attributes)
      expect(Object.keys(a)).toEqual([
        'variable',
        'code',
        'datatype',
        'required',
        'datatype_description',
        'order',
        'description',
        'values',
      ]);
    const xmlLocation = attributes.find((a: any) => a.code === 'location');
    expect(xmlLocation.values.value).toContainEqual({ key: 'KITCHEN', name: '厨房' });
  });

  it('takes a request with attributes, then shows its status notes growing as staff work on it', async () => {
    const before = await residentOrderCount();
    const created = await post('json', repair(), resident);
    expect(created.status).toBe(200);
    const [receipt] = created.body as { service_request_id: string; service_notice: string }[];
    expect(receipt!.service_request_id).toMatch(/^JX-\d{8}-\d{6}-[2-9A-Z]{4}$/);
    expect(receipt!.service_notice).toMatch(/respond within \d+ hours/);
    const id = receipt!.service_request_id;

    const inXml = await post('xml', repair({ 'attribute[location]': 'BATHROOM', address_string: `${communityName} 3号楼2单元` }), resident);
    expect(inXml.status).toBe(200);
    const xmlRows = inXml.body.service_requests.request;
    expect(xmlRows).toHaveLength(1);
    expect(Object.keys(xmlRows[0])).toEqual(['service_request_id', 'service_notice']);
    const secondId: string = xmlRows[0].service_request_id;
    expect(await residentOrderCount()).toBe(before + 2);

    // The order is the resident's, with the answers and the address the app sent.
    const order = await ok<{
      serviceOrder: { channel: string; answers: { code: string; value: string }[]; address: string; community: { id: string } };
    }>(stack, 'query($id: ID!) { serviceOrder(id: $id) { channel answers { code value } address community { id } } }', { id }, resident);
    expect(order.serviceOrder).toMatchObject({ channel: 'APP', community: { id: district.communityId } });
    expect(order.serviceOrder.answers).toEqual([
      { code: 'location', value: 'KITCHEN' },
      { code: 'problem', value: '水管接口漏水，地面积水' },
    ]);
    expect(order.serviceOrder.address).toContain('(34.655, 112.38)');

    const submitted = await byId(id);
    expect(submitted).toMatchObject({ service_request_id: id, status: 'open', service_code: 'C07-01', agency_responsible: communityName });
    expect(submitted.status_notes).toContain('下单');
    expect(submitted.address).toContain('*'); // masked as for a partner
    expect(submitted.address).not.toContain('112.38');
    expect(new Date(submitted.expected_datetime).getTime()).toBeGreaterThan(new Date(submitted.requested_datetime).getTime());

    await ok(stack, 'mutation($id: ID!) { acceptServiceOrder(id: $id, note: "已签收") { status } }', { id }, staff);
    const accepted = await byId(id);
    expect(accepted.status_notes).toContain('签收 accepted: 已签收');
    expect(accepted.updated_datetime > submitted.updated_datetime).toBe(true);

    await ok(
      stack,
      'mutation($input: DispatchServiceOrderInput!) { dispatchServiceOrder(input: $input) { status } }',
      { input: { id, providerOrgId: district.providerOrgIds[0] } },
      staff,
    );
    const dispatched = await byId(id);
    expect(dispatched.status_notes).toContain('派单');
    expect(dispatched.agency_responsible).toBe(providerName);
    expect(dispatched.status).toBe('open');

    await ok(stack, 'mutation($id: ID!) { startServiceOrder(id: $id) { status } }', { id }, orgStaff);
    await ok(
      stack,
      'mutation($input: ResolveServiceOrderInput!) { resolveServiceOrder(input: $input) { status } }',
      { input: { id, note: '已更换接头' } },
      orgStaff,
    );
    const resolved = await byId(id);
    expect(resolved.status).toBe('closed');
    expect(resolved.status_notes).toContain('办结 resolved: 已更换接头');

    await ok(
      stack,
      'mutation($input: CloseServiceOrderInput!) { closeServiceOrder(input: $input) { status } }',
      { input: { id, satisfaction: 5 } },
      resident,
    );
    const { body } = await getXml(`requests/${id}.xml`, { api_key: apiKey });
    const rows = body.service_requests.request;
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0])).toEqual(REQUEST_ELEMENTS);
    expect(rows[0]).toMatchObject({ service_request_id: id, status: 'closed', agency_responsible: providerName });
    const notes = (rows[0].status_notes as string).split('\n');
    expect(notes.map((n) => n.split(' ')[1])).toEqual(['下单', '签收', '派单', '开始服务', '办结', '回访']);

    // By date range, status and service code, in both formats.
    const range = {
      api_key: apiKey,
      start_date: new Date(Date.now() - 3_600_000).toISOString(),
      end_date: new Date(Date.now() + 60_000).toISOString(),
    };
    const all = await getJson<Open311Request[]>('requests.json', { ...range, service_code: 'C07-01' });
    expect(all.body.map((r) => r.service_request_id)).toEqual(expect.arrayContaining([id, secondId]));
    const closed = await getJson<Open311Request[]>('requests.json', { ...range, status: 'closed' });
    expect(closed.body.map((r) => r.service_request_id)).toContain(id);
    expect(closed.body.map((r) => r.service_request_id)).not.toContain(secondId);
    const open = await getXml('requests.xml', { ...range, status: 'open' });
    const openIds = open.body.service_requests.request.map((r: any) => r.service_request_id);
    expect(openIds).toContain(secondId);
    expect(openIds).not.toContain(id);
    for (const r of open.body.service_requests.request) expect(Object.keys(r)).toEqual(REQUEST_ELEMENTS);
    const earlier = await getJson<Open311Request[]>('requests.json', {
      api_key: apiKey,
      start_date: '2026-01-01T00:00:00Z',
      end_date: '2026-01-31T00:00:00Z',
    });
    expect(earlier.body.map((r) => r.service_request_id)).not.toContain(id);
    const listed = await getJson<Open311Request[]>('requests.json', { api_key: apiKey, service_request_id: `${id},${secondId}` });
    expect(listed.body.map((r) => r.service_request_id).sort()).toEqual([id, secondId].sort());
  });

  describe("refuses bad input in the spec's error shape, creating nothing", () => {
    const cases: [string, () => Record<string, string>, number, RegExp][] = [
      [
        'a missing api_key',
        () => {
          const { api_key: _, ...rest } = repair();
          return rest;
        },
        400,
        /api_key is required/,
      ],
      ['an unknown api_key', () => repair({ api_key: 'o311_not-a-registered-key' }), 403, /not registered/],
      ['an unknown service_code', () => repair({ service_code: 'C99-99' }), 400, /no service "C99-99"/],
      [
        'a missing required attribute',
        () => {
          const { 'attribute[problem]': _, ...rest } = repair();
          return rest;
        },
        400,
        /attribute\[problem\].*is required/,
      ],
      ['lat/long outside the district', () => repair({ lat: '39.9042', long: '116.4074' }), 400, /outside Jianxi district/],
      ['a jurisdiction_id it does not serve', () => repair({ jurisdiction_id: 'beijing' }), 404, /jianxi\.luoyang/],
    ];
    it.each(cases)('%s', async (_, form, status, description) => {
      const before = await residentOrderCount();
      const json = await post('json', form(), resident);
      expect(json.status).toBe(status);
      expect(json.body).toEqual([{ code: status, description: expect.stringMatching(description) }]);
      const inXml = await post('xml', form(), resident);
      expect(inXml.status).toBe(status);
      expect(Object.keys(inXml.body)).toEqual(['?xml', 'errors']);
      expect(inXml.body.errors.error).toHaveLength(1);
      expect(Object.keys(inXml.body.errors.error[0])).toEqual(['code', 'description']);
      expect(inXml.body.errors.error[0]).toEqual({ code: String(status), description: expect.stringMatching(description) });
      expect(await residentOrderCount()).toBe(before);
    });

    it('refuses an anonymous submission: every item takes orders from a signed-in resident', async () => {
      const res = await post('json', repair());
      expect(res.status).toBe(403);
      expect(res.body).toEqual([{ code: 403, description: expect.stringMatching(/signed-in resident only/) }]);
    });

    it('answers an unknown request id and a missing api_key on reads in the same shape', async () => {
      const missing = await getXml('requests/JX-20000101-000001.xml', { api_key: apiKey });
      expect(missing.status).toBe(404);
      expect(missing.body.errors.error[0]).toEqual({ code: '404', description: 'There is no service request "JX-20000101-000001".' });
      const anonymous = await getJson<unknown>('requests.json');
      expect(anonymous).toEqual({ status: 400, body: [{ code: 400, description: expect.stringMatching(/api_key is required/) }] });
    });
  });

  it("registers an app name once, keeping only the key's hash", async () => {
    const name = `Jianxi FixMyStreet ${stack.runId}`;
    let err = '';
    const code = await runOpen311Cli(['add-app', name], stack.env, { write: () => undefined }, { write: (t: string) => (err += t) });
    expect(code).toBe(2);
    expect(err).toContain(`An app named "${name}" is already registered`);
    const stored = await stack.services['resident-services']!.connection.getClient()
      .db('sanshe_gateway')
      .collection('open311_apps')
      .findOne({ name });
    expect(stored).toMatchObject({ name, channel: 'APP', keyHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(stored)).not.toContain(apiKey);
  });

  it('limits each api_key to its calls per minute', async () => {
    const key = await addApp(`Rate-limited app ${stack.runId}`);
    for (let i = 0; i < 50; i += 1) expect((await post('json', { api_key: key })).status).toBe(400); // no service_code
    const limited = await post('json', { api_key: key });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual([{ code: 429, description: expect.stringMatching(/used its calls for the minute/) }]);
    // Another app's key is counted apart.
    expect((await getJson<unknown[]>('requests.json', { api_key: apiKey, service_request_id: 'JX-20000101-000001' })).status).toBe(200);
  });
});
