import { randomUUID } from 'node:crypto';
import { authorize, BadInputError, ConflictError, NotFoundError, type OutboxEntry } from '@sanshe/domain-kit';
import type { EventFactory } from '@sanshe/service-kit';
import { PROJECT_MATCHED } from './events';
import type { PartyOrganizationStore } from './party-organizations';
import { optionalText, requireRole, TERRITORY_STAFF, territoryScope, text, type Caller } from './rules';
import { committeeIdOf, type TerritoryStore } from './territory';

export type ResourceCategory = 'VENUE' | 'FUNDING' | 'VOLUNTEERS' | 'EXPERTISE' | 'MATERIALS' | 'OTHER';

export interface ProjectMatch {
  needId: string;
  matchedAt: Date;
  note: string | null;
  /** Why an offer of another kind than the need's was matched anyway; null for a same-kind match. */
  kindMismatchReason?: string | null;
}

/**
 * 精准对接 — precise matching: an offer serves a need of its own kind (funding for funding, a
 * venue for a venue). Matching across kinds needs a stated reason, kept with the match.
 */
export function checkMatchKind(
  offer: Pick<ResourceOffer, '_id' | 'category'>,
  need: Pick<ProjectNeed, '_id' | 'category'>,
  reason: string | null,
): void {
  if (offer.category === need.category || reason) return;
  throw new BadInputError(
    'kindMismatchReason',
    `Offer ${offer._id} offers ${offer.category} but need ${need._id} asks for ${need.category}; match an offer of the same kind, or give kindMismatchReason to match across kinds.`,
  );
}

/** A resource offered by a co-building member unit; once matched, the match lives in the offer itself. */
export interface ResourceOffer {
  _id: string;
  title: string;
  description: string;
  category: ResourceCategory;
  organizationId: string;
  committeeId: string;
  streetId: string;
  communityId: string | null;
  status: 'OPEN' | 'MATCHED';
  match: ProjectMatch | null;
  postedAt: Date;
}

export interface ProjectNeed {
  _id: string;
  title: string;
  description: string;
  category: ResourceCategory;
  communityId: string;
  streetId: string;
  committeeId: string;
  postedAt: Date;
}

export interface CoBuildingStore {
  offer(id: string): Promise<ResourceOffer | null>;
  need(id: string): Promise<ProjectNeed | null>;
  insertOffer(offer: ResourceOffer): Promise<ResourceOffer>;
  insertNeed(need: ProjectNeed): Promise<ProjectNeed>;
  /** Commits the offer only while it is still OPEN, with its events, in one write. */
  commitOffer(offerId: string, match: ProjectMatch, events: OutboxEntry[]): Promise<ResourceOffer | null>;
}

export interface CoBuildingDeps {
  projects: CoBuildingStore;
  organizations: PartyOrganizationStore;
  territory: TerritoryStore;
  events: Pick<EventFactory, 'create'>;
}

export interface PostResourceOfferInput {
  organizationId: string;
  title: string;
  description: string;
  category: ResourceCategory;
}

export async function postResourceOffer(input: PostResourceOfferInput, caller: Caller, deps: CoBuildingDeps): Promise<ResourceOffer> {
  const action = 'post a co-building resource offer';
  requireRole(caller.identity, action, TERRITORY_STAFF);
  const title = text('title', input.title, 80);
  const description = text('description', input.description, 1000);
  const org = await deps.organizations.organization(input.organizationId);
  if (!org) throw new NotFoundError('PartyOrganization', input.organizationId);
  if (!org.coBuilding)
    throw new BadInputError(
      'organizationId',
      `${org.name} is not in regional co-building; it must join a regional party committee before it can offer resources.`,
    );
  const committee = await deps.territory.committee(org.coBuilding.committeeId);
  if (!committee) throw new NotFoundError('RegionalPartyCommittee', org.coBuilding.committeeId);
  authorize(caller.identity, { action: `${action} to ${committee.name}`, roles: TERRITORY_STAFF, scope: territoryScope(committee) });
  return deps.projects.insertOffer({
    _id: `offer-${randomUUID()}`,
    title,
    description,
    category: input.category,
    organizationId: org._id,
    committeeId: committee._id,
    streetId: committee.streetId,
    communityId: committee.communityId,
    status: 'OPEN',
    match: null,
    postedAt: new Date(),
  });
}

