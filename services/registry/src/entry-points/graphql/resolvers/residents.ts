import { maskAddress, maskPhone, mayReadPersonalData, pageRequest, type PageArgs } from '@sanshe/service-kit';
import type { ResidentFilter } from '../../../data-access/resident-repository';
import {
  assertMayViewResident,
  authorizeResidentListing,
  moveResident,
  registerResident,
  updateResident,
  type RegisterResidentInput,
  type Resident,
  type ResidentChanges,
} from '../../../domain/residents';
import type { RegistryContext, RegistryDeps } from '../context';

/** Every field but the id is for staff or the resident themself; phone and address are masked outside their territory. */
function viewed<T>(read: (r: Resident, ctx: RegistryContext) => T) {
  return (r: Resident, _: unknown, ctx: RegistryContext): T => {
    assertMayViewResident(ctx, r);
    return read(r, ctx);
  };
}

const personal = (r: Resident, ctx: RegistryContext) =>
  mayReadPersonalData(ctx.identity, { residentId: r._id, communityId: r.communityId, streetId: r.streetId });

export function residentResolvers(deps: RegistryDeps) {
  const residentDeps = { residents: deps.residents, territory: deps.territory, events: deps.events };
  return {
    Query: {
      resident: (_: unknown, args: { id: string }, ctx: RegistryContext) => {
        // Refused callers are answered before the store is asked.
        assertMayViewResident(ctx, { _id: args.id });
        return ctx.loaders.residents.load(args.id);
      },
      residents: async (_: unknown, args: { filter?: ResidentFilter | null } & PageArgs, ctx: RegistryContext) => {
        const filter = args.filter ?? {};
        const page = pageRequest(args);
        await authorizeResidentListing(filter, ctx, deps.territory);
        return deps.residents.residentPage(filter, page);
      },
    },
    Mutation: {
      registerResident: (_: unknown, args: { input: RegisterResidentInput }, ctx: RegistryContext) => registerResident(args.input, ctx, residentDeps),
      updateResident: (_: unknown, args: { id: string; input: ResidentChanges }, ctx: RegistryContext) => updateResident(args.id, args.input, ctx, residentDeps),
      moveResident: (_: unknown, args: { id: string; input: { toCommunityId: string; address: string } }, ctx: RegistryContext) =>
        moveResident(args.id, args.input, ctx, residentDeps),
    },
    Resident: {
      __resolveReference: (ref: { id: string }, ctx: RegistryContext) => ctx.loaders.residents.load(ref.id),
      id: (r: Resident) => r._id,
      name: viewed((r) => r.name),
      community: viewed((r, ctx) => ctx.loaders.communities.load(r.communityId)),
      street: viewed((r, ctx) => ctx.loaders.streets.load(r.streetId)),
      address: viewed((r, ctx) => (personal(r, ctx) ? r.address : maskAddress(r.address))),
      birthYear: viewed((r) => r.birthYear),
      careTags: viewed((r) => r.careTags),
      preferredChannel: viewed((r) => r.preferredChannel),
      volunteer: viewed((r) => r.volunteer),
      phone: viewed((r, ctx) => (personal(r, ctx) ? r.phone : maskPhone(r.phone))),
    },
  };
}
