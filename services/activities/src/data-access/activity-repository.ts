import { findByIds, type Logger, OUTBOX_FIELD, type PageRequest } from '@sanshe/service-kit';
import type { CommunityDirectory, KnownCommunity } from '@sanshe/community-directory';
import type { FilterQuery, UpdateQuery } from 'mongoose';
import type { ActivityStore } from '../domain/activity';
import type { Activity, ActivityChange, OrganizerKind } from '../domain/activity-model';
import type { ActivityListFilter, ActivityReader } from '../domain/activity-queries';
import type { ActivitiesModels, ActivityDoc } from './models';
import type { ReadModelRepository } from './read-model-repository';

/** Translates a compare-and-set change into one conditional findOneAndUpdate. */
export function toConditionalUpdate(
  id: string,
  change: ActivityChange,
): { filter: FilterQuery<ActivityDoc>; update: UpdateQuery<ActivityDoc> } {
  const filter: Record<string, unknown> = { _id: id };
  const { expect } = change;
  if (expect.status) filter.status = expect.status;
  if (expect.registrationCount !== undefined) filter.registrations = { $size: expect.registrationCount };
  if (expect.shiftCount !== undefined) filter.volunteerShifts = { $size: expect.shiftCount };
  if (expect.seats) filter.seatsLeft = expect.seats === 'AVAILABLE' ? { $gt: 0 } : { $lte: 0 };
  if (expect.waitlisted !== undefined) filter.waitlisted = expect.waitlisted;
  // Entries are only ever appended, so an index names the same entry for the document's life.
  for (const r of expect.registrations ?? [])
    Object.assign(filter, { [`registrations.${r.index}.id`]: r.id, [`registrations.${r.index}.status`]: r.status });
  for (const s of expect.shifts ?? [])
    Object.assign(filter, { [`volunteerShifts.${s.index}.id`]: s.id, [`volunteerShifts.${s.index}.status`]: s.status });

  const $set: Record<string, unknown> = { ...change.set };
  for (const { index, set } of change.registrations ?? [])
    for (const [k, v] of Object.entries(set)) $set[`registrations.${index}.${k}`] = v;
  for (const { index, set } of change.shifts ?? []) for (const [k, v] of Object.entries(set)) $set[`volunteerShifts.${index}.${k}`] = v;
  const $push: Record<string, unknown> = { [OUTBOX_FIELD]: { $each: change.events } };
  if (change.appendRegistration) $push.registrations = change.appendRegistration;
  if (change.appendShift) $push.volunteerShifts = change.appendShift;
  const $addToSet: Record<string, string> = {};
  const sets = { holder: 'holders', checkInCode: 'checkInCodes', volunteer: 'volunteers' } as const;
  for (const [key, field] of Object.entries(sets) as [keyof typeof sets, string][]) {
    const member = change.claim?.[key];
    if (member === undefined) continue;
    filter[field] = { $ne: member };
    $addToSet[field] = member;
  }
  const update: Record<string, unknown> = { $push };
  if (Object.keys($set).length > 0) update.$set = $set;
  if (change.inc && Object.keys(change.inc).length > 0) update.$inc = change.inc;
  if (Object.keys($addToSet).length > 0) update.$addToSet = $addToSet;
  if (change.removeHolders?.length) update.$pullAll = { holders: change.removeHolders };
  return { filter: filter as FilterQuery<ActivityDoc>, update: update as UpdateQuery<ActivityDoc> };
}

function withoutOutbox<T extends object>(doc: T | null): T | null {
  if (doc) delete (doc as Record<string, unknown>)[OUTBOX_FIELD];
  return doc;
}

export class ActivityRepository implements ActivityStore, ActivityReader {
  constructor(
    private readonly models: ActivitiesModels,
    private readonly communities: CommunityDirectory,
    private readonly readModels: ReadModelRepository,
    private readonly logger: Logger,
  ) {}

