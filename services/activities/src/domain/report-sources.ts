import type { FigureSource } from '@sanshe/domain-kit';

/**
 * The activity figures that reproduce the source report (东方今报, "洛阳市涧西区：'三社联动'
 * 打通服务群众'最后一公里'"): the two-year totals, district-wide. The breakdowns by month,
 * category and community are demo data.
 */
export const ACTIVITY_STATS_SOURCES: readonly FigureSource[] = [
  { field: 'activities', reported: '7000余场', citation: '两年来共开展活动7000余场' },
  { field: 'participations', reported: '15万人次', citation: '服务居民累计达15万人次' },
];

export type { FigureSource };
