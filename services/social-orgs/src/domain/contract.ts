import { randomUUID } from 'node:crypto';
import {
  AlreadyExistsError,
  authorize,
  BadInputError,
  ConflictError,
  NotFoundError,
  type OutboxEntry,
  type Policy,
} from '@sanshe/domain-kit';
import type { EventFactory } from '@sanshe/service-kit';
import type { KnownCommunity } from '@sanshe/community-directory';
import { addDays, idList, parseDay, requireText, today, type Caller } from './common';
import {
  claimHolds,
  claimsFor,
  effectiveEnd,
  isFirstOfMonth,
  isLastOfMonth,
  monthFromClaimId,
  monthOf,
  type ClaimOwner,
  type ContractClaim,
} from './contract-claims';
import { CONTRACT_SIGNED } from './events';
import type { Organization } from './organization';

export interface KpiTargets {
  minOrdersCompleted: number | null;
  minOnTimeRate: number | null;
  minAverageSatisfaction: number | null;
}

export interface ContractAmendment {
  amendedAt: Date;
  endsOn: string | null;
  budgetYuan: number | null;
  note: string | null;
}

export interface ServiceContract extends ClaimOwner {
  buyer: string;
  providerOrgId: string;
  itemCodes: string[];
  communityIds: string[];
  startsOn: string;
  endsOn: string;
  endReason: string | null;
  budgetYuan: number;
  kpiTargets: KpiTargets;
  amendments: ContractAmendment[];
  /** Held while an amendment changes the claims, so two amendments of one contract do not interleave. */
  amending: { token: string; since: Date } | null;
  signedAt: Date;
}

export type ContractStatus = 'ACTIVE' | 'ENDED' | 'EXPIRED';

export const contractStatus = (c: Pick<ServiceContract, 'status' | 'endsOn'>, day = today()): ContractStatus =>
  c.status === 'ENDED' ? 'ENDED' : c.endsOn < day ? 'EXPIRED' : 'ACTIVE';

/** The claims (see contract-claims.ts). */
export interface ClaimRegistry {
  /**
   * Inserts `claims` in their order and stops at the first whose `_id` is taken: returns
   * how many it inserted and, when it stopped, the claim holding that id (null when that
   * one vanished meanwhile).
   */
  insertInOrder(claims: ContractClaim[]): Promise<{ inserted: number; stopped: boolean; holder: ContractClaim | null }>;
  /** Removes the claims with these ids that still belong to `signingId`. */
  remove(ids: readonly string[], signingId: string): Promise<void>;
}

export interface ContractStore {
  contract(id: string): Promise<ServiceContract | null>;
  owners(ids: string[]): Promise<Map<string, ClaimOwner>>;
  organization(id: string): Promise<Organization | null>;
  communities(ids: readonly string[]): Promise<KnownCommunity[]>;
  /** Throws a duplicate-key error when the id is taken. */
  insert(contract: ServiceContract, events: OutboxEntry[]): Promise<void>;
  /** Takes the amendment lock of an ACTIVE contract, unless another fresher than `staleBefore` holds it. */
  lock(id: string, token: string, staleBefore: Date): Promise<ServiceContract | null>;
  unlock(id: string, token: string): Promise<void>;
  /** Writes the amended terms if the lock is still `token` and the contract ACTIVE, releasing the lock. */
  amend(
    id: string,
    token: string,
    terms: Pick<ServiceContract, 'endsOn' | 'budgetYuan' | 'kpiTargets'>,
    amendment: ContractAmendment,
    events: OutboxEntry[],
  ): Promise<ServiceContract | null>;
  /** Ends an ACTIVE contract; null when it is not ACTIVE (any more). */
  end(id: string, endedOn: string, reason: string | null, events: OutboxEntry[]): Promise<ServiceContract | null>;
}

export interface ContractDeps {
  store: ContractStore;
  claims: ClaimRegistry;
  events: Pick<EventFactory, 'create'>;
  claimGraceMs: number;
}

export interface KpiTargetsInput {
  minOrdersCompleted?: number | null;
  minOnTimeRate?: number | null;
  minAverageSatisfaction?: number | null;
}

export interface SignContractInput {
  id?: string | null;
  buyer: string;
  providerOrgId: string;
  itemCodes: string[];
  communityIds: string[];
  startsOn: string;
  endsOn: string;
  budgetYuan: number;
  kpiTargets?: KpiTargetsInput | null;
}

/** Government service purchases run at most three years (one year, renewable twice). */
const MAX_PERIOD_DAYS = 3 * 366;
const ITEM_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

