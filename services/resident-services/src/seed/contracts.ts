import { SERVICE_CONTRACTS } from '@sanshe/seed-fixtures';
import type { ServiceContract } from '../domain/model';

/**
 * resident-services' copy of the government-purchased service contracts social-orgs seeds:
 * the shared fixture (each year every service item is bought once for every community), as
 * contract.signed events would have left it. Contract ids thus agree between the two
 * services, in orders and in order.closed events.
 */
export function seededContracts(): ServiceContract[] {
  return SERVICE_CONTRACTS.map((c) => ({
    _id: c.id,
    providerOrgId: c.providerOrgId,
    itemCodes: [...c.itemCodes],
    communityIds: [...c.communityIds],
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    endedOn: null,
  }));
}
