import { randomUUID } from 'node:crypto';
import { AlreadyExistsError, authorize, BadInputError, ConflictError, NotFoundError } from '@sanshe/domain-kit';
import type { KnownCommunity } from '@sanshe/community-directory';
import { parseDay, requireText, round2, today, type Caller } from './common';
import type { Organization } from './organization';
import type { SocialWorker } from './social-worker';

/**
 * 党员和骨干人才同步培养 — the 三三三 method's second sync: a social organization's party members
 * and its key staff are trained together, on the same courses, and their hours are counted
 * for each organization and each person.
 */

export const COURSE_TOPICS = ['PARTY_THEORY', 'PARTY_AFFAIRS', 'PROFESSIONAL_SKILLS', 'ORGANIZATION_MANAGEMENT'] as const;
export type CourseTopic = (typeof COURSE_TOPICS)[number];

/** A training course for party members and key staff of social organizations, held by the district or a street. */
export interface PartyTrainingCourse {
  _id: string;
  title: string;
  /** Who teaches or hosts it, as the scheduler names it (a party school, a street office…). */
  organizer: string;
  heldOn: string;
  hours: number;
  topic: CourseTopic;
  /** null: a district course; otherwise the street that scheduled it. */
  streetId: string | null;
  recordedAt: Date;
}

export type AttendeeKind = 'PARTY_MEMBER' | 'KEY_STAFF';

/** One person's attendance of one course, credited to the social organization they belong to. */
export interface CourseAttendance {
  _id: string;
  courseId: string;
  organizationId: string;
  kind: AttendeeKind;
  /** PARTY_MEMBER: registry's party member id; KEY_STAFF: the social worker's id. */
  personId: string;
  hoursCredited: number;
  /** The course day, copied so a person's record sorts without the course. */
  heldOn: string;
  recordedAt: Date;
}

export interface PartyTrainingStore {
  organizations(ids: readonly string[]): Promise<Organization[]>;
  communities(ids: readonly string[]): Promise<KnownCommunity[]>;
  socialWorker(id: string): Promise<SocialWorker | null>;
  course(id: string): Promise<PartyTrainingCourse | null>;
  insertCourse(course: PartyTrainingCourse): Promise<void>;
  /** Throws a duplicate-key error when the person already attends the course (unique courseId + kind + personId). */
  insertAttendance(attendance: CourseAttendance): Promise<void>;
}

export interface ScheduleCourseInput {
  title: string;
  organizer: string;
  heldOn: string;
  hours: number;
  topic: CourseTopic;
  streetId?: string | null;
}

/** Schedules a course: a district course is DISTRICT_ADMIN's; a street's, its STREET_STAFF's. Past or future days are both fine. */
export async function scheduleCourse(input: ScheduleCourseInput, caller: Caller, store: PartyTrainingStore): Promise<PartyTrainingCourse> {
  const streetId = input.streetId?.trim() || null;
  const action = streetId
    ? `schedule a party-member and key-staff course of street ${streetId}`
    : 'schedule a district party-member and key-staff course';
  authorize(
    caller.identity,
    streetId ? { action, roles: ['DISTRICT_ADMIN', 'STREET_STAFF'], scope: { streetId } } : { action, roles: ['DISTRICT_ADMIN'] },
  );
  if (!Number.isFinite(input.hours) || input.hours <= 0 || input.hours > 40 || round2(input.hours * 2) % 1 !== 0) {
    throw new BadInputError('hours', 'hours is the length of the course in half hours, from 0.5 to 40.');
  }
  if (!COURSE_TOPICS.includes(input.topic)) throw new BadInputError('topic', `topic is one of ${COURSE_TOPICS.join(', ')}.`);
  const course: PartyTrainingCourse = {
    _id: `partycourse-${randomUUID()}`,
    title: requireText('title', input.title, 100),
    organizer: requireText('organizer', input.organizer, 60),
    heldOn: parseDay('heldOn', input.heldOn),
    hours: input.hours,
    topic: input.topic,
    streetId,
    recordedAt: new Date(),
  };
  await store.insertCourse(course);
  return course;
}

export interface RecordAttendanceInput {
  courseId: string;
  organizationId: string;
  kind: AttendeeKind;
  /** PARTY_MEMBER: a party member id (registry); KEY_STAFF: a social worker id of the organization. */
  personId: string;
  /** Defaults to the course's hours; never more. */
  hoursCredited?: number | null;
}

/**
 * Records that a person attended a course. The district, the scheduling street's staff, or the
 * organization's own staff may record it, once the course day has come; a second record of the
 * same person on the same course is a CONFLICT (unique index), so a retried call cannot count twice.
 */