  /** Live activities first; the ids not found there are looked up in the archive of imported history. */
  async byIds(ids: readonly string[]): Promise<ActivityDoc[]> {
    const live = await findByIds<ActivityDoc>(this.models.Activity, ids);
    const found = new Set(live.map((a) => a._id));
    const missing = ids.filter((id) => !found.has(id));
    return missing.length === 0 ? live : [...live, ...(await findByIds<ActivityDoc>(this.models.ActivityArchive, missing))];
  }

  /** Published activities of many communities in one query, soonest first. */
  publishedIn(communityIds: readonly string[]): Promise<ActivityDoc[]> {
    return this.models.Activity.find({ communityId: { $in: [...communityIds] }, status: 'PUBLISHED' })
      .sort({ startsAt: 1 })
      .lean<ActivityDoc[]>()
      .exec();
  }

  /** Published activities that have not ended, of many communities in one query, soonest first. */
  upcomingIn(communityIds: readonly string[], now: Date): Promise<ActivityDoc[]> {
    return this.models.Activity.find({ communityId: { $in: [...communityIds] }, status: 'PUBLISHED', endsAt: { $gt: now } })
      .sort({ startsAt: 1 })
      .lean<ActivityDoc[]>()
      .exec();
  }

  /** Runs one query on live activities and the archive alike, merged by id. */
  private async both(query: Record<string, unknown>, limit?: number): Promise<ActivityDoc[]> {
    const run = (model: ActivitiesModels['Activity']) => {
      const q = model.find(query).sort({ _id: 1 });
      return (limit ? q.limit(limit) : q).lean<ActivityDoc[]>().exec();
    };
    const [live, archived] = await Promise.all([run(this.models.Activity), run(this.models.ActivityArchive)]);
    const merged = [...live, ...archived].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    return limit ? merged.slice(0, limit) : merged;
  }

  /** Public activities organized by many organizers of one kind, in one query per collection, by id. */
  organizedBy(kind: OrganizerKind, organizerIds: readonly string[]): Promise<ActivityDoc[]> {
    return this.both({ 'organizer.kind': kind, 'organizer.id': { $in: [...organizerIds] }, status: { $ne: 'DRAFT' } });
  }

  /** One page (keyset on `_id`), fetched with one extra row to tell whether another page follows. */
  page(filter: ActivityListFilter, page: PageRequest): Promise<ActivityDoc[]> {
    const query: Record<string, unknown> = { status: { $in: filter.statuses } };
    if (filter.communityId) query.communityId = filter.communityId;
    if (filter.streetId) query.streetId = filter.streetId;
    if (filter.category) query.category = filter.category;
    if (filter.startsFrom || filter.startsBefore)
      query.startsAt = {
        ...(filter.startsFrom ? { $gte: filter.startsFrom } : {}),
        ...(filter.startsBefore ? { $lt: filter.startsBefore } : {}),
      };
    if (page.afterKey) query._id = { $gt: page.afterKey };
    return this.both(query, page.limit + 1);
  }

  community(id: string): Promise<KnownCommunity | null> {
    return this.communities.get(id);
  }

  /** Only live activities change, so only they have events. */
  async liveActivity(id: string): Promise<Activity | null> {
    return withoutOutbox(await this.models.Activity.findById(id).lean<Activity>().exec());
  }

  async activity(id: string): Promise<Activity | null> {
    const live = withoutOutbox(await this.models.Activity.findById(id).lean<Activity>().exec());
    return live ?? this.models.ActivityArchive.findById(id).lean<Activity>().exec();
  }

  async insert(activity: Activity): Promise<Activity> {
    await this.models.Activity.create(activity);
    return activity;
  }

  /** The write, then its events reflected in the read models (see ReadModelRepository). */
  async apply(id: string, change: ActivityChange): Promise<Activity | null> {
    const { filter, update } = toConditionalUpdate(id, change);
    const updated = withoutOutbox(await this.models.Activity.findOneAndUpdate(filter, update, { new: true }).lean<Activity>().exec());
    if (updated) await this.readModels.projectOutbox(updated, change.events, this.logger);
    return updated;
  }
}
