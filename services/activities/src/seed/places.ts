import {
  communityByName,
  COMMUNITIES,
  firstMondayAfterSeed,
  PARTY_ORGANIZATIONS,
  residentsOf,
  SEEDED_AT,
  seedDayPlus,
  SOCIAL_ORGANIZATIONS,
} from '@sanshe/seed-fixtures';
import type { ActivityDoc } from '../data-access/models';
import type { Activity, OrganizerKind } from '../domain/activity-model';
import { bookableCells } from '../domain/booking';
import type { OpeningInterval } from '../domain/opening-hours';
import { occurrences } from '../domain/rota';
import { fromLocal } from '../domain/time';
import type { ActivityGroup, Booking, CellClaim, Rota, Venue, VenueKind } from '../domain/venue-model';

/**
 * The demo district's venues, square-dance teams, the rota on 武汉路社区's square and a
 * few upcoming activities — deterministic, so every seed writes the same documents.
 */
export { SEEDED_AT };
/** The rota is adopted from the first Monday after the seed day. */
export const ROTA_FROM = firstMondayAfterSeed();
export const ROTA_CYCLES = 4;

const everyDay = (opens: string, closes: string): OpeningInterval[] => {
  const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: minutes(opens), closes: minutes(closes) }));
};

const wuhanRoad = communityByName('武汉路社区');

function venue(communityId: string, slug: string, name: string, kind: VenueKind, capacity: number, hours: OpeningInterval[]): Venue {
  const community = COMMUNITIES.find((c) => c.id === communityId)!;
  return {
    _id: `venue-${communityId}-${slug}`,
    name,
    kind,
    communityId,
    streetId: community.streetId,
    capacity,
    openingHours: hours,
    allowsOverlap: false,
  };
}

/** Every community has an activity room, urban ones a square; 武汉路社区 has the rooms of its party-mass service centre. */
export function seededVenues(): Venue[] {
  const venues: Venue[] = [];
  for (const c of COMMUNITIES) {
    if (c.id === wuhanRoad.id) continue;
    venues.push(venue(c.id, 'activity-room', `${c.name}活动室`, 'ROOM', 40, everyDay('08:30', '21:00')));
    if (c.urban) venues.push(venue(c.id, 'square', `${c.name}广场`, 'OPEN_SPACE', 200, everyDay('06:00', '22:00')));
  }
  venues.push(
    venue(wuhanRoad.id, 'party-members-home', '党员之家', 'ROOM', 30, everyDay('08:30', '21:00')),
    venue(wuhanRoad.id, 'readers-home', '阅友之家', 'ROOM', 25, everyDay('08:30', '21:00')),
    venue(wuhanRoad.id, 'makers-club', '创享社', 'ROOM', 30, everyDay('09:00', '21:00')),
    venue(wuhanRoad.id, 'square', '武汉路社区广场', 'OPEN_SPACE', 300, everyDay('06:00', '22:00')),
  );
  return venues;
}

const venueId = (slug: string) => `venue-${wuhanRoad.id}-${slug}`;

export function seededGroups(): ActivityGroup[] {
  const residents = residentsOf(wuhanRoad.id);
  const teams: [string, string, string][] = [
    ['red-maple-dance', '红枫舞蹈队', 'SQUARE_DANCE'],
    ['peony-dance', '牡丹舞蹈队', 'SQUARE_DANCE'],
    ['sunset-dance', '夕阳红舞蹈队', 'SQUARE_DANCE'],
    ['choir', '武汉路合唱团', 'CHOIR'],
  ];
  return teams.map(([slug, name, kind], i) => ({
    _id: `group-${wuhanRoad.id}-${slug}`,
    communityId: wuhanRoad.id,
    streetId: wuhanRoad.streetId,
    name,
    kind,
    members: residents.slice(10 + i * 12, 22 + i * 12).map((r) => r.id),
    createdAt: SEEDED_AT,
  }));
}

/** The rota that ended the square-dance quarrel: three teams share the square's evenings. */
export function seededRota(): Rota {
  return {
    _id: `rota-${wuhanRoad.id}-square`,
    venueId: venueId('square'),
    communityId: wuhanRoad.id,
    streetId: wuhanRoad.streetId,
    groupIds: seededGroups()
      .filter((g) => g.kind === 'SQUARE_DANCE')
      .map((g) => g._id),
    slotMinutes: 60,
    eveningStartsAt: 18 * 60,
    cycleWeeks: 1,
    slotsPerGroup: null,
    cycleIndex: 0,
    status: 'ADOPTED',
    adoptedFrom: ROTA_FROM,
    adoptedCycles: ROTA_CYCLES,
    createdAt: SEEDED_AT,
  };
}

function claims(booking: Booking, venue: Venue): CellClaim[] {
  return booking.cellIds.map((id) => ({
    _id: id,
    venueId: venue._id,
    bookingId: booking._id,
    holderName: booking.holder.name,
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    claimedAt: SEEDED_AT,
  }));
}

function booking(venue: Venue, id: string, holder: Booking['holder'], startsAt: Date, endsAt: Date, rotaId: string | null): Booking {
  return {
    _id: id,
    venueId: venue._id,
    communityId: venue.communityId,
    streetId: venue.streetId,
    startsAt,
    endsAt,
    holder,
    purpose: rotaId ? `rota ${rotaId}` : holder.name,
    rotaId,
    cellIds: bookableCells(venue, startsAt, endsAt, SEEDED_AT),
    status: 'ACTIVE',
    createdBy: 'seed',
    createdAt: SEEDED_AT,
    cancelledAt: null,
  };
}

