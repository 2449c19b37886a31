/**
 * The platform's seed rows: the report's four investments (as lower bounds, with the report's
 * wording), 武汉路社区's party-mass service centre and 天九社区's neighbourhood centre (report
 * facts), and one terminal in each urban community's service hall (demo data: the report says
 * communities were equipped with dedicated front-end devices, not how many or where).
 */
import { COMMUNITIES, communityByName, SEEDED_AT, serviceCentreIds } from '@sanshe/seed-fixtures';
import type { CommunityCentre } from '../domain/community-centres';
import type { Investment } from '../domain/investments';
import { PLATFORM_MODULE_KEYS } from '../domain/platform';
import type { CommunityTerminal } from '../domain/terminals';

export interface PlatformSeed {
  centres: CommunityCentre[];
  investments: Investment[];
  terminals: CommunityTerminal[];
}

export const WUHAN_ROAD_CENTRE_ID = 'centre-wuhan-road-party-mass';
export const TIANJIU_NEIGHBOURHOOD_CENTRE_ID = 'centre-tianjiu-neighbourhood';

function centres(): CommunityCentre[] {
  const wuhan = communityByName('武汉路社区');
  const tianjiu = communityByName('天九社区');
  return [
    {
      _id: WUHAN_ROAD_CENTRE_ID,
      communityId: wuhan.id,
      streetId: wuhan.streetId,
      name: '武汉路社区党群服务中心',
      kind: 'PARTY_MASS_SERVICE_CENTRE',
      rooms: ['党员之家', '阅友之家', '创享社'],
      offerings: [
        {
          name: '“1+1+N”社区服务模式',
          description:
            'The community, its social workers and many partners (6 social organizations incl. 欣和社工, 3 professional social workers, volunteers) serving together.',
        },
        { name: '三家七社十色服务', description: "The centre's brand of services, as the report names it." },
      ],
      citation:
        '武汉路社区投入200余万元,健全了社区党群服务中心,设立了“党员之家”“阅友之家”“创享社”等功能室,引进欣和社工等6家社会组织,引入3名专业社工',
    },
    {
      _id: TIANJIU_NEIGHBOURHOOD_CENTRE_ID,
      communityId: tianjiu.id,
      streetId: tianjiu.streetId,
      name: '天九社区邻里中心',
      kind: 'NEIGHBOURHOOD_CENTRE',
      rooms: [],
      offerings: [
        { name: '生态时蔬花园课堂', description: "The community's own class on growing vegetables ecologically." },
        { name: '环保知识', description: 'Environmental knowledge taught at the centre.' },
        { name: '酵素制作', description: 'Making enzymes (酵素) from kitchen scraps, hands-on.' },
      ],
      citation: '现在社区邻里中心活动很丰富,今天在这里学到了环保知识,学做了酵素……参加完天九社区组织的“生态时蔬花园”课堂的韩桂芝高兴地说',
    },
  ];
}

const source = (reported: string, citation: string) => ({ field: 'amountAtLeastYuan', reported, citation });

function investments(): Investment[] {
  const wuhan = communityByName('武汉路社区');
  return [
    {
      _id: 'investment-wuhan-road-centre',
      purpose: '武汉路社区党群服务中心',
      fundedKind: 'COMMUNITY_CENTRE',
      centreId: WUHAN_ROAD_CENTRE_ID,
      communityId: wuhan.id,
      serviceCentreIds: [],
      built: ['社区党群服务中心', '党员之家', '阅友之家', '创享社'],
      amountAtLeastYuan: 2_000_000,
      source: source('200余万元', '涧西区武汉路社区投入200余万元,健全了社区党群服务中心,设立了“党员之家”“阅友之家”“创享社”等功能室'),
    },
    {
      _id: 'investment-information-centre',
      purpose: '信息中心',
      fundedKind: 'INFORMATION_CENTRE',
      centreId: null,
      communityId: null,
      serviceCentreIds: [],
      built: ['信息中心', '社区信息平台前端专用设备'],
      amountAtLeastYuan: 10_000_000,
      source: source('1000余万元', '投入1000余万元,高标准建设信息中心,为社区配备了信息平台前端专用设备,推动智慧社区建设'),
    },
    {
      _id: 'investment-social-org-service-centres',
      purpose: '三级社会组织服务中心',
      fundedKind: 'SOCIAL_ORG_SERVICE_CENTRES',
      centreId: null,
      communityId: null,
      // 区、街道和社区三级: the district's, every street's and every community's centre.
      serviceCentreIds: serviceCentreIds.all(),
      built: ['区级社会组织服务中心', '街道社会组织服务中心', '社区社会组织服务中心'],
      amountAtLeastYuan: 3_000_000,
      source: source('300余万元', '投入300余万元,建设了区、街道和社区三级社会组织服务中心'),
    },
    {
      _id: 'investment-information-platform',
      purpose: '“三社联动”信息平台',
      fundedKind: 'INFORMATION_PLATFORM',
      centreId: null,
      communityId: null,
      serviceCentreIds: [],
      built: ['政务通', '服务通', '活动通', '社区动态'],
      amountAtLeastYuan: 5_000_000,
      source: source('500余万元', '涧西区投资500余万元搭建集政务通、服务通、活动通、社区动态等于一体的“三社联动”信息平台'),
    },
  ];
}

function terminals(): CommunityTerminal[] {
  return COMMUNITIES.filter((c) => c.urban).map((c) => ({
    _id: `terminal-${c.id}-hall-1`,
    communityId: c.id,
    streetId: c.streetId,
    name: '服务大厅一号机',
    kind: 'SELF_SERVICE_KIOSK',
    location: `${c.name}党群服务中心·服务大厅`,
    status: 'ONLINE',
    statusNote: null,
    statusChangedAt: SEEDED_AT,
    modules: [...PLATFORM_MODULE_KEYS],
    registeredAt: SEEDED_AT,
  }));
}

export function buildPlatformSeed(): PlatformSeed {
  return { centres: centres(), investments: investments(), terminals: terminals() };
}
