import {
  openCommunityCentre,
  updateCommunityCentre,
  type CommunityCentre,
  type OpenCommunityCentreInput,
  type UpdateCommunityCentreInput,
} from '../../domain/community-centres';
import { recordInvestment, type FundedKind, type Investment, type RecordInvestmentInput } from '../../domain/investments';
import { listInvestments, onlineTerminalCount, terminalById, terminalCount } from '../../domain/platform-queries';
import { INFORMATION_CENTRE, INFORMATION_PLATFORM, PLATFORM_CHANNELS, PLATFORM_MODULES, platformModule } from '../../domain/platform';
import {
  changeTerminalStatus,
  registerTerminal,
  type CommunityTerminal,
  type RegisterTerminalInput,
  type TerminalStatus,
} from '../../domain/terminals';
import type { Community } from '../../domain/territory';
import type { RegistryContext, RegistryDeps } from './context';

export function platformResolvers(deps: RegistryDeps) {
  const store = deps.platform;
  return {
    Query: {
      platformModules: () => PLATFORM_MODULES,
      informationPlatform: () => INFORMATION_PLATFORM,
      informationCentre: () => INFORMATION_CENTRE,
      investments: (_: unknown, args: { fundedKind?: FundedKind | null }) => listInvestments(args.fundedKind ?? null, store),
      terminal: (_: unknown, args: { id: string }) => terminalById(args.id, store),
    },
    Mutation: {
      registerTerminal: (_: unknown, args: { input: RegisterTerminalInput }, ctx: RegistryContext) =>
        registerTerminal(args.input, ctx, store),
      setTerminalStatus: (_: unknown, args: { id: string; status: TerminalStatus; note?: string | null }, ctx: RegistryContext) =>
        changeTerminalStatus(args.id, args.status, args.note, ctx, store),
      openCommunityCentre: (_: unknown, args: { input: OpenCommunityCentreInput }, ctx: RegistryContext) =>
        openCommunityCentre(args.input, ctx, store),
      updateCommunityCentre: (_: unknown, args: { id: string; input: UpdateCommunityCentreInput }, ctx: RegistryContext) =>
        updateCommunityCentre(args.id, args.input, ctx, store),
      recordInvestment: (_: unknown, args: { input: RecordInvestmentInput }, ctx: RegistryContext) =>
        recordInvestment(args.input, ctx, store),
    },
    InformationPlatform: {
      modules: () => PLATFORM_MODULES,
      channels: () => PLATFORM_CHANNELS,
      investments: () => listInvestments('INFORMATION_PLATFORM', store),
    },
    InformationCentre: {
      terminalCount: () => terminalCount(store),
      onlineTerminalCount: () => onlineTerminalCount(store),
      investments: () => listInvestments('INFORMATION_CENTRE', store),
    },
    Community: {
      terminals: (c: Community, _: unknown, ctx: RegistryContext) => ctx.loaders.terminalsByCommunity.load(c._id),
      centres: (c: Community, _: unknown, ctx: RegistryContext) => ctx.loaders.centresByCommunity.load(c._id),
    },
    CommunityTerminal: {
      __resolveReference: (ref: { id: string }) => terminalById(ref.id, store),
      id: (t: CommunityTerminal) => t._id,
      community: (t: CommunityTerminal, _: unknown, ctx: RegistryContext) => ctx.loaders.communities.load(t.communityId),
      statusChangedAt: (t: CommunityTerminal) => t.statusChangedAt.toISOString(),
      registeredAt: (t: CommunityTerminal) => t.registeredAt.toISOString(),
      modules: (t: CommunityTerminal) => t.modules.map(platformModule),
    },
    CommunityCentre: {
      __resolveReference: (ref: { id: string }, ctx: RegistryContext) => ctx.loaders.centres.load(ref.id),
      id: (c: CommunityCentre) => c._id,
      community: (c: CommunityCentre, _: unknown, ctx: RegistryContext) => ctx.loaders.communities.load(c.communityId),
      investments: (c: CommunityCentre, _: unknown, ctx: RegistryContext) => ctx.loaders.investmentsByCentre.load(c._id),
    },
    Investment: {
      id: (i: Investment) => i._id,
      centre: (i: Investment, _: unknown, ctx: RegistryContext) => (i.centreId ? ctx.loaders.centres.load(i.centreId) : null),
      // Investments stored before centres were named have none.
      serviceCentres: (i: Investment) => (i.serviceCentreIds ?? []).map((id) => ({ __typename: 'ServiceCentre', id })),
    },
  };
}
