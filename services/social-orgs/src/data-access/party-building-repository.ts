import { OUTBOX_FIELD, pushEvents, uniqueWrite, type OutboxEntry, type PageRequest } from '@sanshe/service-kit';
import type { FilterQuery } from 'mongoose';
import type { JointMeeting, OrganizationEvaluation, OrganizationSupport, PartyBuildingStore } from '../domain/party-building';
import type { JointMeetingFilter, PartyBuildingReads } from '../domain/party-building-queries';
import { ParticipantRepository } from './participant-repository';

/** Reads leave the outbox out: it is bookkeeping, not the record. */
const WITHOUT_OUTBOX = { [OUTBOX_FIELD]: 0 } as const;

export class PartyBuildingRepository extends ParticipantRepository implements PartyBuildingStore, PartyBuildingReads {
  meeting(id: string): Promise<JointMeeting | null> {
    return this.models.JointMeeting.findById(id, WITHOUT_OUTBOX).lean<JointMeeting>().exec();
  }

  async insertMeeting(meeting: JointMeeting, events: OutboxEntry[]): Promise<void> {
    await this.models.JointMeeting.create({ ...meeting, [OUTBOX_FIELD]: events });
  }

  /** A `$set`, not a replace: a replace would drop events of earlier changes still waiting in the outbox. */
  async updateFollowUps(meeting: JointMeeting, expectedVersion: number, events: OutboxEntry[]): Promise<boolean> {
    const res = await this.models.JointMeeting.updateOne(
      { _id: meeting._id, version: expectedVersion },
      { $set: { followUps: meeting.followUps, version: meeting.version }, ...pushEvents(events) },
    ).exec();
    return res.modifiedCount === 1;
  }

  async insertSupport(support: OrganizationSupport, events: OutboxEntry[]): Promise<void> {
    await this.models.OrganizationSupport.create({ ...support, [OUTBOX_FIELD]: events });
  }

  async insertEvaluation(evaluation: OrganizationEvaluation): Promise<void> {
    await uniqueWrite('OrganizationEvaluation', () => this.models.OrganizationEvaluation.create(evaluation));
  }

  meetingPage(filter: JointMeetingFilter, page: PageRequest): Promise<JointMeeting[]> {
    const query: FilterQuery<JointMeeting> = {};
    if (filter.streetId) query.streetId = filter.streetId;
    if (filter.organizationId) query.organizationIds = filter.organizationId;
    if (page.afterKey) query._id = { $gt: page.afterKey };
    return this.models.JointMeeting.find(query, WITHOUT_OUTBOX)
      .sort({ _id: 1 })
      .limit(page.limit + 1)
      .lean<JointMeeting[]>()
      .exec();
  }

  meetingsOf(organizationIds: readonly string[]): Promise<JointMeeting[]> {
    return this.models.JointMeeting.find({ organizationIds: { $in: [...organizationIds] } }, WITHOUT_OUTBOX)
      .sort({ heldOn: -1, _id: 1 })
      .lean<JointMeeting[]>()
      .exec();
  }

  supportOf(organizationIds: readonly string[]): Promise<OrganizationSupport[]> {
    return this.models.OrganizationSupport.find({ organizationId: { $in: [...organizationIds] } }, WITHOUT_OUTBOX)
      .sort({ givenOn: -1, _id: 1 })
      .lean<OrganizationSupport[]>()
      .exec();
  }

  evaluationsOf(organizationIds: readonly string[]): Promise<OrganizationEvaluation[]> {
    return this.models.OrganizationEvaluation.find({ organizationId: { $in: [...organizationIds] } })
      .sort({ year: -1 })
      .lean<OrganizationEvaluation[]>()
      .exec();
  }
}
