import { pageRequest, toConnection, type Connection, type PageArgs, type PageRequest } from '@sanshe/domain-kit';
import { parseDay } from './common';
import type { ServiceContract } from './contract';
import type { Load } from './organization-queries';
import { contractPerformance, type ContractPerformance, type PerformanceCounters } from './performance';

export interface ContractFilter {
  providerOrgId?: string | null;
  communityId?: string | null;
  itemCode?: string | null;
  activeOn?: string | null;
}

/** A contract's stored KPI counters (one record per contract id). */
export interface ContractCounters extends PerformanceCounters {
  _id: string;
}

/** What the contract reads need of the store: batch reads and pages. */
export interface ContractReads {
  byIds(ids: readonly string[]): Promise<ServiceContract[]>;
  search(filter: ContractFilter, page: PageRequest): Promise<ServiceContract[]>;
  providedBy(organizationIds: readonly string[]): Promise<ServiceContract[]>;
}

/** The KPI counters read per batch of contracts. */
export interface PerformanceReads {
  byContracts(contractIds: readonly string[]): Promise<ContractCounters[]>;
}

/** Contracts are public; a filter's activeOn must be a calendar day. */
export async function listContracts(
  args: PageArgs & { filter?: ContractFilter | null },
  reads: Pick<ContractReads, 'search'>,
): Promise<Connection<ServiceContract>> {
  const filter = { ...(args.filter ?? {}) };
  if (filter.activeOn) filter.activeOn = parseDay('activeOn', filter.activeOn);
  const page = pageRequest(args);
  return toConnection(await reads.search(filter, page), page.limit, (c) => c._id);
}

/** A contract's KPIs against its targets, from its counters (none yet: nothing counted). */
export async function performanceOf(contract: ServiceContract, countersOf: Load<PerformanceCounters | null>): Promise<ContractPerformance> {
  return contractPerformance(await countersOf(contract._id), contract.kpiTargets);
}
