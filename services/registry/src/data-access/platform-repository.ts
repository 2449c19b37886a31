import { findByIds, uniqueWrite } from '@sanshe/service-kit';
import type { CentreStore, CommunityCentre } from '../domain/community-centres';
import type { FundedKind, Investment, InvestmentStore } from '../domain/investments';
import type { PlatformReader } from '../domain/platform-queries';
import type { CommunityTerminal, TerminalStatus, TerminalStore } from '../domain/terminals';
import type { CommunityCentreDoc, InvestmentDoc, RegistryModels, TerminalDoc } from './models';

export class PlatformRepository implements TerminalStore, CentreStore, InvestmentStore, PlatformReader {
  constructor(private readonly models: RegistryModels) {}

  community(id: string): Promise<{ _id: string; streetId: string } | null> {
    return this.models.Community.findById(id, { streetId: 1 }).lean<{ _id: string; streetId: string }>().exec();
  }

  terminal(id: string): Promise<CommunityTerminal | null> {
    return this.models.Terminal.findById(id).lean<TerminalDoc>().exec();
  }

  async insertTerminal(terminal: CommunityTerminal): Promise<CommunityTerminal> {
    await uniqueWrite('CommunityTerminal', () => this.models.Terminal.create(terminal));
    return terminal;
  }

  async changeTerminalStatus(id: string, status: TerminalStatus, note: string | null, at: Date): Promise<CommunityTerminal | null> {
    const done = await this.models.Terminal.updateOne({ _id: id }, { $set: { status, statusNote: note, statusChangedAt: at } }).exec();
    return done.matchedCount === 0 ? null : this.terminal(id);
  }

  centre(id: string): Promise<CommunityCentre | null> {
    return this.models.CommunityCentre.findById(id).lean<CommunityCentreDoc>().exec();
  }

  async insertCentre(centre: CommunityCentre): Promise<CommunityCentre> {
    await uniqueWrite('CommunityCentre', () => this.models.CommunityCentre.create(centre));
    return centre;
  }

  async updateCentre(id: string, fields: Partial<Pick<CommunityCentre, 'name' | 'rooms' | 'offerings'>>): Promise<CommunityCentre | null> {
    return uniqueWrite('CommunityCentre', () =>
      this.models.CommunityCentre.findOneAndUpdate({ _id: id }, { $set: fields }, { new: true }).lean<CommunityCentreDoc>().exec(),
    );
  }

  async insertInvestment(investment: Investment): Promise<Investment> {
    await uniqueWrite('Investment', () => this.models.Investment.create(investment));
    return investment;
  }

  terminalCounts(): Promise<{ _id: TerminalStatus; count: number }[]> {
    return this.models.Terminal.aggregate<{ _id: TerminalStatus; count: number }>([
      { $group: { _id: '$status', count: { $sum: 1 } } },
    ]).exec();
  }

  investments(fundedKind: FundedKind | null): Promise<Investment[]> {
    return this.models.Investment.find(fundedKind ? { fundedKind } : {})
      .sort({ _id: 1 })
      .lean<InvestmentDoc[]>()
      .exec();
  }

  /** The terminals of many communities, one query. */
  terminalsOfCommunities(communityIds: readonly string[]): Promise<CommunityTerminal[]> {
    return this.models.Terminal.find({ communityId: { $in: [...communityIds] } })
      .sort({ _id: 1 })
      .lean<TerminalDoc[]>()
      .exec();
  }

  centresOfCommunities(communityIds: readonly string[]): Promise<CommunityCentre[]> {
    return this.models.CommunityCentre.find({ communityId: { $in: [...communityIds] } })
      .sort({ _id: 1 })
      .lean<CommunityCentreDoc[]>()
      .exec();
  }

  centresByIds(ids: readonly string[]): Promise<CommunityCentre[]> {
    return findByIds<CommunityCentreDoc>(this.models.CommunityCentre, ids);
  }

  /** Investments of many centres, one query. */
  investmentsOfCentres(centreIds: readonly string[]): Promise<Investment[]> {
    return this.models.Investment.find({ centreId: { $in: [...centreIds] } })
      .sort({ _id: 1 })
      .lean<InvestmentDoc[]>()
      .exec();
  }
}