export function kpiTargetsOf(input: KpiTargetsInput | null | undefined): KpiTargets {
  const t = input ?? {};
  const orders = t.minOrdersCompleted ?? null;
  if (orders !== null && (!Number.isInteger(orders) || orders < 0))
    throw new BadInputError('kpiTargets.minOrdersCompleted', 'minOrdersCompleted is a whole number of at least 0.');
  const onTime = t.minOnTimeRate ?? null;
  if (onTime !== null && !(onTime >= 0 && onTime <= 1))
    throw new BadInputError('kpiTargets.minOnTimeRate', 'minOnTimeRate is a share from 0 to 1.');
  const satisfaction = t.minAverageSatisfaction ?? null;
  if (satisfaction !== null && !(satisfaction >= 1 && satisfaction <= 5))
    throw new BadInputError('kpiTargets.minAverageSatisfaction', 'minAverageSatisfaction is from 1 to 5.');
  return { minOrdersCompleted: orders, minOnTimeRate: onTime, minAverageSatisfaction: satisfaction };
}

export function budgetOf(value: number): number {
  if (!(Number.isFinite(value) && value >= 0 && value <= 1e10))
    throw new BadInputError('budgetYuan', 'budgetYuan is an amount from 0 to 10,000,000,000 yuan.');
  return Math.round(value * 100) / 100;
}

