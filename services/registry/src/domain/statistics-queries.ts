import type { FigureSource } from '@sanshe/domain-kit';
import { DISTRICT_OVERVIEW_SOURCES } from './report-sources';
import { districtOverview, type DistrictOverview, type OverviewSource } from './statistics';

export interface OverviewReader {
  /** Everything the district overview needs, read from small collections and the communities' counters. */
  overviewSource(): Promise<OverviewSource>;
}

/** The district overview with the report sentences its figures reproduce. */
export async function readDistrictOverview(reader: OverviewReader): Promise<DistrictOverview & { sources: readonly FigureSource[] }> {
  return { ...districtOverview(await reader.overviewSource()), sources: DISTRICT_OVERVIEW_SOURCES };
}
