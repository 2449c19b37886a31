import { chart } from '../charts';
import { errorList, h, percent } from '../dom';
import { run } from '../graph';
import type { DistrictFiguresQuery } from '../gql/graphql';
import { DistrictActivities, DistrictFigures, DistrictOrders, DistrictPoints } from '../operations';

const FIGURES: [field: keyof Omit<DistrictFiguresQuery['districtOverview'], 'sources' | '__typename'>, label: string][] = [
  ['streets', '街道'],
  ['communities', '社区'],
  ['urbanCommunities', '城市社区'],
  ['ruralCommunities', '农村社区'],
  ['standardisedServiceHalls', '标准化党群服务中心'],
  ['regionalPartyCommittees', '区域化党建联合体'],
  ['partyOrganizations', '党组织'],
  ['coBuildingPartyOrganizations', '共建党组织'],
  ['residents', '居民'],
];

/** 区情 — the district's report figures, each beside the report sentence it comes from, and three charts. */
export async function districtPage(): Promise<HTMLElement> {
  // The graph counts whole business months (YYYY-MM, Asia/Shanghai): January of last year to now.
  const until = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
  const since = `${Number(until.slice(0, 4)) - 1}-01`;
  const [figures, activities, orders, points] = await Promise.all([
    run(DistrictFigures),
    run(DistrictActivities, { since }),
    run(DistrictOrders),
    run(DistrictPoints, { since, until }),
  ]);
  const page = h('section', { 'data-testid': 'district-page' }, h('h1', {}, '区情概览'), errorList(figures.errors));

  const overview = figures.data?.districtOverview;
  if (overview) {
    const sourceOf = new Map(overview.sources.map((s) => [s.field, s]));
    const rows = FIGURES.map(([field, label]) => {
      const source = sourceOf.get(field);
      return h(
        'tr',
        { 'data-testid': `figure-${field}` },
        h('td', {}, label),
        h('td', {}, String(overview[field])),
        h('td', { class: source ? 'source' : 'demo' }, source ? `报告: ${source.reported} — ${source.citation}` : '演示数据 (demo data)'),
      );
    });
    page.append(
      h(
        'table',
        { class: 'figures' },
        h('thead', {}, h('tr', {}, h('th', {}, '指标'), h('th', {}, '数值'), h('th', {}, '来源'))),
        h('tbody', {}, ...rows),
      ),
    );
  }

  page.append(h('h2', {}, `活动 (自 ${since})`), errorList(activities.errors));
  const months = activities.data?.activityStats.byMonth;
  if (months) {
    page.append(
      chart('chart-activities', {
        type: 'bar',
        data: {
          labels: months.map((m) => m.key),
          datasets: [
            { label: '活动', data: months.map((m) => m.activities) },
            { label: '参与人次', data: months.map((m) => m.participations) },
          ],
        },
      }),
    );
  }

  const earned = points.data?.pointsEarnedByMonth;
  page.append(
    h('h2', {}, earned ? `润贤银行积分 (共 ${earned.reduce((sum, m) => sum + m.points, 0)})` : '润贤银行积分'),
    errorList(points.errors),
  );
  if (earned) {
    page.append(
      chart('chart-points', {
        type: 'line',
        data: { labels: earned.map((m) => m.month), datasets: [{ label: '获得积分', data: earned.map((m) => m.points) }] },
      }),
    );
  }

  const stats = orders.data?.serviceStatistics;
  page.append(h('h2', {}, stats ? `工单 (共 ${stats.submitted})` : '工单'), errorList(orders.errors));
  if (stats) {
    page.append(
      h('p', { 'data-testid': 'sla' }, `按时响应 ${percent(stats.responseOnTimeRate)} · 按时办结 ${percent(stats.resolutionOnTimeRate)}`),
      chart('chart-orders', {
        type: 'doughnut',
        data: { labels: stats.byStatus.map((s) => s.status), datasets: [{ label: '工单', data: stats.byStatus.map((s) => s.count) }] },
      }),
    );
  }
  return page;
}
