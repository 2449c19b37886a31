import type { ServiceContract, ServiceOrder } from './model';

/** In force on `day` (YYYY-MM-DD): within its period and not ended early before that day. */
export function inForce(contract: Pick<ServiceContract, 'startsOn' | 'endsOn' | 'endedOn'>, day: string): boolean {
  return contract.startsOn <= day && day <= contract.endsOn && (!contract.endedOn || day < contract.endedOn);
}

export function covers(contract: ServiceContract, itemCode: string, communityId: string, day: string): boolean {
  return contract.itemCodes.includes(itemCode) && contract.communityIds.includes(communityId) && inForce(contract, day);
}

/** Providers that handed this order back (退单): asked again only when nobody else can take it. */
export function providersThatReturned(order: Pick<ServiceOrder, 'timeline'>): Set<string> {
  return new Set(order.timeline.filter((e) => e.action === 'RETURN' && e.providerOrgId).map((e) => e.providerOrgId!));
}

/**
 * Picks the contract to dispatch under: among providers that did not return the order
 * (all of them if every one did), the one with the fewest orders on its desk; ties go to
 * the lowest provider id, so the choice is repeatable.
 */
export function chooseContract(
  candidates: readonly ServiceContract[],
  load: ReadonlyMap<string, number>,
  returnedBy: ReadonlySet<string>,
): ServiceContract | null {
  if (candidates.length === 0) return null;
  const fresh = candidates.filter((c) => !returnedBy.has(c.providerOrgId));
  const pool = fresh.length > 0 ? fresh : candidates;
  return [...pool].sort(
    (a, b) =>
      (load.get(a.providerOrgId) ?? 0) - (load.get(b.providerOrgId) ?? 0) ||
      a.providerOrgId.localeCompare(b.providerOrgId) ||
      a._id.localeCompare(b._id),
  )[0]!;
}
