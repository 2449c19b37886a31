import type { Identity } from '@sanshe/service-kit';
import type { Open311App } from './apps';
import { listAnswer, Open311Error, type Answer } from './format';
import { communityAt, communityNamedIn, DISTRICT_AREA, type LocatedCommunity } from './geo';
import type { GraphCall } from './graph';
import { CLOSED_STATUSES, OPEN_STATUSES, serviceNotice, toRequest, type GraphItem, type GraphOrder } from './mapping';
import { findItem } from './services';

const ORDER_FIELDS = `id status address summary submittedAt
  item { code name serviceLevel { respondWithinHours resolveWithinDays } }
  community { name } provider { name } deadlines { resolveBy } timeline { action at note }`;
const ORDER = `query Open311Request($id: ID!) { serviceOrder(id: $id) { ${ORDER_FIELDS} } }`;
const ORDERS = `query Open311Requests($filter: ServiceOrderFilter!, $after: String) {
  serviceOrders(filter: $filter, first: 25, after: $after) { edges { node { ${ORDER_FIELDS} } } pageInfo { hasNextPage endCursor } }
}`;
const SUBMIT = `mutation Open311Submit($input: SubmitServiceOrderInput!) { submitServiceOrder(input: $input) { id } }`;

/** GeoReport's defaults: the last 90 days, at most 1000 requests. */
const DEFAULT_WINDOW_DAYS = 90;
const MAX_REQUESTS = 1000;
/**
 * Pages read at most for one list, so a wide filter cannot make the facade read the whole
 * archive. A page is 25 orders: the gateway's cost limit (MAX_COST) multiplies by `first`.
 */
const MAX_PAGES = 40;
const DECIMAL = /^-?\d{1,3}(\.\d+)?$/;

export interface RequestCall {
  graph: GraphCall;
  app: Open311App;
  /** The app's identity: a partner, which reads orders masked. */
  appIdentity: Identity;
  params: URLSearchParams;
  traceparent?: string;
}

const text = (params: URLSearchParams, name: string): string | null => params.get(name)?.trim() || null;

/** `lat`/`long` or `address_string` → the community the address lies in, and the address text to keep. */
export function locate(params: URLSearchParams): { community: LocatedCommunity; address: string } {
  const lat = text(params, 'lat');
  const long = text(params, 'long');
  const addressString = text(params, 'address_string');
  if (lat !== null || long !== null) {
    if (lat === null || long === null || !DECIMAL.test(lat) || !DECIMAL.test(long)) {
      throw new Open311Error(400, 'lat and long go together, as decimal degrees (WGS84), e.g. lat=34.655&long=112.38.');
    }
    const community = communityAt(Number(lat), Number(long));
    if (!community) {
      const { south, north, west, east } = DISTRICT_AREA;
      throw new Open311Error(
        400,
        `lat/long ${lat}, ${long} lies outside Jianxi district (latitude ${south}–${north}, longitude ${west}–${east}); this endpoint takes requests in the district only.`,
      );
    }
    const address = addressString ? `${addressString} (${lat}, ${long})` : `${community.name} (${lat}, ${long})`;
    return { community, address: address.includes(community.name) ? address : `${community.name} ${address}` };
  }
  if (addressString) {
    const community = communityNamedIn(addressString);
    if (!community)
      throw new Open311Error(
        400,
        'address_string must name the community the address is in, e.g. "武汉路社区 3号楼2单元", or give lat and long instead.',
      );
    return { community, address: addressString };
  }
  throw new Open311Error(
    400,
    'Say where: give lat and long (decimal degrees), or an address_string naming the community, e.g. "武汉路社区 3号楼2单元".',
  );
}

/** `attribute[code]=v` and, for multi-value lists, `attribute[code][]=v` repeated. */
export function answersOf(params: URLSearchParams, item: GraphItem): { code: string; value?: string; values?: string[] }[] {
  const given = new Map<string, string[]>();
  for (const [key, value] of params) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
    if (m) given.set(m[1]!, [...(given.get(m[1]!) ?? []), value]);
  }
  return [...given].map(([code, values]) => {
    const multi = item.attributes.find((a) => a.code === code)?.datatype === 'MULTI_VALUE_LIST';
    if (multi) return { code, values };
    if (values.length > 1) throw new Open311Error(400, `attribute[${code}] takes one value; it was given ${values.length}.`);
    return { code, value: values[0]! };
  });
}

/**
 * POST requests: a resident's order through the app. The order is the resident's, so the
 * app must act for a signed-in resident (their Sanshe token); the catalogue has no item a
 * resident may order anonymously, so anonymous submissions are refused for every item.
 */
