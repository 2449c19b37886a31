import type { CommunityCentre } from './community-centres';
import type { FundedKind, Investment } from './investments';
import type { CommunityTerminal, TerminalStatus } from './terminals';

export interface PlatformReader {
  terminal(id: string): Promise<CommunityTerminal | null>;
  terminalCounts(): Promise<{ _id: TerminalStatus; count: number }[]>;
  terminalsOfCommunities(communityIds: readonly string[]): Promise<CommunityTerminal[]>;
  centresByIds(ids: readonly string[]): Promise<CommunityCentre[]>;
  centresOfCommunities(communityIds: readonly string[]): Promise<CommunityCentre[]>;
  /** All investments, or those of one funded kind, in id order. */
  investments(fundedKind: FundedKind | null): Promise<Investment[]>;
  investmentsOfCentres(centreIds: readonly string[]): Promise<Investment[]>;
}

export const terminalById = (id: string, reader: PlatformReader): Promise<CommunityTerminal | null> => reader.terminal(id);
export const terminalsOfCommunities = (communityIds: readonly string[], reader: PlatformReader): Promise<CommunityTerminal[]> =>
  reader.terminalsOfCommunities(communityIds);
export const centresByIds = (ids: readonly string[], reader: PlatformReader): Promise<CommunityCentre[]> => reader.centresByIds(ids);
export const centresOfCommunities = (communityIds: readonly string[], reader: PlatformReader): Promise<CommunityCentre[]> =>
  reader.centresOfCommunities(communityIds);
export const listInvestments = (fundedKind: FundedKind | null, reader: PlatformReader): Promise<Investment[]> =>
  reader.investments(fundedKind);
export const investmentsOfCentres = (centreIds: readonly string[], reader: PlatformReader): Promise<Investment[]> =>
  reader.investmentsOfCentres(centreIds);

/** Terminals of the district, in any status. */
export const terminalCount = async (reader: PlatformReader): Promise<number> =>
  (await reader.terminalCounts()).reduce((sum, c) => sum + c.count, 0);

export const onlineTerminalCount = async (reader: PlatformReader): Promise<number> =>
  (await reader.terminalCounts()).find((c) => c._id === 'ONLINE')?.count ?? 0;