interface Upcoming {
  slug: string;
  title: string;
  category: string;
  community: string;
  venue: string | null;
  /** `YYYY-MM-DD`, days after the seed day so the activities stay upcoming. */
  date: string;
  from: string;
  to: string;
  capacity: number;
  organizer: { kind: OrganizerKind; id: string } | null;
}

const partyOrgOf = (name: string) => PARTY_ORGANIZATIONS.find((p) => p.communityId === communityByName(name).id)!.id;
const UPCOMING: Upcoming[] = [
  {
    slug: '01',
    title: '社区睦邻学堂·智能手机课',
    category: 'NEIGHBOURHOOD_SCHOOL',
    community: '武汉路社区',
    venue: 'party-members-home',
    date: seedDayPlus(5),
    from: '09:00',
    to: '11:00',
    capacity: 30,
    organizer: { kind: 'SOCIAL_ORGANIZATION', id: SOCIAL_ORGANIZATIONS.find((o) => o.name === '欣和社工')!.id },
  },
  {
    slug: '02',
    title: '百姓茶馆·议事会',
    category: 'PEOPLES_TEAHOUSE',
    community: '武汉路社区',
    venue: 'readers-home',
    date: seedDayPlus(7),
    from: '14:30',
    to: '16:30',
    capacity: 25,
    organizer: null,
  },
  {
    slug: '03',
    title: '生态时蔬花园课堂·酵素制作',
    category: 'ENVIRONMENTAL_CLASS',
    community: '天九社区',
    venue: null,
    date: seedDayPlus(8),
    from: '09:00',
    to: '11:00',
    capacity: 30,
    organizer: null,
  },
  {
    slug: '04',
    title: '我家菜园·冬储',
    category: 'MY_VEGETABLE_GARDEN',
    community: '重二社区',
    venue: null,
    date: seedDayPlus(9),
    from: '09:30',
    to: '11:30',
    capacity: 20,
    organizer: null,
  },
  {
    slug: '05',
    title: '主题党日·红色套餐',
    category: 'PARTY_BUILDING',
    community: '长安路三社区',
    venue: null,
    date: seedDayPlus(11),
    from: '15:00',
    to: '17:00',
    capacity: 40,
    organizer: { kind: 'PARTY_ORGANIZATION', id: partyOrgOf('长安路三社区') },
  },
];

/** 石阿姨 holds a party-member service post at the first upcoming class. */
export const SHI_AYI_SHIFT = { id: 'shift-upcoming-01-1', role: '党员服务岗', hours: 2 } as const;

export function seededUpcoming(shiAyiId: string): { activities: ActivityDoc[]; bookings: Booking[]; cells: CellClaim[] } {
  const venues = new Map(seededVenues().map((v) => [v._id, v]));
  const activities: ActivityDoc[] = [];
  const bookings: Booking[] = [];
  for (const u of UPCOMING) {
    const community = communityByName(u.community);
    const id = `activity-upcoming-${u.slug}`;
    const startsAt = fromLocal(u.date, Number(u.from.slice(0, 2)) * 60 + Number(u.from.slice(3)));
    const endsAt = fromLocal(u.date, Number(u.to.slice(0, 2)) * 60 + Number(u.to.slice(3)));
    const place = u.venue ? venues.get(`venue-${community.id}-${u.venue}`)! : null;
    if (place) bookings.push(booking(place, `booking-${id}`, { kind: 'ACTIVITY', id, name: u.title }, startsAt, endsAt, null));
    const shift = u.slug === '01';
    const activity: Activity = {
      _id: id,
      title: u.title,
      category: u.category,
      description: null,
      communityId: community.id,
      streetId: community.streetId,
      venueId: place?._id ?? null,
      bookingId: place ? `booking-${id}` : null,
      organizer: u.organizer ?? { kind: 'COMMUNITY', id: community.id },
      startsAt,
      endsAt,
      capacity: u.capacity,
      status: 'PUBLISHED',
      seatsLeft: u.capacity,
      waitlisted: 0,
      attended: 0,
      holders: [],
      checkInCodes: [],
      volunteers: shift ? [shiAyiId] : [],
      registrations: [],
      volunteerShifts: shift
        ? [
            {
              id: SHI_AYI_SHIFT.id,
              residentId: shiAyiId,
              role: SHI_AYI_SHIFT.role,
              scheduledHours: SHI_AYI_SHIFT.hours,
              completedHours: null,
              verifiedHours: null,
              status: 'SCHEDULED',
              scheduledAt: SEEDED_AT,
              reportedAt: null,
              verifiedAt: null,
              verifiedBy: null,
            },
          ]
        : [],
      publishedAt: SEEDED_AT,
      cancelledAt: null,
      cancelReason: null,
      completedAt: null,
    };
    activities.push({ ...activity, createdAt: SEEDED_AT, updatedAt: SEEDED_AT });
  }
  const rota = seededRota();
  const square = venues.get(rota.venueId)!;
  const names = new Map(seededGroups().map((g) => [g._id, g.name]));
  for (const o of occurrences(rota, square, ROTA_FROM, ROTA_CYCLES)) {
    bookings.push(
      booking(square, o.bookingId, { kind: 'GROUP', id: o.groupId, name: names.get(o.groupId)! }, o.startsAt, o.endsAt, rota._id),
    );
  }
  return { activities, bookings, cells: bookings.flatMap((b) => claims(b, venues.get(b.venueId)!)) };
}