export async function postRequest(call: RequestCall, resident: Identity | null): Promise<Answer> {
  const { graph, params, app } = call;
  const code = text(params, 'service_code');
  if (!code) throw new Open311Error(400, 'service_code is required: one of the codes at services.json, e.g. C07-01.');
  const item = await findItem(graph, code);
  if (!item) throw new Open311Error(400, `There is no service "${code}": the codes are listed at services.json (e.g. C07-01).`);
  const { address } = locate(params);
  if (!resident) {
    throw new Open311Error(
      403,
      `Service ${item.code} ${item.name} takes requests from a signed-in resident only: send the resident's Sanshe token as "Authorization: Bearer <token>".`,
    );
  }
  if (!resident.roles.includes('RESIDENT') || !resident.residentId) {
    throw new Open311Error(
      403,
      "The Authorization token is not a resident's: an app files a request for the signed-in resident, with their token.",
    );
  }
  const phone = text(params, 'phone');
  if (!phone) throw new Open311Error(400, 'phone is required: the number staff call back on, e.g. 13812345678 or 0379-64321234.');
  const input = {
    itemCode: item.code,
    channel: app.channel,
    contactPhone: phone,
    address,
    summary: text(params, 'description'),
    answers: answersOf(params, item),
  };
  const data = await graph<{ submitServiceOrder: { id: string } }>(SUBMIT, { input }, resident, call.traceparent);
  return listAnswer('service_requests', 'request', [
    { service_request_id: data.submitServiceOrder.id, service_notice: serviceNotice(item.serviceLevel) },
  ]);
}

export async function getRequest(call: RequestCall, id: string): Promise<Answer> {
  const data = await call.graph<{ serviceOrder: GraphOrder | null }>(ORDER, { id }, call.appIdentity, call.traceparent);
  if (!data.serviceOrder) throw new Open311Error(404, `There is no service request "${id}".`);
  return listAnswer('service_requests', 'request', [toRequest(data.serviceOrder)]);
}

function dateParam(params: URLSearchParams, name: string): Date | null {
  const value = text(params, name);
  if (value === null) return null;
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) || Number.isNaN(date.getTime())) {
    throw new Open311Error(400, `${name} must be a W3C date-time, e.g. 2026-12-01T00:00:00+08:00.`);
  }
  return date;
}

function statusesOf(params: URLSearchParams): string[] | null {
  const value = text(params, 'status');
  if (value === null) return null;
  const statuses = new Set<string>();
  for (const s of value.split(',').map((v) => v.trim().toLowerCase())) {
    if (s === 'open') OPEN_STATUSES.forEach((x) => statuses.add(x));
    else if (s === 'closed') CLOSED_STATUSES.forEach((x) => statuses.add(x));
    else throw new Open311Error(400, `status is open or closed (or both, comma-separated); "${s}" is neither.`);
  }
  return [...statuses];
}

/** GET requests: by ids, or by service code, status and a date range, newest first. */
export async function listRequests(call: RequestCall): Promise<Answer> {
  const { params } = call;
  const ids = text(params, 'service_request_id');
  if (ids) {
    // The spec: with ids given, every other parameter is ignored.
    const found = await Promise.all(
      [
        ...new Set(
          ids
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ]
        .slice(0, 50)
        .map((id) => call.graph<{ serviceOrder: GraphOrder | null }>(ORDER, { id }, call.appIdentity, call.traceparent)),
    );
    return listAnswer(
      'service_requests',
      'request',
      found.flatMap((d) => (d.serviceOrder ? [toRequest(d.serviceOrder)] : [])),
    );
  }
  const end = dateParam(params, 'end_date') ?? new Date();
  const start = dateParam(params, 'start_date') ?? new Date(end.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
  if (start > end) throw new Open311Error(400, 'start_date must not be after end_date.');
  const codes =
    text(params, 'service_code')
      ?.split(',')
      .map((c) => c.trim())
      .filter(Boolean) ?? null;
  const statuses = statusesOf(params);
  const rows: ReturnType<typeof toRequest>[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES && rows.length < MAX_REQUESTS; page += 1) {
    type Page = { serviceOrders: { edges: { node: GraphOrder }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const data: Page = await call.graph<Page>(ORDERS, { filter: statuses ? { statuses } : {}, after }, call.appIdentity, call.traceparent);
    const { edges, pageInfo } = data.serviceOrders;
    for (const { node } of edges) {
      const at = new Date(node.submittedAt);
      if (at >= start && at <= end && (!codes || codes.includes(node.item.code))) rows.push(toRequest(node));
    }
    // Newest first: once a page reaches before the range, no later page comes back into it.
    const oldest = edges.at(-1)?.node.submittedAt;
    if (!pageInfo.hasNextPage || !pageInfo.endCursor || (oldest && new Date(oldest) < start)) break;
    after = pageInfo.endCursor;
  }
  return listAnswer('service_requests', 'request', rows.slice(0, MAX_REQUESTS));
}
