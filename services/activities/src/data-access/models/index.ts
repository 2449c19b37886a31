import { modelOn, outboxPlugin } from '@sanshe/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Campaign } from '../../domain/campaign';
import type { Activity, Registration, VolunteerShift } from '../../domain/activity-model';
import type { ResidentRecord } from '../../domain/resident-record';
import type { StatsBucket } from '../../domain/stats';
import type { ActivityGroup, Booking, CellClaim, Rota, Venue } from '../../domain/venue-model';

export type ActivityDoc = Activity & { createdAt: Date; updatedAt: Date };

const registrationSchema = new Schema<Registration>(
  {
    id: { type: String, required: true },
    residentId: { type: String, required: true },
    status: { type: String, required: true },
    registeredBy: { type: String, required: true },
    registeredAt: { type: Date, required: true },
    checkInCode: { type: String, default: null },
    promotedAt: { type: Date, default: null },
    cancelledAt: { type: Date, default: null },
    checkedInAt: { type: Date, default: null },
  },
  { _id: false },
);

const shiftSchema = new Schema<VolunteerShift>(
  {
    id: { type: String, required: true },
    residentId: { type: String, required: true },
    role: { type: String, required: true },
    scheduledHours: { type: Number, required: true },
    completedHours: { type: Number, default: null },
    verifiedHours: { type: Number, default: null },
    status: { type: String, required: true },
    scheduledAt: { type: Date, required: true },
    reportedAt: { type: Date, default: null },
    verifiedAt: { type: Date, default: null },
    verifiedBy: { type: String, default: null },
  },
  { _id: false },
);

const activityFields = {
  _id: { type: String, required: true },
  title: { type: String, required: true },
  category: { type: String, required: true },
  description: { type: String, default: null },
  communityId: { type: String, required: true },
  streetId: { type: String, required: true },
  venueId: { type: String, default: null },
  bookingId: { type: String, default: null },
  organizer: { kind: { type: String, required: true }, id: { type: String, required: true } },
  startsAt: { type: Date, required: true },
  endsAt: { type: Date, required: true },
  capacity: { type: Number, required: true },
  status: { type: String, required: true },
  seatsLeft: { type: Number, required: true },
  waitlisted: { type: Number, default: 0 },
  attended: { type: Number, default: 0 },
  holders: { type: [String], default: [] },
  checkInCodes: { type: [String], default: [] },
  volunteers: { type: [String], default: [] },
  registrations: { type: [registrationSchema], default: [] },
  volunteerShifts: { type: [shiftSchema], default: [] },
  publishedAt: { type: Date, default: null },
  cancelledAt: { type: Date, default: null },
  cancelReason: { type: String, default: null },
  completedAt: { type: Date, default: null },
  campaignId: { type: String, default: null },
};

const activitySchema = new Schema<ActivityDoc>(activityFields, { collection: 'activities', timestamps: true, versionKey: false });
activitySchema.index({ communityId: 1, status: 1, startsAt: 1 });
activitySchema.index({ 'organizer.kind': 1, 'organizer.id': 1, _id: 1 });
activitySchema.index({ streetId: 1, category: 1 });
activitySchema.index({ campaignId: 1, _id: 1 });
activitySchema.plugin(outboxPlugin);

/**
 * Imported history: activities that were over before this service took over (the
 * seeded two years). Read-only, and apart from `activities` as a hot/cold split: every
 * registration, dashboard listing and count reads the small live set, and the embedded
 * store scans for non-`_id` filters.
 */
const archiveSchema = new Schema<ActivityDoc>(activityFields, { collection: 'activity_archive', versionKey: false });
archiveSchema.index({ 'organizer.kind': 1, 'organizer.id': 1, _id: 1 });
archiveSchema.index({ communityId: 1, startsAt: 1 });
archiveSchema.index({ campaignId: 1, _id: 1 });

const venueSchema = new Schema<Venue>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true },
    communityId: { type: String, required: true },
    streetId: { type: String, required: true },
    capacity: { type: Number, required: true },
    openingHours: { type: [{ _id: false, weekday: Number, opens: Number, closes: Number }], default: [] },
    allowsOverlap: { type: Boolean, default: false },
  },
  { collection: 'venues', versionKey: false },
);
venueSchema.index({ communityId: 1, name: 1 }, { unique: true });

const groupSchema = new Schema<ActivityGroup>(
  {
    _id: { type: String, required: true },
    communityId: { type: String, required: true },
    streetId: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true },
    members: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
  },
  { collection: 'activity_groups', versionKey: false },
);
groupSchema.index({ communityId: 1, name: 1 }, { unique: true });

