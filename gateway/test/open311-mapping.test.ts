import { renderXml } from '../src/open311/format';
import { communityAt, communityNamedIn, COMMUNITY_CENTROIDS, insideDistrict } from '../src/open311/geo';
import { open311Status, statusNotes, toRequest, toServiceDefinition, type GraphItem, type GraphOrder } from '../src/open311/mapping';
import { answersOf, locate } from '../src/open311/requests';

const item: GraphItem = {
  code: 'C07-01',
  name: '水电维修',
  description: '水电维修',
  category: { name: '物业维修' },
  channels: ['APP', 'WEB'],
  serviceLevel: { respondWithinHours: 4, resolveWithinDays: 3 },
  attributes: [
    { code: 'problem', description: '故障情况', datatype: 'TEXT', required: true, order: 2, values: [], min: null, max: null },
    {
      code: 'rooms',
      description: '房间',
      datatype: 'MULTI_VALUE_LIST',
      required: false,
      order: 1,
      values: [{ key: 'KITCHEN', name: '厨房' }],
      min: null,
      max: null,
    },
  ],
};

describe('where a GeoReport request is', () => {
  it('maps a point in the district to the community with the nearest centroid', () => {
    const target = COMMUNITY_CENTROIDS[40]!;
    expect(communityAt(target.lat + 0.001, target.long - 0.001)).toEqual(target);
    expect(insideDistrict(39.9042, 116.4074)).toBe(false);
    expect(communityAt(39.9042, 116.4074)).toBeNull();
  });

  it('finds the community an address names, preferring the longest name', () => {
    expect(communityNamedIn('长安路三社区 5号楼')?.name).toBe('长安路三社区');
    expect(communityNamedIn('某小区 5号楼')).toBeNull();
  });

  it('refuses a lone coordinate, a point outside and an address naming no community', () => {
    expect(() => locate(new URLSearchParams({ lat: '34.65' }))).toThrow('lat and long go together');
    expect(() => locate(new URLSearchParams({ lat: '31.23', long: '121.47' }))).toThrow('outside Jianxi district');
    expect(() => locate(new URLSearchParams({ address_string: '人民路 1号' }))).toThrow('must name the community');
    expect(() => locate(new URLSearchParams())).toThrow('Say where');
    expect(locate(new URLSearchParams({ address_string: '武汉路社区 3号楼' }))).toMatchObject({
      community: { name: '武汉路社区' },
      address: '武汉路社区 3号楼',
    });
  });
});

describe('GeoReport shapes', () => {
  it('turns an intake form into ordered attributes with GeoReport datatypes', () => {
    const definition = toServiceDefinition(item);
    expect(definition.attributes.map((a) => [a.code, a.datatype, a.order])).toEqual([
      ['rooms', 'multivaluelist', 1],
      ['problem', 'text', 2],
    ]);
  });

  it('reads attribute[code] answers, several for a multi-value list', () => {
    const form = new URLSearchParams([
      ['attribute[problem]', '漏水'],
      ['attribute[rooms][]', 'KITCHEN'],
      ['attribute[rooms][]', 'ROOM'],
    ]);
    expect(answersOf(form, item)).toEqual([
      { code: 'problem', value: '漏水' },
      { code: 'rooms', values: ['KITCHEN', 'ROOM'] },
    ]);
    expect(() =>
      answersOf(
        new URLSearchParams([
          ['attribute[problem]', 'a'],
          ['attribute[problem]', 'b'],
        ]),
        item,
      ),
    ).toThrow('takes one value');
  });

  it('reads resolved, closed and cancelled orders as closed, every other status as open', () => {
    expect(['RESOLVED', 'CLOSED', 'CANCELLED'].map(open311Status)).toEqual(['closed', 'closed', 'closed']);
    expect(['SUBMITTED', 'DISPATCHED', 'RETURNED', 'REOPENED'].map(open311Status)).toEqual(['open', 'open', 'open', 'open']);
  });

  it('makes a request of an order: notes from the timeline, the provider responsible once dispatched', () => {
    const order: GraphOrder = {
      id: 'JX-20261205-000001',
      status: 'DISPATCHED',
      address: '武汉路社区 ****',
      summary: null,
      submittedAt: '2026-12-05T01:00:00.000Z',
      item,
      community: { name: '武汉路社区' },
      provider: { name: '欣和社工' },
      deadlines: { resolveBy: '2026-12-08T01:00:00.000Z' },
      timeline: [
        { action: 'SUBMIT', at: '2026-12-05T01:00:00.000Z', note: null },
        { action: 'ACCEPT', at: '2026-12-05T02:00:00.000Z', note: '已签收' },
        { action: 'DISPATCH', at: '2026-12-05T03:00:00.000Z', note: null },
      ],
    };
    expect(statusNotes(order.timeline).split('\n')).toEqual([
      '2026-12-05T01:00:00.000Z 下单 submitted',
      '2026-12-05T02:00:00.000Z 签收 accepted: 已签收',
      '2026-12-05T03:00:00.000Z 派单 dispatched',
    ]);
    expect(toRequest(order)).toMatchObject({
      status: 'open',
      agency_responsible: '欣和社工',
      updated_datetime: '2026-12-05T03:00:00.000Z',
      expected_datetime: '2026-12-08T01:00:00.000Z',
    });
    expect(toRequest({ ...order, provider: null }).agency_responsible).toBe('武汉路社区');
  });

  it("nests XML lists in GeoReport's wrapper and row elements, escaping text", () => {
    const body = renderXml({ json: [{ code: 400, description: 'a < b & "c"' }], xmlRoot: 'errors', xmlRow: 'error' });
    expect(body).toContain('<errors>');
    expect(body).toContain('<error>');
    expect(body).toContain('<description>a &lt; b &amp; &quot;c&quot;</description>');
  });
});
