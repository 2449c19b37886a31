import { randomUUID } from 'node:crypto';
import { authorize, BadInputError, NotFoundError, type FigureSource } from '@sanshe/domain-kit';
import type { CommunityCentre } from './community-centres';
import { requireRole, text, type Caller } from './rules';

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
  /**
   * For SOCIAL_ORG_SERVICE_CENTRES: the social-organization service centres it built (social-orgs
   * owns them; the graph resolves them there). Empty for every other kind.
   */
  serviceCentreIds: string[];
  /** What the money built, as the report lists it. */
  built: string[];
  amountAtLeastYuan: number;
  /** The report's wording and sentence; null for an investment recorded that the report does not state. */
  source: FigureSource | null;
}

export const FUNDED_KINDS: readonly FundedKind[] = [
  'COMMUNITY_CENTRE',
  'INFORMATION_CENTRE',
  'SOCIAL_ORG_SERVICE_CENTRES',
  'INFORMATION_PLATFORM',
];

/** One district, its streets and its communities: the three levels never come near this many centres. */
const MAX_SERVICE_CENTRES = 500;

export interface InvestmentStore {
  centre(id: string): Promise<CommunityCentre | null>;
  insertInvestment(investment: Investment): Promise<Investment>;
}

export interface RecordInvestmentInput {
  purpose: string;
  fundedKind: FundedKind;
  /** Required for COMMUNITY_CENTRE, refused for every other kind. */
  centreId?: string | null;
  /** Only for SOCIAL_ORG_SERVICE_CENTRES: the service centres (social-orgs' ids) the money built. */
  serviceCentreIds?: readonly string[] | null;
  built: string[];
  amountAtLeastYuan: number;
  /** Where the report states it; omitted or null when it is not a figure of the report. */
  source?: { reported: string; citation: string } | null;
}

/**
 * Records money the district put into something it built. The district funds them, so
 * DISTRICT_ADMIN records any; a street's staff may record one only for a community centre in
 * their street. No event: no other context reads investments today.
 */
export async function recordInvestment(input: RecordInvestmentInput, caller: Caller, store: InvestmentStore): Promise<Investment> {
  requireRole(caller.identity, 'record an investment', ['DISTRICT_ADMIN', 'STREET_STAFF']);
  const purpose = text('purpose', input.purpose, 100);
  if (!FUNDED_KINDS.includes(input.fundedKind))
    throw new BadInputError('fundedKind', `fundedKind must be one of ${FUNDED_KINDS.join(', ')}.`);
  const centreId = input.centreId?.trim() || null;
  if (input.fundedKind === 'COMMUNITY_CENTRE' && !centreId)
    throw new BadInputError('centreId', 'An investment in a COMMUNITY_CENTRE names the centre it funded (centreId).');
  if (input.fundedKind !== 'COMMUNITY_CENTRE' && centreId)
    throw new BadInputError('centreId', `Only a COMMUNITY_CENTRE investment names a centre; drop centreId for ${input.fundedKind}.`);
  const serviceCentreIds = [...new Set((input.serviceCentreIds ?? []).map((id) => id.trim()))];
  if (serviceCentreIds.some((id) => !id)) throw new BadInputError('serviceCentreIds', 'serviceCentreIds holds no empty ids.');
  if (serviceCentreIds.length > MAX_SERVICE_CENTRES)
    throw new BadInputError('serviceCentreIds', `Name at most ${MAX_SERVICE_CENTRES} service centres in one investment.`);
  if (serviceCentreIds.length > 0 && input.fundedKind !== 'SOCIAL_ORG_SERVICE_CENTRES')
    throw new BadInputError(
      'serviceCentreIds',
      `Only a SOCIAL_ORG_SERVICE_CENTRES investment names service centres; drop serviceCentreIds for ${input.fundedKind}.`,
    );
  if (input.built.length === 0) throw new BadInputError('built', 'List at least one thing the money built.');
  const built = input.built.map((b, i) => text(`built[${i}]`, b, 60));
  if (!Number.isInteger(input.amountAtLeastYuan) || input.amountAtLeastYuan <= 0)
    throw new BadInputError(
      'amountAtLeastYuan',
      'amountAtLeastYuan is a whole number of yuan above 0 (the lower bound the record vouches for).',
    );
  const source: FigureSource | null = input.source
    ? {
        field: 'amountAtLeastYuan',
        reported: text('source.reported', input.source.reported, 40),
        citation: text('source.citation', input.source.citation, 500),
      }
    : null;
  let centre: CommunityCentre | null = null;
  if (centreId) {
    centre = await store.centre(centreId);
    if (!centre) throw new NotFoundError('CommunityCentre', centreId);
  }
  authorize(caller.identity, {
    action: centre ? `record an investment in community centre ${centre._id}` : `record an investment in ${input.fundedKind}`,
    // Only the district funds the district-wide things; a street its own community centres too.
    roles: centre ? ['DISTRICT_ADMIN', 'STREET_STAFF'] : ['DISTRICT_ADMIN'],
    scope: centre ? { streetId: centre.streetId } : undefined,
  });
  const investment: Investment = {
    _id: `investment-${randomUUID()}`,
    purpose,
    fundedKind: input.fundedKind,
    centreId: centre?._id ?? null,
    communityId: centre?.communityId ?? null,
    serviceCentreIds,
    built,
    amountAtLeastYuan: input.amountAtLeastYuan,
    source,
  };
  return store.insertInvestment(investment);
}
