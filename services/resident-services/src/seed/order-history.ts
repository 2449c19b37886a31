import { HISTORY_END, HISTORY_START, residents, SEED_YEAR, SeededRandom, type ResidentFixture } from '@sanshe/seed-fixtures';
import { validateAnswers } from '../domain/answers';
import { compactDay, localDay } from '../domain/calendar';
import type { Catalogue } from '../domain/model';
import { chooseContract, covers } from '../domain/dispatch';
import {
  CHANNELS,
  type Channel,
  type KnownSocialWorker,
  type OrderAction,
  type OrderStatus,
  type ServiceContract,
  type ServiceItem,
  type ServiceOrder,
  type TimelineEntry,
} from '../domain/model';
import { newOrder } from '../domain/new-order';
import { orderNumber } from '../domain/order-intake';
import { seededTag } from './seeded-tag';
import { deadlinesFor, slaVerdict } from '../domain/sla';
import { ESCALATION_NOTES } from '../domain/sla-sweep';
import { residentActor, staffActor, staffMember, workerActor, type Actor } from './actors';
import { sampleAnswers, sampleSummary } from './answers';
import { assignSeededWorkers } from './workers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Orders per day: 28–31, so two years hold more than 20,000. */
const PER_DAY = [28, 31] as const;

/** How often residents ask for each category; people who cannot go out lean on care, health and repairs. */
const WEIGHTS: Record<string, [number, number]> = {
  C01: [10, 6],
  C02: [6, 26],
  C03: [7, 1],
  C04: [5, 3],
  C05: [7, 4],
  C06: [4, 4],
  C07: [14, 18],
  C08: [6, 1],
  C09: [8, 20],
  C10: [9, 3],
  C11: [6, 2],
  C12: [10, 8],
};

const RETURN_REASONS = ['本周人手不足，请改派', '超出本机构服务范围', '居民临时改约，需重新协调', '需要专业资质，本机构不具备'];
const REOPEN_REASONS = ['问题没有彻底解决', '第二天又出现同样的问题', '服务内容与约定不一致'];
const CANCEL_REASONS = ['已自行解决', '家人已帮忙处理', '暂时不需要了'];

const needsCare = (r: ResidentFixture) =>
  r.careTags.includes('ELDERLY_LIVING_ALONE') || r.careTags.includes('DISABLED') || SEED_YEAR - r.birthYear >= 75;

interface Step {
  action: OrderAction;
  to: OrderStatus;
  at: number;
  actor: Actor;
  note: string | null;
  providerOrgId: string | null;
  contractId?: string | null;
}

/**
 * Two years of service orders (工单), simulated step by step from submission to the
 * return visit with the rules the service applies — deadlines of the item, dispatch
 * under the contracts in force, one escalation when a deadline is missed — and cut at
 * the end of the history, so the last days leave orders open in every status.
 */
