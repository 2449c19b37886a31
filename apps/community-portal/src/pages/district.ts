import { chart } from '../charts';
import { errorList, h, percent } from '../dom';
import { run } from '../graph';
import { DistrictPage } from '../operations';

const FIGURES: [field: string, label: string][] = [
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
  const { data, errors } = await run(DistrictPage, { since, until });
  const page = h('section', { 'data-testid': 'district-page' }, h('h1', {}, '区情概览'), errorList(errors));
  if (!data) return page;
  const overview = data.districtOverview as unknown as Record<string, number> & { sources: typeof data.districtOverview.sources };
  const sourceOf = new Map(data.districtOverview.sources.map((s) => [s.field, s]));
  page.append(
    h(
      'table',
      { class: 'figures' },
      h('thead', {}, h('tr', {}, h('th', {}, '指标'), h('th', {}, '数值'), h('th', {}, '来源'))),
      h(
        'tbody',
        {},
        ...FIGURES.map(([field, label]) => {
          const source = sourceOf.get(field);
          return h(
            'tr',
            { 'data-testid': `figure-${field}` },
            h('td', {}, label),
            h('td', {}, String(overview[field])),
            h('td', { class: source ? 'source' : 'demo' }, source ? `报告: ${source.reported} — ${source.citation}` : '演示数据 (demo data)'),
          );
        }),
      ),
    ),
  );
  const months = data.activityStats.byMonth;
  page.append(
    h('h2', {}, `活动 (自 ${since})`),
    chart('chart-activities', {
      type: 'bar',
      data: { labels: months.map((m) => m.key), datasets: [{ label: '活动', data: months.map((m) => m.activities) }, { label: '参与人次', data: months.map((m) => m.participations) }] },
    }),
  );
  const points = data.pointsEarnedByMonth;
  page.append(
    h('h2', {}, `润贤银行积分 (共 ${points.reduce((sum, m) => sum + m.points, 0)})`),
    chart('chart-points', {
      type: 'line',
      data: { labels: points.map((m) => m.month), datasets: [{ label: '获得积分', data: points.map((m) => m.points) }] },
    }),
  );
  const stats = data.serviceStatistics;
  page.append(
    h('h2', {}, `工单 (共 ${stats.submitted})`),
    h('p', { 'data-testid': 'sla' }, `按时响应 ${percent(stats.responseOnTimeRate)} · 按时办结 ${percent(stats.resolutionOnTimeRate)}`),
    chart('chart-orders', {
      type: 'doughnut',
      data: { labels: stats.byStatus.map((s) => s.status), datasets: [{ label: '工单', data: stats.byStatus.map((s) => s.count) }] },
    }),
  );
  return page;
}
