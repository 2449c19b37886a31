import { maskAddress, maskPhone, pageRequest, type PageArgs } from '@sanshe/service-kit';
import { listResidents, residentById, type ResidentFilter } from '../../domain/resident-queries';
import {
  assertMayViewResident,
  assertServesResident,
  maskResidentName,
  moveResident,
  registerResident,
  servesResident,
  updateResident,
  type RegisterResidentInput,
  type Resident,
  type ResidentChanges,
} from '../../domain/residents';
import type { RegistryContext, RegistryDeps } from './context';

/**
 * Every field but the id is for staff or the resident themself. Outside the resident's
 * territory, name, phone and address are masked and the other facts refused (FORBIDDEN).
 */
function viewed<T>(read: (r: Resident, ctx: RegistryContext) => T) {
  return (r: Resident, _: unknown, ctx: RegistryContext): T => {
    assertMayViewResident(ctx, r);
    return read(r, ctx);
  };
}

const personal = (r: Resident, ctx: RegistryContext) => servesResident(ctx, r);

/** A fact refused to those who do not serve the resident. */
function served<T>(fact: string, read: (r: Resident, ctx: RegistryContext) => T) {
  return (r: Resident, _: unknown, ctx: RegistryContext): T => {
    assertServesResident(ctx, r, fact);
    return read(r, ctx);
  };
}

export function residentResolvers(deps: RegistryDeps) {
  const residentDeps = { residents: deps.residents, territory: deps.territory, events: deps.events };
  return {
    Query: {
      resident: (_: unknown, args: { id: string }, ctx: RegistryContext) =>
        residentById(args.id, ctx, (id) => ctx.loaders.residents.load(id)),
      residents: (_: unknown, args: { filter?: ResidentFilter | null } & PageArgs, ctx: RegistryContext) => {
        const page = pageRequest(args);
        return listResidents(args.filter ?? {}, page, ctx, { residents: deps.residents, territory: deps.territory });
      },
    },
    Mutation: {
      registerResident: (_: unknown, args: { input: RegisterResidentInput }, ctx: RegistryContext) =>
        registerResident(args.input, ctx, residentDeps),
      updateResident: (_: unknown, args: { id: string; input: ResidentChanges }, ctx: RegistryContext) =>
        updateResident(args.id, args.input, ctx, residentDeps),
      moveResident: (_: unknown, args: { id: string; input: { toCommunityId: string; address: string } }, ctx: RegistryContext) =>
        moveResident(args.id, args.input, ctx, residentDeps),
    },
    Resident: {
      __resolveReference: (ref: { id: string }, ctx: RegistryContext) => ctx.loaders.residents.load(ref.id),
      id: (r: Resident) => r._id,
      name: viewed((r, ctx) => (personal(r, ctx) ? r.name : maskResidentName(r.name))),
      community: served('community', (r, ctx) => ctx.loaders.communities.load(r.communityId)),
      street: served('street', (r, ctx) => ctx.loaders.streets.load(r.streetId)),
      address: viewed((r, ctx) => (personal(r, ctx) ? r.address : maskAddress(r.address))),
      birthYear: served('birth year', (r) => r.birthYear),
      careTags: served('care tags', (r) => r.careTags),
      preferredChannel: served('preferred channel', (r) => r.preferredChannel),
      volunteer: served('volunteer status', (r) => r.volunteer),
      phone: viewed((r, ctx) => (personal(r, ctx) ? r.phone : maskPhone(r.phone))),
    },
  };
}
