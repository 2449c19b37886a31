import type { PageArgs } from '@sanshe/service-kit';
import { contractStatus, signContract, type ContractAmendment, type ServiceContract, type SignContractInput } from '../../domain/contract';
import { amendContract, endContract, type AmendContractInput } from '../../domain/contract-changes';
import { listContracts, performanceOf, type ContractFilter } from '../../domain/contract-queries';
import type { ContractPerformance } from '../../domain/performance';
import type { SocialOrgsContext, SocialOrgsDeps } from './context';

export function contractResolvers(deps: SocialOrgsDeps) {
  const contractDeps = {
    store: deps.contracts,
    claims: deps.claims,
    events: deps.events,
    claimGraceMs: deps.config.CONTRACT_CLAIM_GRACE_MS,
  };
  return {
    Query: {
      serviceContract: (_: unknown, args: { id: string }, ctx: SocialOrgsContext) => ctx.loaders.contracts.load(args.id),
      serviceContracts: (_: unknown, args: PageArgs & { filter?: ContractFilter | null }) => listContracts(args, deps.contracts),
    },
    Mutation: {
      signServiceContract: (_: unknown, args: { input: SignContractInput }, ctx: SocialOrgsContext) =>
        signContract(args.input, ctx, contractDeps),
      amendServiceContract: (_: unknown, args: { id: string; input: AmendContractInput }, ctx: SocialOrgsContext) =>
        amendContract(args.id, args.input, ctx, contractDeps),
      endServiceContract: (_: unknown, args: { id: string; endedOn: string; reason?: string | null }, ctx: SocialOrgsContext) =>
        endContract(args.id, args.endedOn, args.reason, ctx, contractDeps),
    },
    ServiceContract: {
      __resolveReference: (r: { id: string }, ctx: SocialOrgsContext) => ctx.loaders.contracts.load(r.id),
      id: (c: ServiceContract) => c._id,
      provider: (c: ServiceContract, _: unknown, ctx: SocialOrgsContext) => ctx.loaders.organizations.load(c.providerOrgId),
      serviceItems: (c: ServiceContract) => c.itemCodes.map((code) => ({ __typename: 'ServiceItem', code })),
      communities: (c: ServiceContract) => c.communityIds.map((id) => ({ __typename: 'Community', id })),
      status: (c: ServiceContract) => contractStatus(c),
      performance: (c: ServiceContract, _: unknown, ctx: SocialOrgsContext) => performanceOf(c, (id) => ctx.loaders.performance.load(id)),
    },
    ContractPerformance: {
      lastClosedAt: (p: ContractPerformance) => (p.lastClosedAt ? new Date(p.lastClosedAt).toISOString() : null),
    },
    ContractAmendment: {
      amendedAt: (a: ContractAmendment) => new Date(a.amendedAt).toISOString(),
    },
  };
}
