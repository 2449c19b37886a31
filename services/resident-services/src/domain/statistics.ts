import { localMonth } from './calendar';
import { CHANNELS, ORDER_STATUSES, type Channel, type OrderStatus, type ServiceOrder } from './model';
import { isAtProvider } from './order-status';

/**
 * Order statistics are kept in small buckets — one per community and month of submission —
 * that every order step increments (see projections.ts), so reading them never scans orders.
 * A bucket counts the orders SUBMITTED in its month: where they are now, how they went.
 */
export interface StatisticsCounters {
  submitted: number;
  closed: number;
  cancelled: number;
  returned: number;
  reopened: number;
  escalated: number;
  respondedOnTime: number;
  respondedLate: number;
  resolvedOnTime: number;
  resolvedLate: number;
  satisfactionSum: number;
  satisfactionCount: number;
  channel: Partial<Record<Channel, number>>;
  category: Record<string, number>;
  status: Partial<Record<OrderStatus, number>>;
  /** s1 … s5 */
  satisfaction: Record<string, number>;
  /** Seconds spent in a status by orders that left it, and how many left it. */
  statusSeconds: Partial<Record<OrderStatus, number>>;
  statusExits: Partial<Record<OrderStatus, number>>;
}

export interface StatisticsBucket extends Partial<StatisticsCounters> {
  _id: string;
  communityId: string;
  streetId: string;
  month: string;
}

/** The $inc of one step: dotted paths into StatisticsCounters. */
export type CounterDelta = Record<string, number>;

export const bucketOf = (order: Pick<ServiceOrder, 'communityId' | 'streetId' | 'submittedAt'>) => {
  const month = localMonth(order.submittedAt);
  return { _id: `${order.communityId}:${month}`, communityId: order.communityId, streetId: order.streetId, month };
};

function add(delta: CounterDelta, path: string, by: number): void {
  delta[path] = (delta[path] ?? 0) + by;
}

/** What step `index` of the order's timeline adds to its bucket. */
export function statisticsDelta(order: ServiceOrder, index: number): CounterDelta {
  const entry = order.timeline[index];
  if (!entry) throw new Error(`order ${order._id} has no timeline step ${index}`);
  const delta: CounterDelta = {};
  if (entry.action === 'SUBMIT') {
    add(delta, 'submitted', 1);
    add(delta, `channel.${order.channel}`, 1);
    add(delta, `category.${order.categoryCode}`, 1);
    add(delta, 'status.SUBMITTED', 1);
    return delta;
  }
  if (entry.action === 'ESCALATE') {
    add(delta, 'escalated', 1);
    return delta;
  }
  const from = entry.from!;
  add(delta, `status.${from}`, -1);
  add(delta, `status.${entry.to}`, 1);
  const entered = order.timeline
    .slice(0, index)
    .reverse()
    .find((e) => e.from !== e.to);
  if (entered) {
    add(delta, `statusSeconds.${from}`, Math.round((entry.at.getTime() - entered.at.getTime()) / 1000));
    add(delta, `statusExits.${from}`, 1);
  }
  switch (entry.action) {
    case 'ACCEPT':
      add(delta, entry.at <= order.respondBy ? 'respondedOnTime' : 'respondedLate', 1);
      break;
    case 'RETURN':
      add(delta, 'returned', 1);
      break;
    case 'REOPEN':
      add(delta, 'reopened', 1);
      break;
    case 'CANCEL':
      add(delta, 'cancelled', 1);
      break;
    case 'CLOSE': {
      add(delta, 'closed', 1);
      const resolved = order.timeline
        .slice(0, index)
        .reverse()
        .find((e) => e.action === 'RESOLVE');
      add(delta, resolved && resolved.at <= order.resolveBy ? 'resolvedOnTime' : 'resolvedLate', 1);
      if (order.satisfaction !== null) {
        add(delta, 'satisfactionSum', order.satisfaction);
        add(delta, 'satisfactionCount', 1);
        add(delta, `satisfaction.s${order.satisfaction}`, 1);
      }
      break;
    }
    default:
      break;
  }
  return delta;
}

