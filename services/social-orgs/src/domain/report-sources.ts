import type { FigureSource } from '@sanshe/domain-kit';

/**
 * The social-organization and social-worker figures that reproduce the source report (东方今报,
 * "洛阳市涧西区：'三社联动'打通服务群众'最后一公里'"), each with the sentence it comes from. Any
 * figure not listed (contracts, budgets, KPIs, organizations at centres) is demo data.
 */
export const SOCIAL_ORG_OVERVIEW_SOURCES: readonly FigureSource[] = [
  { field: 'organizations', reported: '229', citation: '涧西区已有各类社会组织229家' },
  { field: 'hubs', reported: '10余家', citation: '枢纽型社会组织10余家' },
  { field: 'partyBranches', reported: '6', citation: '党支部6家，党员101人' },
  { field: 'partyMembersInBranches', reported: '101', citation: '党支部6家，党员101人' },
  { field: 'centres', reported: '区、街道和社区三级', citation: '投入300余万元，建设了区、街道和社区三级社会组织服务中心' },
];

export const SOCIAL_WORKER_STATS_SOURCES: readonly FigureSource[] = [
  { field: 'total', reported: '166', citation: '对辖区166名社工进行目标考评' },
  { field: 'under35Share', reported: '85%', citation: '目前队伍中35岁以下的占85%' },
  { field: 'collegeShare', reported: '92%', citation: '大专以上学历的占92%' },
  { field: 'certifiedShare', reported: '1/5', citation: '拥有社工师资格的达1/5' },
  { field: 'certifiedAllWorkers', reported: '100多名', citation: '目前，涧西区已有100多名社工师' },
];

export type { FigureSource };