export function orderHistory(
  catalogue: Catalogue,
  contracts: ServiceContract[],
  workers: readonly KnownSocialWorker[] = [],
): ServiceOrder[] {
  const rng = new SeededRandom('sanshe-service-orders');
  const people = residents();
  // Weighted pools: people who cannot go out order more often.
  const pool = people.flatMap((r) => (needsCare(r) ? [r, r, r] : SEED_YEAR - r.birthYear >= 60 ? [r, r] : [r]));
  const volunteers = new Map<string, ResidentFixture[]>();
  for (const r of people) if (r.volunteer) volunteers.set(r.communityId, [...(volunteers.get(r.communityId) ?? []), r]);
  const itemsByCategory = new Map<string, ServiceItem[]>();
  for (const item of catalogue.items) itemsByCategory.set(item.categoryCode, [...(itemsByCategory.get(item.categoryCode) ?? []), item]);
  const contractsByKey = new Map<string, ServiceContract[]>();
  for (const c of contracts)
    for (const item of c.itemCodes)
      for (const community of c.communityIds) {
        const key = `${item}|${community}`;
        contractsByKey.set(key, [...(contractsByKey.get(key) ?? []), c]);
      }
  const dispatched = new Map<string, number>();

  const pickCategory = (careful: boolean) => {
    const total = Object.values(WEIGHTS).reduce((n, w) => n + w[careful ? 1 : 0], 0);
    let roll = rng.next() * total;
    for (const [code, w] of Object.entries(WEIGHTS)) {
      roll -= w[careful ? 1 : 0];
      if (roll < 0) return code;
    }
    return 'C12';
  };
  const between = (from: number, to: number) => from + rng.next() * (to - from);

  function provider(item: ServiceItem, communityId: string, at: number, returnedBy: Set<string>): ServiceContract | null {
    const day = localDay(new Date(at));
    const candidates = (contractsByKey.get(`${item._id}|${communityId}`) ?? []).filter((c) => covers(c, item._id, communityId, day));
    const chosen = chooseContract(candidates, dispatched, returnedBy);
    if (chosen) dispatched.set(chosen.providerOrgId, (dispatched.get(chosen.providerOrgId) ?? 0) + 1);
    return chosen;
  }

  function life(order: ServiceOrder, item: ServiceItem, resident: ResidentFixture): Step[] {
    const submittedAt = order.submittedAt.getTime();
    const respondMs = item.respondWithinHours * HOUR;
    const resolveMs = item.resolveWithinDays * DAY;
    const staff = staffActor(order.communityId, rng.int(1, 3));
    const online = order.channel === 'WEB' || order.channel === 'APP';
    const visitor = () => (online && rng.chance(0.6) ? residentActor(resident.id) : staff);
    const steps: Step[] = [];
    const add = (
      action: OrderAction,
      to: OrderStatus,
      at: number,
      actor: Actor,
      note: string | null = null,
      providerOrgId: string | null = null,
    ) => steps.push({ action, to, at, actor, note, providerOrgId });

    if (rng.chance(0.03)) {
      add('CANCEL', 'CANCELLED', submittedAt + between(0.2, 0.8) * respondMs, visitor(), rng.pick(CANCEL_REASONS));
      return steps;
    }
    let t = submittedAt + (rng.chance(0.9) ? between(0.05, 0.9) : between(1.05, 2.5)) * respondMs;
    add('ACCEPT', 'ACCEPTED', t, staff);
    if (rng.chance(0.01)) {
      add('CANCEL', 'CANCELLED', t + between(0.5, 6) * HOUR, visitor(), rng.pick(CANCEL_REASONS));
      return steps;
    }
    const returnedBy = new Set<string>();
    const dispatch = (at: number) => {
      const chosen = provider(item, order.communityId, at, returnedBy);
      steps.push({
        action: 'DISPATCH',
        to: 'DISPATCHED',
        at,
        actor: staff,
        note: null,
        providerOrgId: chosen?.providerOrgId ?? null,
        contractId: chosen?._id ?? null,
      });
      return chosen;
    };
    t += between(10 * MINUTE, 3 * HOUR);
    let chosen = dispatch(t);
    if (chosen && rng.chance(0.05)) {
      t += between(1 * HOUR, 12 * HOUR);
      add('RETURN', 'RETURNED', t, workerActor(chosen.providerOrgId), rng.pick(RETURN_REASONS), chosen.providerOrgId);
      returnedBy.add(chosen.providerOrgId);
      t += between(30 * MINUTE, 3 * HOUR);
      chosen = dispatch(t);
    }
    const worker = chosen ? workerActor(chosen.providerOrgId) : staff;
    const providerOrgId = chosen?.providerOrgId ?? null;
    t += between(30 * MINUTE, Math.max(HOUR, 0.15 * resolveMs));
    add('START', 'IN_PROGRESS', t, worker, null, providerOrgId);
    const target = submittedAt + (rng.chance(0.9) ? between(0.3, 0.95) : between(1.05, 1.8)) * resolveMs;
    t = Math.max(t + 30 * MINUTE, target);
    add('RESOLVE', 'RESOLVED', t, worker, null, providerOrgId);
    const reopened = rng.chance(0.04);
    if (reopened) {
      t += between(2 * HOUR, 48 * HOUR);
      add('REOPEN', 'REOPENED', t, visitor(), rng.pick(REOPEN_REASONS), providerOrgId);
      t += between(1 * HOUR, 12 * HOUR);
      add('START', 'IN_PROGRESS', t, worker, null, providerOrgId);
      t += between(2 * HOUR, 2 * DAY);
      add('RESOLVE', 'RESOLVED', t, worker, null, providerOrgId);
    }
    t += between(2 * HOUR, 72 * HOUR);
    const satisfaction = reopened ? rng.pick([2, 3, 3, 4, 4, 5]) : rng.pick([5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 3, 3, 2, 1]);
    add('CLOSE', 'CLOSED', t, visitor(), String(satisfaction), providerOrgId);
    return steps;
  }

  /** The one escalation the sweep (every minute) would have made, if a deadline was missed before the step that met it. */
  function escalation(order: ServiceOrder, steps: Step[]): Step | null {
    const statusAt = (time: number) => steps.filter((s) => s.at <= time).at(-1)?.to ?? 'SUBMITTED';
    const providerAt = (time: number) => steps.filter((s) => s.at <= time && s.action !== 'RETURN').at(-1)?.providerOrgId ?? null;
    const lag = rng.int(1, 10) * MINUTE;
    const respondBy = order.respondBy.getTime() + lag;
    if (statusAt(respondBy) === 'SUBMITTED')
      return {
        action: 'ESCALATE',
        to: 'SUBMITTED',
        at: respondBy,
        actor: { by: null, byRole: 'SYSTEM' },
        note: 'RESPONSE_OVERDUE',
        providerOrgId: null,
      };
    const resolveBy = order.resolveBy.getTime() + lag;
    const status = statusAt(resolveBy);
    if (!['RESOLVED', 'CLOSED', 'CANCELLED'].includes(status))
      return {
        action: 'ESCALATE',
        to: status,
        at: resolveBy,
        actor: { by: null, byRole: 'SYSTEM' },
        note: 'RESOLUTION_OVERDUE',
        providerOrgId: providerAt(resolveBy),
      };
    return null;
  }

  const orders: ServiceOrder[] = [];
  const end = HISTORY_END.getTime();
  for (let day = HISTORY_START.getTime(); day < end; day += DAY) {
    const today: { order: ServiceOrder; item: ServiceItem; resident: ResidentFixture }[] = [];
    for (let n = rng.int(...PER_DAY); n > 0; n -= 1) {
      const resident = rng.pick(pool);
      const careful = needsCare(resident);
      const item = rng.pick(itemsByCategory.get(pickCategory(careful))!);
      let channel: Channel = rng.chance(careful ? 0.92 : 0.85) ? resident.preferredChannel : rng.pick(CHANNELS);
      if (!item.channels.includes(channel)) channel = 'CALL_CENTER';
      const opening = channel === 'DOOR_TO_DOOR' ? [9, 17] : channel === 'CALL_CENTER' ? [8, 20] : [6, 23];
      const submittedAt = new Date(day + rng.int(opening[0]!, opening[1]! - 1) * HOUR + rng.int(0, 3599) * 1000);
      today.push({ order: draft(resident, item, channel, submittedAt, rng), item, resident });
    }
    today.sort((a, b) => a.order.submittedAt.getTime() - b.order.submittedAt.getTime());
    today.forEach((entry, i) => {
      // Demo data must seed the same every time: the tag comes from a hash, not the random source.
      entry.order._id = orderNumber(
        compactDay(entry.order.submittedAt),
        i + 1,
        seededTag(`${compactDay(entry.order.submittedAt)}-${i + 1}`),
      );
      orders.push(settle(entry.order, life(entry.order, entry.item, entry.resident), escalation, entry.item, volunteers, rng, end));
    });
  }
  assignSeededWorkers(orders, workers);
  return orders;
}

