import type { FigureSource } from '@sanshe/service-kit';

export type FundedKind = 'COMMUNITY_CENTRE' | 'INFORMATION_CENTRE' | 'SOCIAL_ORG_SERVICE_CENTRES' | 'INFORMATION_PLATFORM';

/**
 * 投入 — money the district put into something it built. The report gives amounts as
 * lower bounds ("200余万元": more than two million yuan), so the record keeps the bound it
 * can vouch for and the report's own wording, never an invented exact sum.
 */
export interface Investment {
  _id: string;
  purpose: string;
  fundedKind: FundedKind;
  /** Set when the funded thing is one community centre. */
  centreId: string | null;
  communityId: string | null;
  /** What the money built, as the report lists it. */
  built: string[];
  amountAtLeastYuan: number;
  source: FigureSource;
}