/** Adds a delta to a bucket held in memory, as `$inc` does in the store (for seeds and tests). */
export function addDelta(bucket: StatisticsBucket, delta: CounterDelta): void {
  const target = bucket as unknown as Record<string, number | Record<string, number>>;
  for (const [path, n] of Object.entries(delta)) {
    const [head, key] = path.split('.') as [string, string?];
    if (key === undefined) {
      target[head] = ((target[head] as number | undefined) ?? 0) + n;
    } else {
      const map = (target[head] ??= {}) as Record<string, number>;
      map[key] = (map[key] ?? 0) + n;
    }
  }
}

/** Whether step `index` puts the order on a provider's desk or takes it off. */
export function providerLoadChange(order: ServiceOrder, index: number): { add: string | null; remove: string | null } {
  const entry = order.timeline[index];
  if (!entry || !entry.providerOrgId || entry.from === null || entry.from === entry.to) return { add: null, remove: null };
  const before = isAtProvider(entry.from);
  const after = isAtProvider(entry.to);
  return { add: !before && after ? entry.providerOrgId : null, remove: before && !after ? entry.providerOrgId : null };
}

export interface StatisticsView {
  submitted: number;
  byChannel: { channel: Channel; count: number }[];
  byCategory: { categoryCode: string; count: number }[];
  byStatus: { status: OrderStatus; count: number }[];
  byCommunity: { communityId: string; count: number }[];
  closed: number;
  cancelled: number;
  returned: number;
  reopened: number;
  escalated: number;
  responseOnTimeRate: number | null;
  resolutionOnTimeRate: number | null;
  averageSatisfaction: number | null;
  satisfaction: { score: number; count: number }[];
  averageTimeInStatus: { status: OrderStatus; seconds: number }[];
}

const sum = (buckets: StatisticsBucket[], pick: (b: StatisticsBucket) => number | undefined) =>
  buckets.reduce((n, b) => n + (pick(b) ?? 0), 0);
const rate = (yes: number, no: number) => (yes + no === 0 ? null : yes / (yes + no));

/** Adds buckets up into what the statistics query answers. */
export function summarize(buckets: StatisticsBucket[], categoryCodes: readonly string[]): StatisticsView {
  const byCommunity = new Map<string, number>();
  for (const b of buckets) byCommunity.set(b.communityId, (byCommunity.get(b.communityId) ?? 0) + (b.submitted ?? 0));
  const satisfactionCount = sum(buckets, (b) => b.satisfactionCount);
  return {
    submitted: sum(buckets, (b) => b.submitted),
    byChannel: CHANNELS.map((channel) => ({ channel, count: sum(buckets, (b) => b.channel?.[channel]) })),
    byCategory: categoryCodes.map((categoryCode) => ({ categoryCode, count: sum(buckets, (b) => b.category?.[categoryCode]) })),
    byStatus: ORDER_STATUSES.map((status) => ({ status, count: sum(buckets, (b) => b.status?.[status]) })),
    byCommunity: [...byCommunity]
      .map(([communityId, count]) => ({ communityId, count }))
      .sort((a, b) => b.count - a.count || a.communityId.localeCompare(b.communityId)),
    closed: sum(buckets, (b) => b.closed),
    cancelled: sum(buckets, (b) => b.cancelled),
    returned: sum(buckets, (b) => b.returned),
    reopened: sum(buckets, (b) => b.reopened),
    escalated: sum(buckets, (b) => b.escalated),
    responseOnTimeRate: rate(
      sum(buckets, (b) => b.respondedOnTime),
      sum(buckets, (b) => b.respondedLate),
    ),
    resolutionOnTimeRate: rate(
      sum(buckets, (b) => b.resolvedOnTime),
      sum(buckets, (b) => b.resolvedLate),
    ),
    averageSatisfaction: satisfactionCount === 0 ? null : sum(buckets, (b) => b.satisfactionSum) / satisfactionCount,
    satisfaction: [1, 2, 3, 4, 5].map((score) => ({ score, count: sum(buckets, (b) => b.satisfaction?.[`s${score}`]) })),
    averageTimeInStatus: ORDER_STATUSES.flatMap((status) => {
      const exits = sum(buckets, (b) => b.statusExits?.[status]);
      return exits === 0 ? [] : [{ status, seconds: Math.round(sum(buckets, (b) => b.statusSeconds?.[status]) / exits) }];
    }),
  };
}
