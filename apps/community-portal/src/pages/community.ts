import { chart } from '../charts';
import { dateTime, errorList, h, whenDone } from '../dom';
import { run, type GraphError } from '../graph';
import type { CommunityOpenOrdersQuery } from '../gql/graphql';
import { AcceptServiceOrder, CommunityList, CommunityOpenOrders, CommunityOverview, CommunityRanking } from '../operations';
import { session } from '../session';

const STAFF_ROLES = new Set(['COMMUNITY_STAFF', 'STREET_STAFF', 'SOCIAL_WORKER', 'DISTRICT_ADMIN']);

/** Which community to show: the one in the address, else a staff member's own, else a list to choose from. */
export async function communityPage(id: string | undefined): Promise<HTMLElement> {
  const chosen = id ?? (session.role === 'COMMUNITY_STAFF' || session.role === 'SOCIAL_WORKER' ? (session.scope ?? undefined) : undefined);
  if (!chosen) return communityChooser();
  const page = h('section', { 'data-testid': 'community-page' });
  // Three queries, not one: each section has its own audience, and a refusal of one
  // (the ranking for anonymous callers, the orders for residents) leaves the others standing.
  const [overview, ranking, orders] = await Promise.all([
    run(CommunityOverview, { id: chosen }),
    run(CommunityRanking, { id: chosen }),
    session.role && STAFF_ROLES.has(session.role) ? run(CommunityOpenOrders, { id: chosen }) : Promise.resolve(null),
  ]);
  const community = overview.data?.community;
  page.append(h('h1', {}, community ? `${community.name}（${community.street.name}）` : '社区'), errorList(overview.errors));
  if (!community) {
    if (overview.errors.length === 0) page.append(h('p', {}, `没有这个社区: ${chosen}`));
    return page;
  }
  page.append(
    h('p', {}, `居民 ${community.residentCount} · 已发布活动 ${community.publishedActivityCount}`),
    h('h2', {}, '近期活动'),
    h(
      'ul',
      { 'data-testid': 'upcoming' },
      ...community.upcomingActivities.map((a) =>
        h(
          'li',
          {},
          `${dateTime(a.startsAt)} ${a.title} — 余位 ${a.seatsLeft}/${a.capacity}${a.waitlistLength ? `，候补 ${a.waitlistLength}` : ''}`,
        ),
      ),
    ),
  );
  if (community.upcomingActivities.length === 0) page.append(h('p', {}, '暂无近期活动'));

  page.append(h('h2', {}, '积分榜'), errorList(ranking.errors));
  const ranks = ranking.data?.virtueRanking ?? [];
  if (ranks.length > 0) {
    page.append(
      chart('chart-points', {
        type: 'bar',
        data: {
          labels: ranks.map((r) => `#${r.rank} ${r.resident.id}`),
          datasets: [{ label: '累计获得积分', data: ranks.map((r) => r.earnedPoints) }],
        },
        options: { indexAxis: 'y' },
      }),
    );
  } else if (ranking.errors.length === 0) page.append(h('p', {}, '还没有人获得积分'));

  if (orders) page.append(h('h2', {}, '待办工单'), openOrders(chosen, orders.data?.community?.serviceOrders ?? [], orders.errors));
  return page;
}

type Order = NonNullable<CommunityOpenOrdersQuery['community']>['serviceOrders'][number];

function openOrders(communityId: string, orders: Order[], errors: GraphError[]): HTMLElement {
  const box = h('div', { 'data-testid': 'open-orders' }, errorList(errors));
  if (orders.length === 0 && errors.length === 0) box.append(h('p', {}, '没有待办工单'));
  for (const order of orders) {
    const row = h(
      'div',
      { class: 'order', 'data-testid': `order-${order.id}` },
      h('span', {}, `${order.number} ${order.item.name} · 响应时限 ${dateTime(order.deadlines.respondBy)} · `),
      h('strong', { 'data-testid': 'order-status' }, order.status),
    );
    if (order.nextActions.includes('ACCEPT')) {
      const accept = h('button', { type: 'button', 'data-testid': 'accept' }, '接单');
      accept.addEventListener(
        'click',
        whenDone(async () => {
          accept.disabled = true;
          const { data, errors: failed } = await run(AcceptServiceOrder, { id: order.id });
          if (data) {
            row.querySelector('[data-testid=order-status]')!.textContent = data.acceptServiceOrder.status;
            accept.remove();
          } else {
            accept.disabled = false;
            row.append(errorList(failed));
          }
        }),
      );
      row.append(' ', accept);
    }
    box.append(row);
  }
  box.dataset.community = communityId;
  return box;
}

async function communityChooser(): Promise<HTMLElement> {
  const { data, errors } = await run(CommunityList);
  return h(
    'section',
    { 'data-testid': 'community-chooser' },
    h('h1', {}, '选择社区'),
    errorList(errors),
    h(
      'ul',
      {},
      ...(data?.communities ?? []).map((c) =>
        h('li', {}, h('a', { href: `#/community/${encodeURIComponent(c.id)}` }, `${c.street.name} · ${c.name}`)),
      ),
    ),
  );
}