function periodLength(startsOn: string, endsOn: string): number {
  return (Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / 86_400_000;
}

/**
 * Contracts run in whole calendar months, as claims are kept per month; and they start in
 * the current month or later, so months already past are never contested.
 */
export function checkEnd(field: string, startsOn: string, endsOn: string): void {
  if (!isLastOfMonth(endsOn))
    throw new BadInputError(
      field,
      `Contracts run in whole months: ${field} is the last day of a month, e.g. ${addDays(`${monthOf(addDays(endsOn, 31))}-01`, -1)}.`,
    );
  if (endsOn < startsOn) throw new BadInputError(field, `${field} must not be before startsOn.`);
  if (periodLength(startsOn, endsOn) > MAX_PERIOD_DAYS) throw new BadInputError(field, 'A service contract runs at most three years.');
}

/** More claims than this in one contract: split the purchase into several contracts. */
const MAX_CLAIMS = 20_000;

/** DISTRICT_ADMIN anywhere; STREET_STAFF when every community lies in their street. */
function contractPolicy(action: string, communities: readonly KnownCommunity[]): Policy {
  const streets = [...new Set(communities.map((c) => c.streetId))];
  return streets.length === 1
    ? { action, roles: ['DISTRICT_ADMIN', 'STREET_STAFF'], scope: { streetId: streets[0]! } }
    : { action: `${action} (its communities lie in ${streets.length} streets)`, roles: ['DISTRICT_ADMIN'] };
}

export async function knownCommunities(store: ContractStore, ids: string[]): Promise<KnownCommunity[]> {
  const found = await store.communities(ids);
  const missing = ids.filter((id) => !found.some((c) => c._id === id));
  if (missing.length > 0) throw new NotFoundError('Community', missing.join(', '));
  return found;
}

function refuse(blocked: ContractClaim, holder: ContractClaim, owner: ClaimOwner | undefined): never {
  const [providerOrgId, itemCode, communityId, month] = blocked._id.split('|') as [string, string, string, string];
  const period = owner ? ` (${owner.startsOn} to ${effectiveEnd(owner)})` : ' (being signed right now)';
  throw new ConflictError(
    `Provider ${providerOrgId} already serves item ${itemCode} in community ${communityId} in ${month} under contract ${holder.contractId}${period}. ` +
      'Choose a period that does not overlap it, or end that contract first.',
    { contractId: holder.contractId, itemCode, communityId, month },
  );
}

/** Removes a signing's claims after a failure; a claim left behind anyway turns stale after the grace period. */
export async function releaseClaims(deps: ContractDeps, claims: readonly ContractClaim[]): Promise<void> {
  if (claims.length === 0) return;
  await deps.claims
    .remove(
      claims.map((c) => c._id),
      claims[0]!.signingId,
    )
    .catch(() => undefined);
}

/**
 * Inserts the claims in `_id` order. At a taken id it asks whether the holder still holds:
 * if so the signing is refused (and what it inserted is removed), else the stale claim is
 * removed and the insert goes on from there. Two overlapping signings meet at their first
 * shared id, where exactly one of them wins; the other never inserted anything the winner needs.
 */
export async function claimAll(claims: ContractClaim[], deps: ContractDeps): Promise<void> {
  let rest = claims;
  let takeovers = 0;
  try {
    while (rest.length > 0) {
      const result = await deps.claims.insertInOrder(rest);
      if (!result.stopped) return;
      const blocked = rest[result.inserted]!;
      rest = rest.slice(result.inserted);
      const holder = result.holder;
      if (!holder) continue;
      if (holder.signingId === blocked.signingId) {
        rest = rest.slice(1);
        continue;
      }
      const owner = (await deps.store.owners([holder.contractId])).get(holder.contractId);
      if (claimHolds(holder, owner, new Date(), deps.claimGraceMs)) refuse(blocked, holder, owner);
      takeovers += 1;
      if (takeovers > claims.length)
        throw new ConflictError('The contracts of this provider are changing too fast to claim the period; try again.');
      await deps.claims.remove([holder._id], holder.signingId);
    }
  } catch (err) {
    await releaseClaims(deps, claims);
    throw err;
  }
}

export async function signContract(input: SignContractInput, caller: Caller, deps: ContractDeps): Promise<ServiceContract> {
  authorize(caller.identity, { action: 'sign a service contract', roles: ['DISTRICT_ADMIN', 'STREET_STAFF'] });
  const itemCodes = idList('itemCodes', input.itemCodes, { min: 1, max: 200 });
  const badItem = itemCodes.find((code) => !ITEM_CODE.test(code));
  if (badItem) throw new BadInputError('itemCodes', `${badItem} is not a service item code.`);
  const communityIds = idList('communityIds', input.communityIds, { min: 1, max: 200 });
  const startsOn = parseDay('startsOn', input.startsOn);
  if (!isFirstOfMonth(startsOn))
    throw new BadInputError(
      'startsOn',
      `Contracts run in whole months: startsOn is the first day of a month, e.g. ${monthOf(startsOn)}-01.`,
    );
  if (monthOf(startsOn) < monthOf(today())) {
    throw new BadInputError('startsOn', `A contract is signed before its service starts: startsOn is ${monthOf(today())}-01 or later.`);
  }
  const endsOn = parseDay('endsOn', input.endsOn);
  checkEnd('endsOn', startsOn, endsOn);
  if (endsOn < today()) throw new BadInputError('endsOn', `A contract that ended on ${endsOn} can no longer be signed.`);
  const communities = await knownCommunities(deps.store, communityIds);
  authorize(caller.identity, contractPolicy('sign a service contract for these communities', communities));
  const provider = await deps.store.organization(input.providerOrgId);
  if (!provider) throw new NotFoundError('SocialOrganization', input.providerOrgId);
  if (provider.status !== 'ACTIVE')
    throw new ConflictError(`${provider.name} is ${provider.status}; only an ACTIVE organization can take a contract.`);

  const contract: ServiceContract = {
    _id: input.id?.trim() || `contract-${randomUUID()}`,
    signingId: randomUUID(),
    status: 'ACTIVE',
    endedOn: null,
    endReason: null,
    buyer: requireText('buyer', input.buyer, 60),
    providerOrgId: provider._id,
    itemCodes,
    communityIds,
    startsOn,
    endsOn,
    budgetYuan: budgetOf(input.budgetYuan),
    kpiTargets: kpiTargetsOf(input.kpiTargets),
    amendments: [],
    amending: null,
    signedAt: new Date(),
  };
  const claims = claimsFor({ ...contract, contractId: contract._id }, contract.signedAt);
  if (claims.length > MAX_CLAIMS) {
    throw new BadInputError(
      'itemCodes',
      `The contract covers ${claims.length} item-community-months; at most ${MAX_CLAIMS} fit one contract, so split the purchase.`,
    );
  }
  const event = deps.events.create(
    CONTRACT_SIGNED,
    contract._id,
    {
      contractId: contract._id,
      providerOrgId: provider._id,
      buyer: contract.buyer,
      itemCodes,
      communityIds,
      startsOn,
      endsOn,
      budgetYuan: contract.budgetYuan,
    },
    caller.traceparent,
  );
  if (await deps.store.contract(contract._id)) throw new ConflictError(`A contract with id ${contract._id} already exists.`);

  await claimAll(claims, deps);
  try {
    await deps.store.insert(contract, [event]);
    return contract;
  } catch (err) {
    await releaseClaims(deps, claims);
    if (err instanceof AlreadyExistsError) throw new ConflictError(`A contract with id ${contract._id} already exists.`);
    throw err;
  }
}

/** Loads an ACTIVE contract for a change, checking the caller may change it. */
export async function loadForChange(id: string, caller: Caller, deps: ContractDeps, action: string): Promise<ServiceContract> {
  authorize(caller.identity, { action, roles: ['DISTRICT_ADMIN', 'STREET_STAFF'] });
  const contract = await deps.store.contract(id);
  if (!contract) throw new NotFoundError('ServiceContract', id);
  authorize(caller.identity, contractPolicy(`${action} ${id}`, await deps.store.communities(contract.communityIds)));
  if (contract.status !== 'ACTIVE')
    throw new ConflictError(`Contract ${id} was ended on ${contract.endedOn}; it can no longer be changed.`);
  return contract;
}

/** The claims of a contract's months after `lastDay` (all of them when it ends before it starts). */
export function claimsAfter(contract: ServiceContract, lastDay: string): ContractClaim[] {
  const all = claimsFor({ ...contract, contractId: contract._id }, contract.signedAt);
  if (lastDay < contract.startsOn) return all;
  return all.filter((c) => monthFromClaimId(c._id) > monthOf(lastDay));
}