export async function recordAttendance(input: RecordAttendanceInput, caller: Caller, store: PartyTrainingStore): Promise<CourseAttendance> {
  // Callers without any of the roles learn nothing of which courses or organizations exist.
  authorize(caller.identity, {
    action: 'record attendance of a party-member and key-staff course',
    roles: ['DISTRICT_ADMIN', 'STREET_STAFF', 'ORG_STAFF'],
  });
  const course = await store.course(input.courseId);
  if (!course) throw new NotFoundError('PartyTrainingCourse', input.courseId);
  const action = `record attendance of course ${course._id} for social organization ${input.organizationId}`;
  const [org] = await store.organizations([input.organizationId]);
  if (!org) throw new NotFoundError('SocialOrganization', input.organizationId);
  const streetsOfOrg = new Set((await store.communities(org.communityIds)).map((c) => c.streetId));
  // The street that scheduled the course speaks for its organizations; any org speaks for its own people.
  const streetScope = course.streetId && streetsOfOrg.has(course.streetId) ? course.streetId : null;
  authorize(caller.identity, {
    action,
    roles: ['DISTRICT_ADMIN', 'STREET_STAFF', 'ORG_STAFF'],
    scope: { orgId: org._id, streetId: streetScope },
  });
  if (org.status !== 'ACTIVE')
    throw new BadInputError('organizationId', `${org.name} is ${org.status}; only ACTIVE organizations have people trained.`);
  if (course.streetId && !streetsOfOrg.has(course.streetId)) {
    throw new BadInputError(
      'organizationId',
      `${org.name} serves no community of street ${course.streetId}, which scheduled this course; record it on a district course or one of its own streets.`,
    );
  }
  if (course.heldOn > today())
    throw new BadInputError('courseId', `The course is held on ${course.heldOn}; record attendance on or after that day.`);
  const personId = requireText('personId', input.personId, 80);
  if (input.kind === 'PARTY_MEMBER') {
    if (!org.partyCoverage)
      throw new BadInputError(
        'kind',
        `${org.name} has no party coverage yet, so no party members of it are trained; set its party coverage first or record the person as KEY_STAFF.`,
      );
  } else {
    const worker = await store.socialWorker(personId);
    if (!worker || worker.organizationId !== org._id)
      throw new BadInputError(
        'personId',
        `${personId} is not a social worker of ${org.name}; key staff are recorded by their social-worker id.`,
      );
    if (worker.status !== 'ACTIVE')
      throw new BadInputError('personId', `${worker.name} has left ${org.name}; only active staff are credited.`);
  }
  const hours = input.hoursCredited ?? course.hours;
  if (!Number.isFinite(hours) || hours <= 0 || hours > course.hours)
    throw new BadInputError('hoursCredited', `hoursCredited is above 0 and at most the course's ${course.hours} hours.`);
  const attendance: CourseAttendance = {
    _id: `attendance-${randomUUID()}`,
    courseId: course._id,
    organizationId: org._id,
    kind: input.kind,
    personId,
    hoursCredited: round2(hours),
    heldOn: course.heldOn,
    recordedAt: new Date(),
  };
  try {
    await store.insertAttendance(attendance);
  } catch (err) {
    if (err instanceof AlreadyExistsError) {
      throw new ConflictError(
        `${personId} is already recorded on course "${course.title}"; attendance counts once per person and course, so nothing was added. The hours already credited are in ${org.name}'s partyTrainingByPerson.`,
      );
    }
    throw err;
  }
  return attendance;
}

export interface TrainingTotals {
  attendances: number;
  people: number;
  partyMemberHours: number;
  keyStaffHours: number;
  totalHours: number;
}

/** Totals over attendance rows: hours by kind, and distinct people (a kind and an id). */
export function trainingTotals(rows: readonly Pick<CourseAttendance, 'kind' | 'personId' | 'hoursCredited'>[]): TrainingTotals {
  const sum = (kind: AttendeeKind) => round2(rows.filter((r) => r.kind === kind).reduce((n, r) => n + r.hoursCredited, 0));
  const partyMemberHours = sum('PARTY_MEMBER');
  const keyStaffHours = sum('KEY_STAFF');
  return {
    attendances: rows.length,
    people: new Set(rows.map((r) => `${r.kind}:${r.personId}`)).size,
    partyMemberHours,
    keyStaffHours,
    totalHours: round2(partyMemberHours + keyStaffHours),
  };
}

export interface PersonTraining {
  kind: AttendeeKind;
  personId: string;
  courses: number;
  hours: number;
}

/** Per-person totals, most hours first (ties by id, so the order is stable). */
export function trainingByPerson(rows: readonly Pick<CourseAttendance, 'kind' | 'personId' | 'hoursCredited'>[]): PersonTraining[] {
  const people = new Map<string, PersonTraining>();
  for (const r of rows) {
    const key = `${r.kind}:${r.personId}`;
    const p = people.get(key) ?? { kind: r.kind, personId: r.personId, courses: 0, hours: 0 };
    people.set(key, { ...p, courses: p.courses + 1, hours: round2(p.hours + r.hoursCredited) });
  }
  return [...people.values()].sort((a, b) => b.hours - a.hours || a.personId.localeCompare(b.personId));
}
