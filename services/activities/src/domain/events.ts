import type { EventData, EventType } from '@sanshe/schemas/generated/events';
import type { OutboxEntry } from '@sanshe/domain-kit';
import type { EventFactory } from '@sanshe/service-kit';
import type { Activity, Registration, VolunteerShift } from './activity-model';

/** The events of the activities context; payloads follow schemas/events/activities/. */
export const EVENT = {
  activityPublished: 'cn.sanshe.activities.activity.published.v1',
  activityCancelled: 'cn.sanshe.activities.activity.cancelled.v1',
  activityCompleted: 'cn.sanshe.activities.activity.completed.v1',
  registrationCreated: 'cn.sanshe.activities.registration.created.v1',
  registrationCancelled: 'cn.sanshe.activities.registration.cancelled.v1',
  registrationPromoted: 'cn.sanshe.activities.registration.promoted.v1',
  attendanceConfirmed: 'cn.sanshe.activities.attendance.confirmed.v1',
  volunteerHoursScheduled: 'cn.sanshe.activities.volunteerHours.scheduled.v1',
  volunteerHoursReported: 'cn.sanshe.activities.volunteerHours.reported.v1',
  volunteerHoursVerified: 'cn.sanshe.activities.volunteerHours.verified.v1',
} as const;

export type Events = Pick<EventFactory, 'create'>;

const iso = (d: Date) => d.toISOString();
const pairs = (entries: readonly Registration[]) => entries.map((r) => ({ registrationId: r.id, residentId: r.residentId }));

/** Builds the events of one activity, each keyed by the activity id so they keep their order on Kafka. */
export class ActivityEvents {
  constructor(
    private readonly events: Events,
    private readonly activity: Pick<Activity, '_id' | 'communityId' | 'title' | 'category' | 'startsAt' | 'endsAt' | 'capacity'>,
    private readonly traceparent: string,
  ) {}

  /** Every event of an activity names it and its community. */
  private ids(): { activityId: string; communityId: string } {
    return { activityId: this.activity._id, communityId: this.activity.communityId };
  }

  /** `data` is typed by the contract of `type`; the factory validates it once more at runtime. */
  private emit<T extends EventType>(type: T, data: EventData<T>): OutboxEntry {
    return this.events.create(type, this.activity._id, data, this.traceparent);
  }

  published(): OutboxEntry {
    const a = this.activity;
    return this.emit(EVENT.activityPublished, {
      ...this.ids(),
      title: a.title,
      category: a.category,
      startsAt: iso(a.startsAt),
      endsAt: iso(a.endsAt),
      capacity: a.capacity,
    });
  }

  cancelled(previousStatus: 'DRAFT' | 'PUBLISHED', reason: string, at: Date, ended: readonly Registration[]): OutboxEntry {
    const a = this.activity;
    return this.emit(EVENT.activityCancelled, {
      ...this.ids(),
      category: a.category,
      startsAt: iso(a.startsAt),
      previousStatus,
      reason,
      cancelledAt: iso(at),
      registrations: pairs(ended),
    });
  }

  completed(attended: number, noShows: readonly Registration[], at: Date): OutboxEntry {
    const a = this.activity;
    return this.emit(EVENT.activityCompleted, {
      ...this.ids(),
      category: a.category,
      startsAt: iso(a.startsAt),
      attended,
      noShows: pairs(noShows),
      completedAt: iso(at),
    });
  }

  registrationCreated(r: Registration): OutboxEntry {
    const { status } = r;
    // A registration is created with a seat or a waiting place, nothing else (its contract says so too).
    if (status !== 'REGISTERED' && status !== 'WAITLISTED')
      throw new Error(`registration ${r.id} is ${status}: only a new one can be announced as created`);
    return this.emit(EVENT.registrationCreated, {
      ...this.ids(),
      registrationId: r.id,
      residentId: r.residentId,
      status,
      registeredBy: r.registeredBy,
      registeredAt: iso(r.registeredAt),
    });
  }

  registrationCancelled(r: Registration, previousStatus: 'REGISTERED' | 'WAITLISTED', at: Date): OutboxEntry {
    return this.emit(EVENT.registrationCancelled, {
      ...this.ids(),
      registrationId: r.id,
      residentId: r.residentId,
      previousStatus,
      cancelledAt: iso(at),
    });
  }

  registrationPromoted(r: Registration, at: Date): OutboxEntry {
    return this.emit(EVENT.registrationPromoted, { ...this.ids(), registrationId: r.id, residentId: r.residentId, promotedAt: iso(at) });
  }

  /** The attendance is the registration's: its id is the registration id, so a redelivery is recognisable downstream. */
  attendanceConfirmed(r: Registration, at: Date): OutboxEntry {
    return this.emit(EVENT.attendanceConfirmed, { ...this.ids(), attendanceId: r.id, residentId: r.residentId, confirmedAt: iso(at) });
  }

  volunteerHoursScheduled(s: VolunteerShift): OutboxEntry {
    return this.emit(EVENT.volunteerHoursScheduled, {
      ...this.ids(),
      shiftId: s.id,
      residentId: s.residentId,
      role: s.role,
      hours: s.scheduledHours,
      scheduledAt: iso(s.scheduledAt),
    });
  }

  volunteerHoursReported(s: VolunteerShift, hours: number, at: Date): OutboxEntry {
    return this.emit(EVENT.volunteerHoursReported, { ...this.ids(), shiftId: s.id, residentId: s.residentId, hours, reportedAt: iso(at) });
  }

  volunteerHoursVerified(s: VolunteerShift, hours: number, at: Date): OutboxEntry {
    return this.emit(EVENT.volunteerHoursVerified, { ...this.ids(), shiftId: s.id, residentId: s.residentId, hours, verifiedAt: iso(at) });
  }
}
