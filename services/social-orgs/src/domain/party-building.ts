import { randomUUID } from 'node:crypto';
import { AlreadyExistsError, allows, authorize, BadInputError, ConflictError, NotFoundError, type OutboxEntry } from '@sanshe/domain-kit';
import type { EventFactory } from '@sanshe/service-kit';
import type { KnownCommunity } from '@sanshe/community-directory';
import { JOINT_MEETING_FOLLOW_UP_COMPLETED, JOINT_MEETING_RECORDED, SUPPORT_RECORDED } from './events';
import { parseDay, requireText, round2, today, type Caller } from './common';
import type { Organization } from './organization';

/**
 * The "三三三" method's mechanisms for party building in social organizations beyond branch
 * coverage and the annual review: joint meetings (党建联席机制), support (综合保障机制) and
 * target evaluation of the organizations themselves (目标考评机制).
 */

/** A follow-up of a meeting's decision: one organization owns it until a due day. */
export interface FollowUp {
  id: string;
  /** Index of the decision in the meeting's list. */
  decision: number;
  action: string;
  ownerOrgId: string;
  dueOn: string;
  doneOn: string | null;
}

/** 党建联席会议 — a joint party-building meeting of social organizations, at district or street level. */
export interface JointMeeting {
  _id: string;
  topic: string;
  heldOn: string;
  /** null: a district-level meeting; otherwise the street that convened it. */
  streetId: string | null;
  organizationIds: string[];
  decisions: string[];
  followUps: FollowUp[];
  version: number;
  recordedAt: Date;
}

export type SupportKind = 'FUNDS' | 'ROOM' | 'TRAINING' | 'OTHER';

/** 综合保障 — support given to a social organization: money, rooms or training, with its value in yuan. */
export interface OrganizationSupport {
  _id: string;
  organizationId: string;
  kind: SupportKind;
  amountYuan: number;
  description: string;
  givenOn: string;
  /** Who gave it, as the caller names it (the district, a street office, a community). */
  givenBy: string;
  recordedAt: Date;
}

export type OrganizationRating = 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL';

/** 目标考评 of a social organization: weighted targets, one evaluation per organization and year. */
export interface OrganizationEvaluation {
  /** `<organizationId>:<year>`. */
  _id: string;
  organizationId: string;
  year: number;
  targets: { name: string; weight: number; score: number }[];
  score: number;
  rating: OrganizationRating;
  recordedAt: Date;
}

export interface PartyBuildingStore {
  organizations(ids: readonly string[]): Promise<Organization[]>;
  communities(ids: readonly string[]): Promise<KnownCommunity[]>;
  meeting(id: string): Promise<JointMeeting | null>;
  insertMeeting(meeting: JointMeeting, events: OutboxEntry[]): Promise<void>;
  /** Sets the follow-ups and version, with the events, only while the version is still `expectedVersion`. */
  updateFollowUps(meeting: JointMeeting, expectedVersion: number, events: OutboxEntry[]): Promise<boolean>;
  insertSupport(support: OrganizationSupport, events: OutboxEntry[]): Promise<void>;
  /** Throws a duplicate-key error when the organization already has an evaluation for the year. */
  insertEvaluation(evaluation: OrganizationEvaluation): Promise<void>;
}

/** The streets an organization works in, through the communities it serves. */
async function streetsOf(orgs: Organization[], store: PartyBuildingStore): Promise<Map<string, Set<string>>> {
  const communities = new Map((await store.communities([...new Set(orgs.flatMap((o) => o.communityIds))])).map((c) => [c._id, c.streetId]));
  return new Map(orgs.map((o) => [o._id, new Set(o.communityIds.map((c) => communities.get(c)).filter((s): s is string => !!s))]));
}

