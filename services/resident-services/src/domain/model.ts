/**
 * The shapes resident-services works with. Data-access stores them as they are; the
 * GraphQL layer presents them. No behaviour here.
 */

export const CHANNELS = ['WEB', 'APP', 'CALL_CENTER', 'DOOR_TO_DOOR'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Channels on which a staff member enters the order on the resident's behalf. */
export const ASSISTED_CHANNELS: readonly Channel[] = ['CALL_CENTER', 'DOOR_TO_DOOR'];

export const ATTRIBUTE_DATATYPES = ['STRING', 'NUMBER', 'DATETIME', 'SINGLE_VALUE_LIST', 'MULTI_VALUE_LIST', 'TEXT'] as const;
export type AttributeDatatype = (typeof ATTRIBUTE_DATATYPES)[number];

export interface AttributeDefinition {
  code: string;
  description: string;
  datatype: AttributeDatatype;
  required: boolean;
  order: number;
  values: { key: string; name: string }[];
  min: number | null;
  max: number | null;
}

export interface ServiceCategory {
  _id: string;
  key: string;
  name: string;
  order: number;
}

export interface ServiceItem {
  /** The item code, e.g. C02-01. */
  _id: string;
  name: string;
  categoryCode: string;
  description: string;
  order: number;
  attributes: AttributeDefinition[];
  respondWithinHours: number;
  resolveWithinDays: number;
  channels: Channel[];
  doorToDoor: boolean;
}

/** The whole catalogue: what the seed writes and the store holds. */
export interface Catalogue {
  categories: ServiceCategory[];
  items: ServiceItem[];
}

export const ORDER_STATUSES = [
  'SUBMITTED',
  'ACCEPTED',
  'DISPATCHED',
  'IN_PROGRESS',
  'RETURNED',
  'RESOLVED',
  'REOPENED',
  'CLOSED',
  'CANCELLED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_ACTIONS = [
  'SUBMIT',
  'ACCEPT',
  'DISPATCH',
  'START',
  'RETURN',
  'RESOLVE',
  'REOPEN',
  'CLOSE',
  'CANCEL',
  'ESCALATE',
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

export type ConsentMethod = 'VERBAL' | 'SIGNED' | 'THUMBPRINT';
export type EscalationReason = 'RESPONSE_OVERDUE' | 'RESOLUTION_OVERDUE';

export interface AttributeAnswer {
  code: string;
  value: string | null;
  values: string[];
}

export interface AssistedIntake {
  staffMemberId: string;
  staffMemberName: string;
  enteredBy: string;
  consentMethod: ConsentMethod;
}

/** One step of an order's life, kept in the order itself. `from === to` for an escalation. */
export interface TimelineEntry {
  /** The id of the event this step emitted; projections find their step by it. */
  eventId: string;
  action: OrderAction;
  from: OrderStatus | null;
  to: OrderStatus;
  at: Date;
  by: string | null;
  byRole: string;
  note: string | null;
  providerOrgId: string | null;
}

export interface ServiceOrder {
  /** The human-readable number, JX-YYYYMMDD-NNNNNN-TTTT (TTTT random, so numbers cannot be enumerated). */
  _id: string;
  residentId: string;
  communityId: string;
  streetId: string;
  itemCode: string;
  categoryCode: string;
  channel: Channel;
  contactPhone: string;
  address: string | null;
  summary: string | null;
  answers: AttributeAnswer[];
  assistance: AssistedIntake | null;
  status: OrderStatus;
  /** 1 at submission, +1 per status change: the optimistic-concurrency guard. */
  version: number;
  providerOrgId: string | null;
  contractId: string | null;
  handledInCommunity: boolean;
  /** Social workers of the provider who serve the order: one, or a team. Cleared when the order leaves the provider. */
  assignedWorkerIds: string[];
  helperResidentIds: string[];
  satisfaction: number | null;
  satisfactionComment: string | null;
  submittedAt: Date;
  respondBy: Date;
  resolveBy: Date;
  respondedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  cancelledAt: Date | null;
  responseOverdue: boolean;
  resolutionOverdue: boolean;
  escalatedAt: Date | null;
  escalationReason: EscalationReason | null;
  timeline: TimelineEntry[];
}

/** A government-purchased service contract, as learned from social-orgs' events. */
export interface ServiceContract {
  _id: string;
  providerOrgId: string;
  itemCodes: string[];
  communityIds: string[];
  /** YYYY-MM-DD, inclusive. */
  startsOn: string;
  /** YYYY-MM-DD, inclusive. */
  endsOn: string;
  /** Set when the contract ended early: not in force from this day on. */
  endedOn: string | null;
}

/** A social worker and the organization employing them, as learned from social-orgs' events; the name only masked. */
export interface KnownSocialWorker {
  _id: string;
  organizationId: string;
  /** 张** — the surname and asterisks, what residents are shown. */
  maskedName: string;
  /** The day the worker left the organization (socialWorker.left); they are no longer assigned. */
  leftOn?: string | null;
}

export interface KnownResident {
  _id: string;
  communityId: string;
  streetId: string;
}

export type NoticeKind = 'POLICY_NOTICE' | 'COMMUNITY_NEWS';
export type NoticeScope = 'DISTRICT' | 'STREET' | 'COMMUNITY';

export interface Notice {
  _id: string;
  kind: NoticeKind;
  scope: NoticeScope;
  streetId: string | null;
  communityId: string | null;
  title: string;
  body: string;
  publishedAt: Date;
  publishedBy: string;
}