function draft(resident: ResidentFixture, item: ServiceItem, channel: Channel, submittedAt: Date, rng: SeededRandom): ServiceOrder {
  const assisted = channel === 'CALL_CENTER' || channel === 'DOOR_TO_DOOR';
  const member = staffMember(resident.communityId, rng.int(1, 3));
  const { respondBy, resolveBy } = deadlinesFor(item, submittedAt);
  return newOrder({
    id: '',
    residentId: resident.id,
    communityId: resident.communityId,
    streetId: resident.streetId,
    itemCode: item._id,
    categoryCode: item.categoryCode,
    channel,
    contactPhone: resident.phone,
    address: channel === 'DOOR_TO_DOOR' || ['C02', 'C07', 'C09'].includes(item.categoryCode) ? resident.address : null,
    summary: sampleSummary(item, rng),
    answers: validateAnswers(item, sampleAnswers(item, submittedAt, rng)),
    assistance: assisted
      ? {
          staffMemberId: member.id,
          staffMemberName: member.name,
          enteredBy: member.id,
          consentMethod: channel === 'CALL_CENTER' ? 'VERBAL' : rng.chance(0.8) ? 'SIGNED' : 'THUMBPRINT',
        }
      : null,
    submittedAt,
    respondBy,
    resolveBy,
  });
}