async function activeOrganizations(ids: readonly string[], field: string, store: PartyBuildingStore): Promise<Organization[]> {
  const unique = [...new Set(ids)];
  const found = await store.organizations(unique);
  const missing = unique.filter((id) => !found.some((o) => o._id === id));
  if (missing.length > 0) throw new NotFoundError('SocialOrganization', missing[0]!);
  const inactive = found.find((o) => o.status !== 'ACTIVE');
  if (inactive) throw new BadInputError(field, `${inactive.name} is ${inactive.status}; only ACTIVE organizations take part.`);
  return found;
}

function pastDay(field: string, value: string): string {
  const day = parseDay(field, value);
  if (day > today()) throw new BadInputError(field, `${field} ${day} is in the future.`);
  return day;
}

export interface JointMeetingInput {
  topic: string;
  heldOn: string;
  streetId?: string | null;
  organizationIds: string[];
  decisions: { text: string; followUps?: { action: string; ownerOrgId: string; dueOn: string }[] | null }[];
}

/**
 * Partners following party building in social organizations (a street's dashboard, the
 * organizations' own systems) learn of meetings, their follow-ups and support from these events;
 * they carry ids, days and figures, never the staff's free text.
 */
export type Events = Pick<EventFactory, 'create'>;

/** Records a joint meeting. A district meeting is DISTRICT_ADMIN's; a street's, its staff's, with organizations working in that street. */
export async function recordJointMeeting(
  input: JointMeetingInput,
  caller: Caller,
  store: PartyBuildingStore,
  events: Events,
): Promise<JointMeeting> {
  const streetId = input.streetId?.trim() || null;
  const action = streetId
    ? `record a joint party-building meeting of street ${streetId}`
    : 'record a district joint party-building meeting';
  authorize(
    caller.identity,
    streetId ? { action, roles: ['DISTRICT_ADMIN', 'STREET_STAFF'], scope: { streetId } } : { action, roles: ['DISTRICT_ADMIN'] },
  );
  const topic = requireText('topic', input.topic, 100);
  const heldOn = pastDay('heldOn', input.heldOn);
  if (input.organizationIds.length < 2)
    throw new BadInputError('organizationIds', 'A joint meeting brings together at least two organizations.');
  if (input.decisions.length === 0)
    throw new BadInputError('decisions', 'Record at least one decision; a meeting without one is not a joint-meeting record.');
  const orgs = await activeOrganizations(input.organizationIds, 'organizationIds', store);
  if (streetId) {
    const streets = await streetsOf(orgs, store);
    const outside = orgs.find((o) => !streets.get(o._id)!.has(streetId));
    if (outside)
      throw new BadInputError(
        'organizationIds',
        `${outside.name} serves no community of street ${streetId}; a street's meeting brings its own organizations together.`,
      );
  }
  const followUps: FollowUp[] = [];
  const decisions = input.decisions.map((d, i) => {
    for (const [j, f] of (d.followUps ?? []).entries()) {
      const field = `decisions[${i}].followUps[${j}]`;
      if (!input.organizationIds.includes(f.ownerOrgId))
        throw new BadInputError(
          `${field}.ownerOrgId`,
          `The owner of a follow-up is one of the organizations at the meeting; ${f.ownerOrgId} was not there.`,
        );
      const dueOn = parseDay(`${field}.dueOn`, f.dueOn);
      if (dueOn < heldOn) throw new BadInputError(`${field}.dueOn`, `A follow-up is due on or after the meeting day ${heldOn}.`);
      followUps.push({
        id: `${followUps.length + 1}`,
        decision: i,
        action: requireText(`${field}.action`, f.action, 200),
        ownerOrgId: f.ownerOrgId,
        dueOn,
        doneOn: null,
      });
    }
    return requireText(`decisions[${i}].text`, d.text, 300);
  });
  const meeting: JointMeeting = {
    _id: `jointmeeting-${randomUUID()}`,
    topic,
    heldOn,
    streetId,
    organizationIds: [...new Set(input.organizationIds)],
    decisions,
    followUps,
    version: 1,
    recordedAt: new Date(),
  };
  const event = events.create(
    JOINT_MEETING_RECORDED,
    meeting._id,
    {
      meetingId: meeting._id,
      level: streetId ? 'STREET' : 'DISTRICT',
      ...(streetId ? { streetId } : {}),
      heldOn,
      organizationIds: meeting.organizationIds,
      decisionCount: decisions.length,
      followUps: followUps.map((f) => ({ followUpId: f.id, ownerOrgId: f.ownerOrgId, dueOn: f.dueOn })),
    },
    caller.traceparent,
  );
  await store.insertMeeting(meeting, [event]);
  return meeting;
}

