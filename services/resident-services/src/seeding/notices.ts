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
const STREET_NEWS = ['街道睦邻节', '社会组织公益创投路演', '街道志愿服务表彰会', '三社联动工作推进会', '社工站开放日', '街道文艺汇演', '平安建设宣传周', '党群服务中心新址启用'];
const COMMUNITY_NEWS = ['社区睦邻学堂开课啦', '我家菜园收获节', '百姓茶馆议事会', '生态时蔬花园课堂', '广场舞排班表更新', '党员服务岗上岗', '润贤银行积分兑换日', '长者生日会'];

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
    STREET_NEWS.forEach((title, i) => {
      notices.push({
        _id: `notice-${street.id}-${pad(i + 1, 2)}`,
        kind: i % 3 === 2 ? 'POLICY_NOTICE' : 'COMMUNITY_NEWS',
        scope: 'STREET',
        streetId: street.id,
        communityId: null,
        title: `${street.name}${title}`,
        body: `${street.name}${title}，欢迎辖区居民参加。`,
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