export interface PostProjectNeedInput {
  communityId: string;
  title: string;
  description: string;
  category: ResourceCategory;
}

export async function postProjectNeed(input: PostProjectNeedInput, caller: Caller, deps: CoBuildingDeps): Promise<ProjectNeed> {
  const action = `post a project need of community ${input.communityId}`;
  requireRole(caller.identity, action, TERRITORY_STAFF);
  const title = text('title', input.title, 80);
  const description = text('description', input.description, 1000);
  const community = await deps.territory.community(input.communityId);
  if (!community) throw new NotFoundError('Community', input.communityId);
  authorize(caller.identity, {
    action,
    roles: TERRITORY_STAFF,
    scope: territoryScope({ streetId: community.streetId, communityId: community._id }),
  });
  return deps.projects.insertNeed({
    _id: `need-${randomUUID()}`,
    title,
    description,
    category: input.category,
    communityId: community._id,
    streetId: community.streetId,
    committeeId: community.regionalCommittee._id,
    postedAt: new Date(),
  });
}

/**
 * Precise matching: an open offer is committed to a need of the same co-building area —
 * offers made to the need's community committee or to its street's committee. Several
 * offers may be pooled for one need; an offer serves one need.
 */
export async function matchResourceOffer(
  offerId: string,
  needId: string,
  note: string | null | undefined,
  caller: Caller,
  deps: CoBuildingDeps,
  kindMismatchReason?: string | null,
): Promise<{ offer: ResourceOffer; needId: string }> {
  const action = `match resource offer ${offerId} to project need ${needId}`;
  requireRole(caller.identity, action, TERRITORY_STAFF);
  const cleanNote = optionalText('note', note, 500) ?? null;
  const reason = optionalText('kindMismatchReason', kindMismatchReason, 500) ?? null;
  const [offer, need] = await Promise.all([deps.projects.offer(offerId), deps.projects.need(needId)]);
  if (!offer) throw new NotFoundError('ResourceOffer', offerId);
  if (!need) throw new NotFoundError('ProjectNeed', needId);
  authorize(caller.identity, { action, roles: TERRITORY_STAFF, scope: territoryScope(need) });
  const area = [need.committeeId, committeeIdOf(need.streetId)];
  if (!area.includes(offer.committeeId)) {
    throw new BadInputError(
      'offerId',
      `Offer ${offerId} was made to ${offer.committeeId}; a need of community ${need.communityId} can draw on its own committee or its street's only.`,
    );
  }
  checkMatchKind(offer, need, reason);
  if (offer.status !== 'OPEN')
    throw new ConflictError(`Offer ${offerId} is already committed to project need ${offer.match?.needId ?? 'another need'}.`);
  const matchedAt = new Date();
  const event = deps.events.create(
    PROJECT_MATCHED,
    need._id,
    {
      needId: need._id,
      offerId: offer._id,
      communityId: need.communityId,
      streetId: need.streetId,
      offeringOrganizationId: offer.organizationId,
      committeeId: offer.committeeId,
      category: offer.category,
      matchedAt: matchedAt.toISOString(),
    },
    caller.traceparent,
  );
  const committed = await deps.projects.commitOffer(
    offer._id,
    { needId: need._id, matchedAt, note: cleanNote, kindMismatchReason: offer.category === need.category ? null : reason },
    [event],
  );
  if (!committed) throw new ConflictError(`Offer ${offerId} was committed to another need meanwhile.`);
  return { offer: committed, needId: need._id };
}