/** Marks a follow-up done: the owner organization's staff, the convening street's staff or the district. */
export async function completeFollowUp(
  meetingId: string,
  followUpId: string,
  doneOn: string | null | undefined,
  caller: Caller,
  store: PartyBuildingStore,
  events: Events,
): Promise<JointMeeting> {
  const meeting = await store.meeting(meetingId);
  if (!meeting) throw new NotFoundError('JointPartyMeeting', meetingId);
  const followUp = meeting.followUps.find((f) => f.id === followUpId);
  if (!followUp) throw new NotFoundError('FollowUp', `${meetingId}/${followUpId}`);
  const action = `complete follow-up ${followUpId} of meeting ${meetingId}`;
  const byStreet =
    meeting.streetId !== null && allows(caller.identity, { action, roles: ['STREET_STAFF'], scope: { streetId: meeting.streetId } });
  if (!byStreet) authorize(caller.identity, { action, roles: ['DISTRICT_ADMIN', 'ORG_STAFF'], scope: { orgId: followUp.ownerOrgId } });
  if (followUp.doneOn) throw new ConflictError(`Follow-up ${followUpId} was already done on ${followUp.doneOn}.`);
  const day = doneOn ? pastDay('doneOn', doneOn) : today();
  if (day < meeting.heldOn) throw new BadInputError('doneOn', `A follow-up cannot be done before the meeting day ${meeting.heldOn}.`);
  const next: JointMeeting = {
    ...meeting,
    followUps: meeting.followUps.map((f) => (f.id === followUpId ? { ...f, doneOn: day } : f)),
    version: meeting.version + 1,
  };
  const event = events.create(
    JOINT_MEETING_FOLLOW_UP_COMPLETED,
    meeting._id,
    { meetingId: meeting._id, followUpId, ownerOrgId: followUp.ownerOrgId, dueOn: followUp.dueOn, doneOn: day, late: day > followUp.dueOn },
    caller.traceparent,
  );
  if (!(await store.updateFollowUps(next, meeting.version, [event])))
    throw new ConflictError(`Meeting ${meetingId} was changed by someone else meanwhile; reload it and try again.`);
  return next;
}

export interface SupportInput {
  organizationId: string;
  kind: SupportKind;
  amountYuan: number;
  description: string;
  givenOn: string;
  givenBy: string;
  /** The street giving it; street staff must name their own. */
  streetId?: string | null;
}