/** Writes the steps that happened before `end` into the order: timeline, status, version and the fields each step sets. */
function settle(
  order: ServiceOrder,
  steps: Step[],
  escalation: (order: ServiceOrder, steps: Step[]) => Step | null,
  item: ServiceItem,
  volunteers: Map<string, ResidentFixture[]>,
  rng: SeededRandom,
  end: number,
): ServiceOrder {
  const escalated = escalation(order, steps);
  const all = [...steps, ...(escalated ? [escalated] : [])].sort((a, b) => a.at - b.at).filter((s) => s.at <= end);
  const submitter = order.assistance ? { by: order.assistance.staffMemberId, byRole: 'COMMUNITY_STAFF' } : residentActor(order.residentId);
  const entry = (
    action: OrderAction,
    from: OrderStatus | null,
    to: OrderStatus,
    at: Date,
    actor: Actor,
    note: string | null,
    providerOrgId: string | null,
  ): TimelineEntry => ({
    eventId: `seed-${order._id}-${order.timeline.length + 1}`,
    action,
    from,
    to,
    at,
    by: actor.by,
    byRole: actor.byRole,
    note,
    providerOrgId,
  });
  order.timeline.push(entry('SUBMIT', null, 'SUBMITTED', order.submittedAt, submitter, order.summary, null));
  const helpers = volunteers.get(order.communityId) ?? [];
  for (const step of all) {
    const at = new Date(step.at);
    const from = order.status;
    if (step.action === 'ESCALATE') {
      order.escalatedAt = at;
      order.escalationReason = step.note as ServiceOrder['escalationReason'];
      order.timeline.push(entry('ESCALATE', from, from, at, step.actor, ESCALATION_NOTES[order.escalationReason!], order.providerOrgId));
      continue;
    }
    order.status = step.to;
    order.version += 1;
    switch (step.action) {
      case 'ACCEPT':
        order.respondedAt = at;
        break;
      case 'DISPATCH':
        order.providerOrgId = step.providerOrgId;
        order.handledInCommunity = step.providerOrgId === null;
        order.contractId = step.contractId ?? null;
        break;
      case 'RETURN':
        order.providerOrgId = null;
        order.contractId = null;
        break;
      case 'RESOLVE':
        order.resolvedAt = at;
        if (
          order.helperResidentIds.length === 0 &&
          ['C02', 'C07', 'C11'].includes(item.categoryCode) &&
          helpers.length > 0 &&
          rng.chance(0.2)
        ) {
          order.helperResidentIds = [...new Set([rng.pick(helpers).id, rng.pick(helpers).id])];
        }
        break;
      case 'CLOSE':
        order.closedAt = at;
        order.satisfaction = Number(step.note);
        break;
      case 'CANCEL':
        order.cancelledAt = at;
        break;
      default:
        break;
    }
    const note = step.action === 'CLOSE' ? null : step.note;
    order.timeline.push(entry(step.action, from, step.to, at, step.actor, note, step.providerOrgId ?? order.providerOrgId));
  }
  const verdict = slaVerdict(order, new Date(end));
  order.responseOverdue = verdict.responseOverdue;
  order.resolutionOverdue = verdict.resolutionOverdue;
  return order;
}