const rotaSchema = new Schema<Rota>(
  {
    _id: { type: String, required: true },
    venueId: { type: String, required: true },
    communityId: { type: String, required: true },
    streetId: { type: String, required: true },
    groupIds: { type: [String], required: true },
    slotMinutes: { type: Number, required: true },
    eveningStartsAt: { type: Number, required: true },
    cycleWeeks: { type: Number, required: true },
    slotsPerGroup: { type: Number, default: null },
    cycleIndex: { type: Number, default: 0 },
    status: { type: String, required: true },
    adoptedFrom: { type: String, default: null },
    adoptedCycles: { type: Number, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'rotas', versionKey: false },
);
rotaSchema.index({ venueId: 1 });

const bookingSchema = new Schema<Booking>(
  {
    _id: { type: String, required: true },
    venueId: { type: String, required: true },
    communityId: { type: String, required: true },
    streetId: { type: String, required: true },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    holder: { kind: { type: String, required: true }, id: { type: String, default: null }, name: { type: String, required: true } },
    purpose: { type: String, default: null },
    rotaId: { type: String, default: null },
    cellIds: { type: [String], default: [] },
    status: { type: String, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    cancelledAt: { type: Date, default: null },
  },
  { collection: 'venue_bookings', versionKey: false },
);
bookingSchema.index({ venueId: 1, status: 1, startsAt: 1 });

const cellSchema = new Schema<CellClaim>(
  {
    _id: { type: String, required: true },
    venueId: { type: String, required: true },
    bookingId: { type: String, required: true },
    holderName: { type: String, required: true },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    claimedAt: { type: Date, required: true },
  },
  { collection: 'venue_cells', versionKey: false },
);
cellSchema.index({ venueId: 1 });

/** `applied` holds the ids of the events a LIVE bucket has counted, so a redelivery counts nothing. */
export type StatsBucketDoc = StatsBucket & { applied?: string[] };

const statsBucketSchema = new Schema<StatsBucketDoc>(
  {
    _id: { type: String, required: true },
    source: { type: String, required: true },
    communityId: { type: String, required: true },
    streetId: { type: String, required: true },
    month: { type: String, required: true },
    categories: { type: Schema.Types.Mixed, default: {} },
    applied: { type: [String], default: undefined },
  },
  { collection: 'activity_stats_buckets', versionKey: false, minimize: false },
);
statsBucketSchema.index({ month: 1, streetId: 1, communityId: 1 });

/** One document per resident, read by `_id` (see the domain's ResidentRecord). */
export type ResidentRecordDoc = ResidentRecord;

const residentRecordSchema = new Schema<ResidentRecordDoc>(
  {
    _id: { type: String, required: true },
    home: { type: { _id: false, communityId: String, streetId: String }, default: undefined },
    registrations: { type: Schema.Types.Mixed },
    shifts: { type: Schema.Types.Mixed },
  },
  { collection: 'resident_activity_records', versionKey: false },
);

const campaignSchema = new Schema<Campaign>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    theme: { type: String, default: null },
    mechanism: { type: String, default: null },
    description: { type: String, default: null },
    citation: { type: String, default: null },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'campaigns', versionKey: false },
);
campaignSchema.index({ name: 1 }, { unique: true });

/** Marks what the seed wrote, so running it again changes nothing. */
export interface SeedStateDoc {
  _id: string;
  version: number;
  summary: Record<string, number>;
  seededAt: Date;
}

const seedStateSchema = new Schema<SeedStateDoc>(
  { _id: { type: String, required: true }, version: Number, summary: Schema.Types.Mixed, seededAt: Date },
  { collection: 'seed_state', versionKey: false },
);

export interface ActivitiesModels {
  Activity: Model<ActivityDoc>;
  ActivityArchive: Model<ActivityDoc>;
  Venue: Model<Venue>;
  ActivityGroup: Model<ActivityGroup>;
  Rota: Model<Rota>;
  Booking: Model<Booking>;
  Cell: Model<CellClaim>;
  StatsBucket: Model<StatsBucketDoc>;
  ResidentRecord: Model<ResidentRecordDoc>;
  SeedState: Model<SeedStateDoc>;
  Campaign: Model<Campaign>;
}

export function createModels(connection: Connection): ActivitiesModels {
  return {
    Activity: modelOn(connection, 'Activity', activitySchema),
    ActivityArchive: modelOn(connection, 'ArchivedActivity', archiveSchema),
    Venue: modelOn(connection, 'Venue', venueSchema),
    ActivityGroup: modelOn(connection, 'ActivityGroup', groupSchema),
    Rota: modelOn(connection, 'Rota', rotaSchema),
    Booking: modelOn(connection, 'VenueBooking', bookingSchema),
    Cell: modelOn(connection, 'VenueCell', cellSchema),
    StatsBucket: modelOn(connection, 'ActivityStatsBucket', statsBucketSchema),
    ResidentRecord: modelOn(connection, 'ResidentActivityRecord', residentRecordSchema),
    SeedState: modelOn(connection, 'SeedState', seedStateSchema),
    Campaign: modelOn(connection, 'Campaign', campaignSchema),
  };
}