/** Records support given to an organization: the district, or staff of a street the organization works in. */
export async function recordSupport(
  input: SupportInput,
  caller: Caller,
  store: PartyBuildingStore,
  events: Events,
): Promise<OrganizationSupport> {
  const streetId = input.streetId?.trim() || null;
  const action = `record support given to social organization ${input.organizationId}`;
  authorize(
    caller.identity,
    streetId ? { action, roles: ['DISTRICT_ADMIN', 'STREET_STAFF'], scope: { streetId } } : { action, roles: ['DISTRICT_ADMIN'] },
  );
  if (!Number.isFinite(input.amountYuan) || input.amountYuan < 0 || input.amountYuan > 100_000_000)
    throw new BadInputError('amountYuan', 'amountYuan is the value in yuan, from 0 to 100,000,000.');
  if (input.kind === 'FUNDS' && input.amountYuan === 0) throw new BadInputError('amountYuan', 'Funds given have an amount above 0.');
  const [org] = await activeOrganizations([input.organizationId], 'organizationId', store);
  if (streetId && !(await streetsOf([org!], store)).get(org!._id)!.has(streetId)) {
    throw new BadInputError(
      'organizationId',
      `${org!.name} serves no community of street ${streetId}; a street supports its own organizations.`,
    );
  }
  const support: OrganizationSupport = {
    _id: `support-${randomUUID()}`,
    organizationId: org!._id,
    kind: input.kind,
    amountYuan: round2(input.amountYuan),
    description: requireText('description', input.description, 300),
    givenOn: pastDay('givenOn', input.givenOn),
    givenBy: requireText('givenBy', input.givenBy, 60),
    recordedAt: new Date(),
  };
  const event = events.create(
    SUPPORT_RECORDED,
    support.organizationId,
    {
      supportId: support._id,
      organizationId: support.organizationId,
      kind: support.kind,
      amountYuan: support.amountYuan,
      givenOn: support.givenOn,
      ...(streetId ? { streetId } : {}),
    },
    caller.traceparent,
  );
  await store.insertSupport(support, [event]);
  return support;
}

export function ratingOf(score: number): OrganizationRating {
  if (score >= 90) return 'EXCELLENT';
  if (score >= 80) return 'GOOD';
  if (score >= 60) return 'PASS';
  return 'FAIL';
}

/** The weighted score of targets whose weights add up to 100, two decimals. */
export function weightedScore(targets: readonly { weight: number; score: number }[]): number {
  return round2(targets.reduce((sum, t) => sum + (t.weight * t.score) / 100, 0));
}

export interface OrganizationEvaluationInput {
  organizationId: string;
  year: number;
  targets: { name: string; weight: number; score: number }[];
}

/** Records the year's target evaluation of an organization (DISTRICT_ADMIN); a second one for the year is a CONFLICT. */
export async function recordOrganizationEvaluation(
  input: OrganizationEvaluationInput,
  caller: Caller,
  store: PartyBuildingStore,
): Promise<OrganizationEvaluation> {
  authorize(caller.identity, { action: 'record the target evaluation of a social organization', roles: ['DISTRICT_ADMIN'] });
  const currentYear = Number(today().slice(0, 4));
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > currentYear)
    throw new BadInputError('year', `year must be a whole year from 2000 to ${currentYear}.`);
  if (input.targets.length === 0) throw new BadInputError('targets', 'An evaluation has at least one target.');
  const targets = input.targets.map((t, i) => {
    if (!Number.isInteger(t.weight) || t.weight <= 0)
      throw new BadInputError(`targets[${i}].weight`, 'A weight is a whole number above 0.');
    if (!Number.isFinite(t.score) || t.score < 0 || t.score > 100)
      throw new BadInputError(`targets[${i}].score`, 'A score is from 0 to 100.');
    return { name: requireText(`targets[${i}].name`, t.name, 60), weight: t.weight, score: round2(t.score) };
  });
  const weights = targets.reduce((n, t) => n + t.weight, 0);
  if (weights !== 100) throw new BadInputError('targets', `The targets' weights add up to ${weights}; they must add up to 100.`);
  const [org] = await activeOrganizations([input.organizationId], 'organizationId', store);
  const score = weightedScore(targets);
  const evaluation: OrganizationEvaluation = {
    _id: `${org!._id}:${input.year}`,
    organizationId: org!._id,
    year: input.year,
    targets,
    score,
    rating: ratingOf(score),
    recordedAt: new Date(),
  };
  try {
    await store.insertEvaluation(evaluation);
  } catch (err) {
    if (err instanceof AlreadyExistsError) throw new ConflictError(`${org!.name} already has a target evaluation for ${input.year}.`);
    throw err;
  }
  return evaluation;
}
