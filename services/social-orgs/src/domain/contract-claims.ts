import { addDays } from './common';

/**
 * No two contracts of one provider may cover the same service item in the same community
 * over overlapping periods. The rule is kept by claims, one document per
 * (provider, item, community, month) whose `_id` is that key: a signing inserts its claims
 * before it writes its contract, and the unique `_id` lets exactly one of two overlapping
 * signings have each month. Kept on its own merit: a unique key per month turns an overlap
 * check over many contracts into inserts the store arbitrates, so the rule needs nothing
 * else. Contracts therefore run in whole calendar months.
 *
 * This module is the pure part: which claims a contract needs and which existing ones still hold.
 */
export interface ContractClaim {
  /** `<providerOrgId>|<itemCode>|<communityId>|<YYYY-MM>` */
  _id: string;
  contractId: string;
  /** One signing attempt; a failed attempt removes exactly its own claims, never another's. */
  signingId: string;
  claimedAt: Date;
}

/** The contract a claim names, as far as deciding whether the claim still holds needs it. */
export interface ClaimOwner {
  _id: string;
  signingId: string;
  status: 'ACTIVE' | 'ENDED';
  startsOn: string;
  endsOn: string;
  endedOn: string | null;
}

export const monthOf = (day: string): string => day.slice(0, 7);

export const claimId = (providerOrgId: string, itemCode: string, communityId: string, month: string) =>
  `${providerOrgId}|${itemCode}|${communityId}|${month}`;

export const monthFromClaimId = (id: string): string => id.slice(id.lastIndexOf('|') + 1);

/** The months from the month of `startsOn` to the month of `endsOn`, inclusive; empty when it ends first. */
export function monthsBetween(startsOn: string, endsOn: string): string[] {
  const months: string[] = [];
  let year = Number(startsOn.slice(0, 4));
  let month = Number(startsOn.slice(5, 7));
  const last = monthOf(endsOn);
  for (let m = `${year}-${String(month).padStart(2, '0')}`; m <= last; m = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(m);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

export const isFirstOfMonth = (day: string) => day.endsWith('-01');
export const isLastOfMonth = (day: string) => addDays(day, 1).endsWith('-01');

/** The claims a signing needs, sorted by `_id` so that two overlapping signings meet at the same first claim. */
export function claimsFor(
  contract: {
    contractId: string;
    signingId: string;
    providerOrgId: string;
    itemCodes: readonly string[];
    communityIds: readonly string[];
    startsOn: string;
    endsOn: string;
  },
  claimedAt: Date,
): ContractClaim[] {
  const months = monthsBetween(contract.startsOn, contract.endsOn);
  const claims: ContractClaim[] = [];
  for (const item of contract.itemCodes) {
    for (const community of contract.communityIds) {
      for (const month of months) {
        claims.push({
          _id: claimId(contract.providerOrgId, item, community, month),
          contractId: contract.contractId,
          signingId: contract.signingId,
          claimedAt,
        });
      }
    }
  }
  return claims.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
}

/** The last day a contract serves: its end, or its early end. */
export const effectiveEnd = (owner: Pick<ClaimOwner, 'status' | 'endsOn' | 'endedOn'>): string =>
  owner.status === 'ENDED' && owner.endedOn && owner.endedOn < owner.endsOn ? owner.endedOn : owner.endsOn;

/**
 * Whether an existing claim still holds its month. It does while its contract — same
 * signing — serves that month, and also while it is younger than the grace period: a
 * signing or an extension in progress claims before it writes its contract. A claim left
 * behind by a signing that failed half-way, or beyond the early end of its contract, is
 * stale and may be taken over.
 */
export function claimHolds(claim: ContractClaim, owner: ClaimOwner | undefined, now: Date, graceMs: number): boolean {
  if (now.getTime() - new Date(claim.claimedAt).getTime() < graceMs) return true;
  if (!owner || owner.signingId !== claim.signingId) return false;
  const month = monthFromClaimId(claim._id);
  return month >= monthOf(owner.startsOn) && month <= monthOf(effectiveEnd(owner)) && owner.startsOn <= effectiveEnd(owner);
}
