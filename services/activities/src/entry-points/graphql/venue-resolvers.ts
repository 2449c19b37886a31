import { changeGroupMembership, createActivityGroup, type NewGroupInput } from '../../domain/group';
import { rotaShares } from '../../domain/rota-generator';
import { adoptRota, generateRota, rotaCycle, type GenerateRotaInput } from '../../domain/rota';
import { formatClock } from '../../domain/time';
import {
  bookVenue,
  cancelVenueBooking,
  createVenue,
  releaseOrphanClaims,
  type BookVenueInput,
  type NewVenueInput,
} from '../../domain/venue';
import type { ActivityGroup, Booking, Rota, Venue } from '../../domain/venue-model';
import { groupMembers, venueBookings } from '../../domain/venue-queries';
import { iso } from './activity-resolvers';
import type { ActivitiesContext, ResolverDeps } from './context';

async function venueOf(ctx: ActivitiesContext, id: string): Promise<Venue> {
  const venue = await ctx.venues.load(id);
  if (!venue) throw new Error(`venue ${id} is missing`);
  return venue;
}

async function cycleOf(rota: Rota, cycle: number, ctx: ActivitiesContext) {
  return rotaCycle(rota, await venueOf(ctx, rota.venueId), Math.max(0, cycle));
}

export function venueResolvers(deps: ResolverDeps) {
  const bookingDeps = { venues: deps.venues, bookings: deps.bookings, settings: deps.settings };
  return {
    Query: {
      venue: (_: unknown, args: { id: string }, ctx: ActivitiesContext) => ctx.venues.load(args.id),
      activityGroup: (_: unknown, args: { id: string }, ctx: ActivitiesContext) => ctx.groups.load(args.id),
      rota: (_: unknown, args: { id: string }, ctx: ActivitiesContext) => ctx.rotas.load(args.id),
    },
    Mutation: {
      createVenue: (_: unknown, args: { input: NewVenueInput }, ctx: ActivitiesContext) => createVenue(args.input, ctx, deps.venues),
      createActivityGroup: (_: unknown, args: { input: NewGroupInput }, ctx: ActivitiesContext) =>
        createActivityGroup(args.input, ctx, deps.venues),
      addActivityGroupMember: (_: unknown, args: { groupId: string; residentId: string }, ctx: ActivitiesContext) =>
        changeGroupMembership(args.groupId, args.residentId, true, ctx, deps.venues),
      removeActivityGroupMember: (_: unknown, args: { groupId: string; residentId: string }, ctx: ActivitiesContext) =>
        changeGroupMembership(args.groupId, args.residentId, false, ctx, deps.venues),
      generateRota: (_: unknown, args: { input: GenerateRotaInput }, ctx: ActivitiesContext) => generateRota(args.input, ctx, deps.venues),
      adoptRota: (_: unknown, args: { id: string; from: string; cycles: number }, ctx: ActivitiesContext) =>
        adoptRota({ rotaId: args.id, from: args.from, cycles: args.cycles }, ctx, { rotas: deps.venues, ...bookingDeps }),
      bookVenue: (_: unknown, args: { input: BookVenueInput }, ctx: ActivitiesContext) => bookVenue(args.input, ctx, bookingDeps),
      cancelVenueBooking: (_: unknown, args: { id: string }, ctx: ActivitiesContext) => cancelVenueBooking(args.id, ctx, bookingDeps),
      releaseOrphanVenueClaims: (_: unknown, args: { venueId: string }, ctx: ActivitiesContext) =>
        releaseOrphanClaims(args.venueId, ctx, {
          ...bookingDeps,
          activityStatus: async (id) => (await deps.activities.activity(id))?.status ?? null,
        }),
    },
    Venue: {
      __resolveReference: (ref: { id: string }, ctx: ActivitiesContext) => ctx.venues.load(ref.id),
      id: (v: Venue) => v._id,
      community: (v: Venue) => ({ __typename: 'Community', id: v.communityId }),
      openingHours: (v: Venue) =>
        v.openingHours.map((h) => ({ weekday: h.weekday, opens: formatClock(h.opens), closes: formatClock(h.closes) })),
      bookings: (v: Venue, args: { from: string; to: string }, ctx: ActivitiesContext) => venueBookings(ctx, v, args, ctx.bookingsInWindow),
      rotas: (v: Venue, _: unknown, ctx: ActivitiesContext) => ctx.rotasByVenue.load(v._id),
    },
    VenueBooking: {
      id: (b: Booking) => b._id,
      venue: (b: Booking, _: unknown, ctx: ActivitiesContext) => venueOf(ctx, b.venueId),
      startsAt: (b: Booking) => iso(b.startsAt),
      endsAt: (b: Booking) => iso(b.endsAt),
      rota: (b: Booking, _: unknown, ctx: ActivitiesContext) => (b.rotaId ? ctx.rotas.load(b.rotaId) : null),
    },
    ActivityGroup: {
      __resolveReference: (ref: { id: string }, ctx: ActivitiesContext) => ctx.groups.load(ref.id),
      id: (g: ActivityGroup) => g._id,
      community: (g: ActivityGroup) => ({ __typename: 'Community', id: g.communityId }),
      memberCount: (g: ActivityGroup) => g.members.length,
      members: (g: ActivityGroup, _: unknown, ctx: ActivitiesContext) => groupMembers(ctx, g).map((id) => ({ __typename: 'Resident', id })),
    },
    Rota: {
      __resolveReference: (ref: { id: string }, ctx: ActivitiesContext) => ctx.rotas.load(ref.id),
      id: (r: Rota) => r._id,
      venue: (r: Rota, _: unknown, ctx: ActivitiesContext) => venueOf(ctx, r.venueId),
      groups: async (r: Rota, _: unknown, ctx: ActivitiesContext) =>
        (await ctx.groups.loadMany(r.groupIds)).filter((g): g is ActivityGroup => !!g && !(g instanceof Error)),
      eveningStartsAt: (r: Rota) => formatClock(r.eveningStartsAt),
      slots: async (r: Rota, args: { cycle: number }, ctx: ActivitiesContext) =>
        (await cycleOf(r, args.cycle, ctx)).map((s) => ({
          week: s.week,
          weekday: s.weekday,
          startTime: formatClock(s.starts),
          endTime: formatClock(s.ends),
          evening: s.evening,
          groupId: s.groupId,
        })),
      shares: async (r: Rota, args: { cycle: number }, ctx: ActivitiesContext) => rotaShares(r.groupIds, await cycleOf(r, args.cycle, ctx)),
    },
    RotaSlot: {
      group: (s: { groupId: string }, _: unknown, ctx: ActivitiesContext) => ctx.groups.load(s.groupId),
    },
    RotaShare: {
      group: (s: { groupId: string }, _: unknown, ctx: ActivitiesContext) => ctx.groups.load(s.groupId),
    },
  };
}
