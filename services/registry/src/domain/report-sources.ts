import type { FigureSource } from '@sanshe/domain-kit';

/**
 * The district overview's figures that reproduce the source report (东方今报, "洛阳市涧西区：
 * '三社联动'打通服务群众'最后一公里'"), each with the sentence it comes from. A figure not listed
 * here (party members, residents, service posts, brands) is demo data.
 */
export const DISTRICT_OVERVIEW_SOURCES: readonly FigureSource[] = [
  { field: 'streets', reported: '11', citation: '在11个街道和71个社区均建成"区域党(工)委"' },
  { field: 'communities', reported: '71', citation: '在11个街道和71个社区均建成"区域党(工)委"' },
  { field: 'urbanCommunities', reported: '54', citation: '对54个城市社区服务大厅全部进行了标准化升级改造' },
  {
    field: 'standardisedServiceHalls',
    reported: '54',
    citation: '对54个城市社区服务大厅全部进行了标准化升级改造，实现"门牌、窗口、标识"的"三个统一"',
  },
  { field: 'regionalPartyCommittees', reported: '11 + 71', citation: '在11个街道和71个社区均建成"区域党(工)委"' },
  { field: 'coBuildingPartyOrganizations', reported: '338', citation: '融合338个党组织共驻共建' },
];

export type { FigureSource };
