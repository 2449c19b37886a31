/**
 * Sanshe's catalogue and orders as GeoReport v2 services and requests. Pure functions: the
 * facade fetches through the graph, these only rename and reshape.
 */

export interface GraphAttribute {
  code: string;
  description: string;
  datatype: 'STRING' | 'NUMBER' | 'DATETIME' | 'SINGLE_VALUE_LIST' | 'MULTI_VALUE_LIST' | 'TEXT';
  required: boolean;
  order: number;
  values: { key: string; name: string }[];
  min: number | null;
  max: number | null;
}

export interface GraphItem {
  code: string;
  name: string;
  description: string;
  category: { name: string };
  attributes: GraphAttribute[];
  serviceLevel: { respondWithinHours: number; resolveWithinDays: number };
  channels: string[];
}

export interface GraphOrder {
  id: string;
  status: string;
  address: string | null;
  summary: string | null;
  submittedAt: string;
  item: { code: string; name: string; serviceLevel: { respondWithinHours: number; resolveWithinDays: number } };
  community: { name: string | null } | null;
  provider: { name: string | null } | null;
  deadlines: { resolveBy: string };
  timeline: { action: string; at: string; note: string | null }[];
}

/** Statuses GeoReport reads as closed: the work is done (resolved, visited) or withdrawn. */
export const CLOSED_STATUSES = ['RESOLVED', 'CLOSED', 'CANCELLED'] as const;
export const OPEN_STATUSES = ['SUBMITTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'RETURNED', 'REOPENED'] as const;

export const open311Status = (status: string): 'open' | 'closed' =>
  (CLOSED_STATUSES as readonly string[]).includes(status) ? 'closed' : 'open';

/** The platform's own words for each step, as staff and residents know them. */
const STEP_NAMES: Record<string, string> = {
  SUBMIT: '下单 submitted',
  ACCEPT: '签收 accepted',
  DISPATCH: '派单 dispatched',
  START: '开始服务 work started',
  RETURN: '退单 returned for another dispatch',
  RESOLVE: '办结 resolved',
  REOPEN: '重办 reopened',
  CLOSE: '回访 return visit done, closed',
  CANCEL: '撤销 cancelled',
  ESCALATE: '督办 escalated',
};

const DATATYPES: Record<GraphAttribute['datatype'], string> = {
  STRING: 'string',
  NUMBER: 'number',
  DATETIME: 'datetime',
  SINGLE_VALUE_LIST: 'singlevaluelist',
  MULTI_VALUE_LIST: 'multivaluelist',
  TEXT: 'text',
};

export const serviceNotice = (level: GraphItem['serviceLevel']): string =>
  `Staff respond within ${level.respondWithinHours} hours and resolve within ${level.resolveWithinDays} days of the request.`;

/** One row of `services`: `metadata` says whether the item has an intake form to describe. */
export function toService(item: Pick<GraphItem, 'code' | 'name' | 'description' | 'attributes'>, group: string) {
  return {
    service_code: item.code,
    service_name: item.name,
    description: item.description,
    metadata: item.attributes.length > 0,
    type: 'realtime',
    keywords: group,
    group,
  };
}

function datatypeDescription(attribute: GraphAttribute): string {
  if (attribute.datatype === 'NUMBER' && (attribute.min !== null || attribute.max !== null)) {
    return `A number${attribute.min !== null ? ` from ${attribute.min}` : ''}${attribute.max !== null ? ` up to ${attribute.max}` : ''}.`;
  }
  if (attribute.datatype === 'DATETIME') return 'An ISO 8601 date-time, e.g. 2026-12-01T09:00:00+08:00.';
  if (attribute.datatype === 'MULTI_VALUE_LIST') return 'One or more keys of the values, each as attribute[code][]=key.';
  return '';
}

/** `services/{code}`: the intake form as GeoReport attributes. */
export function toServiceDefinition(item: GraphItem) {
  return {
    service_code: item.code,
    attributes: [...item.attributes]
      .sort((a, b) => a.order - b.order)
      .map((a) => ({
        variable: true,
        code: a.code,
        datatype: DATATYPES[a.datatype],
        required: a.required,
        datatype_description: datatypeDescription(a),
        order: a.order,
        description: a.description,
        values: a.values.map((v) => ({ key: v.key, name: v.name })),
      })),
  };
}

/** The timeline as one note per step, oldest first: "2026-12-05T01:02:03.000Z 签收 accepted: <note>". */
export function statusNotes(timeline: GraphOrder['timeline']): string {
  return timeline.map((step) => `${step.at} ${STEP_NAMES[step.action] ?? step.action}${step.note ? `: ${step.note}` : ''}`).join('\n');
}

/**
 * A request as GeoReport shows it. The responsible agency is the provider the order is
 * dispatched to, and the community until then. Personal data arrives already masked by
 * resident-services (the app calls as a PARTNER); there are no coordinates to show,
 * since an order keeps an address, not a point.
 */
export function toRequest(order: GraphOrder) {
  return {
    service_request_id: order.id,
    status: open311Status(order.status),
    status_notes: statusNotes(order.timeline),
    service_name: order.item.name,
    service_code: order.item.code,
    description: order.summary ?? '',
    agency_responsible: order.provider?.name ?? order.community?.name ?? '',
    service_notice: serviceNotice(order.item.serviceLevel),
    requested_datetime: order.submittedAt,
    updated_datetime: order.timeline.at(-1)?.at ?? order.submittedAt,
    expected_datetime: order.deadlines.resolveBy,
    address: order.address ?? '',
  };
}
