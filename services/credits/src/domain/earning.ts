/**
 * Earning from the facts other contexts publish. Each fact gives its posting an id of its
 * own (attendance:<attendanceId>, volunteer:<shiftId>, order:<orderId>:<helperId>), so a
 * redelivered event — or the same fact published again under a new event id — finds the
 * posting already there. The rule version is read once, when the transfer is opened, and
 * pinned in it: a later rule change cannot alter a posting, not even one still in repair.
 */
import { ISSUING_ACCOUNT_ID, type EarningReason } from './ledger';
import { postTransfer, type LedgerDeps } from './posting';
import { volunteerPoints, type EarningRules } from './rules';
import type { TransferOutcome, TransferSpec } from './transfer';

export interface RulesSource {
  current(): Promise<EarningRules>;
}

export interface AccountOpener {
  /** Opens a resident's account if there is none (an upsert): the first deed opens it. */
  openResidentAccount(residentId: string, communityId: string): Promise<void>;
}

export interface EarningDeps extends LedgerDeps {
  rules: RulesSource;
  accounts: AccountOpener;
}

export interface SourceEvent<T> {
  id: string;
  data: T;
  traceparent?: string;
}

interface Deed {
  postingId: string;
  reason: EarningReason;
  residentId: string;
  communityId: string;
  occurredAt: Date;
  sourceRef: string;
  points: (rules: EarningRules) => number;
}

async function earn(deed: Deed, eventId: string, deps: EarningDeps, traceparent?: string): Promise<TransferOutcome | null> {
  const rules = await deps.rules.current();
  const requested = deed.points(rules);
  if (requested <= 0) return null;
  await deps.accounts.openResidentAccount(deed.residentId, deed.communityId);
  const spec: TransferSpec = {
    _id: deed.postingId,
    kind: 'EARN',
    reason: deed.reason,
    fromAccountId: ISSUING_ACCOUNT_ID,
    toAccountId: deed.residentId,
    requested,
    ruleVersion: rules.version,
    caps: { daily: rules.dailyCap, monthly: rules.monthlyCap },
    expireUpTo: null,
    sourceRef: deed.sourceRef,
    sourceEventId: eventId,
    residentId: deed.residentId,
    communityId: deed.communityId,
    note: null,
    occurredAt: deed.occurredAt,
  };
  return postTransfer(spec, deps, traceparent);
}

export interface AttendanceConfirmed {
  attendanceId: string;
  activityId: string;
  residentId: string;
  communityId: string;
  confirmedAt: string;
}

export const earnForAttendance = (event: SourceEvent<AttendanceConfirmed>, deps: EarningDeps) =>
  earn(
    {
      postingId: `attendance:${event.data.attendanceId}`,
      reason: 'ATTENDANCE',
      residentId: event.data.residentId,
      communityId: event.data.communityId,
      occurredAt: new Date(event.data.confirmedAt),
      sourceRef: `attendance:${event.data.attendanceId}`,
      points: (rules) => rules.attendancePoints,
    },
    event.id,
    deps,
    event.traceparent,
  );

export interface VolunteerHoursVerified {
  shiftId: string;
  activityId: string;
  residentId: string;
  communityId: string;
  hours: number;
  verifiedAt: string;
}

export const earnForVolunteerHours = (event: SourceEvent<VolunteerHoursVerified>, deps: EarningDeps) =>
  earn(
    {
      postingId: `volunteer:${event.data.shiftId}`,
      reason: 'VOLUNTEER_HOURS',
      residentId: event.data.residentId,
      communityId: event.data.communityId,
      occurredAt: new Date(event.data.verifiedAt),
      sourceRef: `volunteer-shift:${event.data.shiftId}`,
      points: (rules) => volunteerPoints(rules, event.data.hours),
    },
    event.id,
    deps,
    event.traceparent,
  );

export interface OrderClosed {
  orderId: string;
  communityId: string;
  helperResidentIds?: string[];
  closedAt: string;
}

/** Every resident who helped close a service order earns, once per order. */
export async function earnForOrderHelp(event: SourceEvent<OrderClosed>, deps: EarningDeps): Promise<(TransferOutcome | null)[]> {
  const helpers = [...new Set(event.data.helperResidentIds ?? [])];
  const results: (TransferOutcome | null)[] = [];
  for (const helperId of helpers) {
    results.push(
      await earn(
        {
          postingId: `order:${event.data.orderId}:${helperId}`,
          reason: 'ORDER_HELP',
          residentId: helperId,
          communityId: event.data.communityId,
          occurredAt: new Date(event.data.closedAt),
          sourceRef: `service-order:${event.data.orderId}`,
          points: (rules) => rules.orderHelpPoints,
        },
        event.id,
        deps,
        event.traceparent,
      ),
    );
  }
  return results;
}
