import { COMMUNITIES, HISTORY_END, HISTORY_START, pad, SeededRandom, STREETS } from '@sanshe/seed-fixtures';
import { localDay } from '../domain/calendar';
import type { Notice } from '../domain/model';

const POLICY_TOPICS = [
  '城乡居民医保缴费提醒',
  '高龄津贴申领通知',
  '养老服务补贴政策解读',
  '低保年审工作安排',
  '冬季供暖与燃气安全提示',
  '残疾人两项补贴调整',
  '退役军人优待证办理',
  '就业困难人员认定办法',
  '防范养老诈骗告知书',
  '老旧小区改造意见征集',
  '垃圾分类管理办法',
  '家庭医生签约服务指南',
];
/** What a street publishes: its news (社区动态) and two policy notices (政策告知) that tell residents what to do. */
const STREET_NOTICES: { kind: Notice['kind']; title: string; body: string }[] = [
  { kind: 'COMMUNITY_NEWS', title: '睦邻节', body: '睦邻节活动，欢迎辖区居民参加。' },
  { kind: 'COMMUNITY_NEWS', title: '社会组织公益创投路演', body: '社会组织公益创投路演，欢迎辖区居民观摩。' },
  {
    kind: 'POLICY_NOTICE',
    title: '关于开展高龄津贴年度认证的通知',
    body: '请80周岁以上老人或家属携带身份证到所在社区服务大厅完成年度认证，行动不便的可拨打服务热线预约上门。',
  },
  { kind: 'COMMUNITY_NEWS', title: '志愿服务表彰会', body: '志愿服务表彰会，欢迎辖区居民参加。' },
  { kind: 'COMMUNITY_NEWS', title: '社工站开放日', body: '社工站开放日，欢迎辖区居民参观咨询。' },
  {
    kind: 'POLICY_NOTICE',
    title: '关于城乡居民医疗保险集中缴费的通知',
    body: '集中缴费期内可通过手机APP、社区服务大厅或呼叫中心办理，逾期将影响次年待遇。',
  },
  { kind: 'COMMUNITY_NEWS', title: '平安建设宣传周', body: '平安建设宣传周，欢迎辖区居民参加。' },
  { kind: 'COMMUNITY_NEWS', title: '党群服务中心新址启用', body: '党群服务中心新址启用，欢迎辖区居民前来办事。' },
];
const COMMUNITY_NEWS = [
  '睦邻学堂开课啦',
  '我家菜园收获节',
  '百姓茶馆议事会',
  '垃圾分类小课堂',
  '广场舞排班表更新',
  '党员服务岗上岗',
  '润贤银行积分兑换日',
  '长者生日会',
];

const DAY_MS = 86_400_000;

/** Policy notices (政策告知) and community news (社区动态) over the two years of history. */
export function seededNotices(): Notice[] {
  const rng = new SeededRandom('sanshe-notices');
  const days = Math.floor((HISTORY_END.getTime() - HISTORY_START.getTime()) / DAY_MS);
  const when = () => new Date(HISTORY_START.getTime() + rng.int(0, days - 1) * DAY_MS + rng.int(8, 17) * 3_600_000);
  const notices: Notice[] = [];
  for (let month = 0; month < 24; month += 1) {
    const publishedAt = new Date(HISTORY_START.getTime() + month * 30 * DAY_MS + 9 * 3_600_000);
    const topic = POLICY_TOPICS[month % POLICY_TOPICS.length]!;
    notices.push({
      _id: `notice-district-${pad(month + 1, 2)}`,
      kind: 'POLICY_NOTICE',
      scope: 'DISTRICT',
      streetId: null,
      communityId: null,
      title: `${localDay(publishedAt).slice(0, 4)}年${topic}`,
      body: `涧西区关于${topic}的告知：详情请咨询所在社区服务大厅，或拨打服务热线。`,
      publishedAt,
      publishedBy: 'district-admin',
    });
  }
  for (const street of STREETS) {
    STREET_NOTICES.forEach(({ kind, title, body }, i) => {
      notices.push({
        _id: `notice-${street.id}-${pad(i + 1, 2)}`,
        kind,
        scope: 'STREET',
        streetId: street.id,
        communityId: null,
        // Street names end in 街道 already ("天津路街道睦邻节", not "天津路街道街道睦邻节").
        title: `${street.name}${title}`,
        body: `${street.name}${body}`,
        publishedAt: when(),
        publishedBy: `staff-${street.id}`,
      });
    });
  }
  for (const community of COMMUNITIES) {
    for (let i = 0; i < 6; i += 1) {
      const title = COMMUNITY_NEWS[(i + Number(community.id.slice(-3))) % COMMUNITY_NEWS.length]!;
      notices.push({
        _id: `notice-${community.id}-${pad(i + 1, 2)}`,
        kind: 'COMMUNITY_NEWS',
        scope: 'COMMUNITY',
        streetId: community.streetId,
        communityId: community.id,
        title: `${community.name}${title}`,
        body: `${community.name}${title}，请居民朋友相互转告。`,
        publishedAt: when(),
        publishedBy: `staff-${community.id}-1`,
      });
    }
  }
  return notices;
}
