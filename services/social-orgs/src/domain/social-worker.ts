import { randomUUID } from 'node:crypto';
import {
  AlreadyExistsError,
  authorize,
  BadInputError,
  ConflictError,
  maskName,
  NotFoundError,
  type OutboxEntry,
  type Policy,
} from '@sanshe/domain-kit';
import type { EventFactory } from '@sanshe/service-kit';
import type { KnownCommunity } from '@sanshe/community-directory';
import { addDays, optionalText, parseDay, requireText, today, type Caller } from './common';
import { EVALUATION_RECORDED, SOCIAL_WORKER_CERTIFIED, SOCIAL_WORKER_LEFT, SOCIAL_WORKER_REGISTERED } from './events';
import type { Organization } from './organization';
import { ageOn } from './worker-stats';

export type Education = 'JUNIOR_HIGH_OR_BELOW' | 'SENIOR_HIGH' | 'JUNIOR_COLLEGE' | 'BACHELOR' | 'POSTGRADUATE';
export const CERTIFICATE_LEVELS = ['ASSISTANT_SOCIAL_WORKER', 'SOCIAL_WORKER', 'SENIOR_SOCIAL_WORKER'] as const;
export type CertificateLevel = (typeof CERTIFICATE_LEVELS)[number];
export type EvaluationGrade = 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL';

export interface Certificate {
  level: CertificateLevel;
  certifiedOn: string;
  number: string | null;
}

export interface Training {
  id: string;
  title: string;
  provider: string;
  hours: number;
  completedOn: string;
}

export interface SocialWorker {
  _id: string;
  name: string;
  organizationId: string;
  communityId: string;
  /** The posting community's street, kept for STREET_STAFF scope checks. */
  streetId: string;
  birthDate: string;
  education: Education;
  certificate: Certificate | null;
  trainings: Training[];
  status: 'ACTIVE' | 'LEFT';
  registeredOn: string;
  /** The day a LEFT worker left; absent while ACTIVE. */
  leftOn?: string | null;
  /** Among those whose annual target evaluation the district keeps (the report's 166); others are counted only as staff. */
  underTargetEvaluation: boolean;
}

export interface Evaluation {
  /** `<socialWorkerId>:<year>` — with a unique index on (socialWorkerId, year): one evaluation per worker and year. */
  _id: string;
  socialWorkerId: string;
  organizationId: string;
  communityId: string;
  streetId: string;
  year: number;
  score: number;
  grade: EvaluationGrade;
  awardCandidate: boolean;
  twoCommitteesCandidate: boolean;
  comment: string | null;
  recordedAt: Date;
}

export interface WorkerStore {
  worker(id: string): Promise<SocialWorker | null>;
  organization(id: string): Promise<Organization | null>;
  community(id: string): Promise<KnownCommunity | null>;
  /** Inserts the worker with its events in one write; a taken id throws a duplicate-key error. */
  insertWorker(worker: SocialWorker, events: OutboxEntry[]): Promise<void>;
  /** Sets the certificate only if the stored level is still `expectedLevel`; null otherwise. */
  certify(
    id: string,
    expectedLevel: CertificateLevel | null,
    certificate: Certificate,
    events: OutboxEntry[],
  ): Promise<SocialWorker | null>;
  addTraining(id: string, training: Training): Promise<SocialWorker | null>;
  /** Marks the worker LEFT only while still ACTIVE, with its events in the same write; null otherwise. */
  recordDeparture(id: string, leftOn: string, events: OutboxEntry[]): Promise<SocialWorker | null>;
  /** Throws a duplicate-key error when the worker already has an evaluation for the year. */
  insertEvaluation(evaluation: Evaluation, events: OutboxEntry[]): Promise<void>;
}

export interface WorkerDeps {
  store: WorkerStore;
  events: Pick<EventFactory, 'create'>;
}

/** Who may read a social worker's record: see the SocialWorker type in the SDL. */
export function readWorkerPolicy(worker: Pick<SocialWorker, '_id' | 'organizationId' | 'communityId' | 'streetId'>): Policy {
  return {
    action: `read social worker ${worker._id}`,
    roles: ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF', 'ORG_STAFF', 'SOCIAL_WORKER'],
    scope: { streetId: worker.streetId, communityId: worker.communityId, orgId: worker.organizationId, socialWorkerId: worker._id },
  };
}

const employerPolicy = (worker: SocialWorker, action: string): Policy => ({
  action: `${action} of social worker ${worker._id}`,
  roles: ['DISTRICT_ADMIN', 'ORG_STAFF'],
  scope: { orgId: worker.organizationId },
});

export function gradeOf(score: number): EvaluationGrade {
  if (score >= 90) return 'EXCELLENT';
  if (score >= 80) return 'GOOD';
  if (score >= 60) return 'PASS';
  return 'FAIL';
}

/**
 * The evaluation decides awards and promotion into the community two committees (两委):
 * EXCELLENT makes an award candidate; EXCELLENT while certified and posted in a community
 * makes a two-committee candidate.
 */
export function candidacies(grade: EvaluationGrade, worker: Pick<SocialWorker, 'certificate' | 'communityId'>) {
  const excellent = grade === 'EXCELLENT';
  return { awardCandidate: excellent, twoCommitteesCandidate: excellent && !!worker.certificate && !!worker.communityId };
}

export const monthlyAllowanceEligible = (worker: Pick<SocialWorker, 'certificate' | 'status'>) =>
  !!worker.certificate && worker.status === 'ACTIVE';

async function loadWorker(store: WorkerStore, id: string): Promise<SocialWorker> {
  const worker = await store.worker(id);
  if (!worker) throw new NotFoundError('SocialWorker', id);
  return worker;
}

function pastDay(field: string, value: string): string {
  const day = parseDay(field, value);
  if (day > today()) throw new BadInputError(field, `${field} ${day} is in the future.`);
  return day;
}

export interface RegisterWorkerInput {
  id?: string | null;
  name: string;
  organizationId: string;
  communityId: string;
  birthDate: string;
  education: Education;
  /** Default true: a worker registered on the platform is evaluated unless said otherwise. */
  underTargetEvaluation?: boolean | null;
}

export async function registerSocialWorker(input: RegisterWorkerInput, caller: Caller, deps: WorkerDeps): Promise<SocialWorker> {
  authorize(caller.identity, {
    action: `register a social worker of organization ${input.organizationId}`,
    roles: ['DISTRICT_ADMIN', 'ORG_STAFF'],
    scope: { orgId: input.organizationId },
  });
  const name = requireText('name', input.name, 30);
  const birthDate = pastDay('birthDate', input.birthDate);
  const age = ageOn(birthDate, today());
  if (age < 16 || age > 75)
    throw new BadInputError('birthDate', `A social worker born on ${birthDate} would be ${age}; workers are 16 to 75.`);
  const org = await deps.store.organization(input.organizationId);
  if (!org) throw new NotFoundError('SocialOrganization', input.organizationId);
  if (org.status !== 'ACTIVE')
    throw new ConflictError(`${org.name} is ${org.status}; only an ACTIVE organization registers social workers.`);
  const community = await deps.store.community(input.communityId);
  if (!community) throw new NotFoundError('Community', input.communityId);
  const worker: SocialWorker = {
    _id: input.id?.trim() || `socialworker-${randomUUID()}`,
    name,
    organizationId: org._id,
    communityId: community._id,
    streetId: community.streetId,
    birthDate,
    education: input.education,
    certificate: null,
    trainings: [],
    status: 'ACTIVE',
    registeredOn: today(),
    underTargetEvaluation: input.underTargetEvaluation ?? true,
  };
  // Other contexts learn who works for whom from this event (resident-services checks an
  // order's assigned workers against it); the name leaves only masked.
  const event = deps.events.create(
    SOCIAL_WORKER_REGISTERED,
    worker._id,
    {
      socialWorkerId: worker._id,
      organizationId: worker.organizationId,
      communityId: worker.communityId,
      maskedName: maskName(worker.name),
      registeredOn: worker.registeredOn,
    },
    caller.traceparent,
  );
  try {
    await deps.store.insertWorker(worker, [event]);
  } catch (err) {
    if (err instanceof AlreadyExistsError) throw new ConflictError(`A social worker with id ${worker._id} already exists.`);
    throw err;
  }
  return worker;
}

export async function recordCertification(
  id: string,
  input: { level: CertificateLevel; certifiedOn: string; number?: string | null },
  caller: Caller,
  deps: WorkerDeps,
): Promise<SocialWorker> {
  const worker = await loadWorker(deps.store, id);
  authorize(caller.identity, employerPolicy(worker, 'record the certificate'));
  const certifiedOn = pastDay('certifiedOn', input.certifiedOn);
  if (certifiedOn < addDays(worker.birthDate, 16 * 365))
    throw new BadInputError('certifiedOn', `${worker.name} was not 16 yet on ${certifiedOn}.`);
  const held = worker.certificate?.level ?? null;
  if (held && CERTIFICATE_LEVELS.indexOf(input.level) <= CERTIFICATE_LEVELS.indexOf(held)) {
    throw new ConflictError(`${worker.name} already holds ${held}; only a higher level can be recorded.`);
  }
  const certificate: Certificate = { level: input.level, certifiedOn, number: optionalText('number', input.number, 40) };
  const event = deps.events.create(
    SOCIAL_WORKER_CERTIFIED,
    worker._id,
    {
      socialWorkerId: worker._id,
      organizationId: worker.organizationId,
      communityId: worker.communityId,
      level: certificate.level,
      certifiedOn,
      monthlyAllowanceEligible: monthlyAllowanceEligible({ certificate, status: worker.status }),
    },
    caller.traceparent,
  );
  const saved = await deps.store.certify(worker._id, held, certificate, [event]);
  if (!saved) throw new ConflictError(`The certificate of ${worker.name} was changed by someone else meanwhile; reload and try again.`);
  return saved;
}

/**
 * A social worker leaves their organization: the record stays (evaluations, served orders and
 * certificates are history), the status becomes LEFT, and socialWorker.left tells resident-services
 * to stop assigning them. Recorded once (CONFLICT after that).
 */
export async function recordDeparture(id: string, input: { leftOn: string }, caller: Caller, deps: WorkerDeps): Promise<SocialWorker> {
  const worker = await loadWorker(deps.store, id);
  authorize(caller.identity, employerPolicy(worker, 'record the departure'));
  const leftOn = pastDay('leftOn', input.leftOn);
  if (leftOn < worker.registeredOn)
    throw new BadInputError('leftOn', `${worker.name} was registered on ${worker.registeredOn}; leftOn cannot be earlier.`);
  if (worker.status === 'LEFT') throw new ConflictError(`${worker.name} already left on ${worker.leftOn ?? 'an earlier day'}.`);
  const event = deps.events.create(
    SOCIAL_WORKER_LEFT,
    worker._id,
    { socialWorkerId: worker._id, organizationId: worker.organizationId, communityId: worker.communityId, leftOn },
    caller.traceparent,
  );
  const saved = await deps.store.recordDeparture(worker._id, leftOn, [event]);
  if (!saved) throw new ConflictError(`${worker.name}'s departure was recorded by someone else meanwhile; reload to see it.`);
  return saved;
}

export async function recordTraining(
  id: string,
  input: { title: string; provider: string; hours: number; completedOn: string },
  caller: Caller,
  deps: WorkerDeps,
): Promise<SocialWorker> {
  const worker = await loadWorker(deps.store, id);
  authorize(caller.identity, employerPolicy(worker, 'record a training'));
  if (!(input.hours > 0 && input.hours <= 500)) throw new BadInputError('hours', 'hours must be more than 0 and at most 500.');
  const training: Training = {
    id: `training-${randomUUID()}`,
    title: requireText('title', input.title, 100),
    provider: requireText('provider', input.provider, 100),
    hours: Math.round(input.hours * 10) / 10,
    completedOn: pastDay('completedOn', input.completedOn),
  };
  const saved = await deps.store.addTraining(worker._id, training);
  if (!saved) throw new NotFoundError('SocialWorker', id);
  return saved;
}

export async function recordEvaluation(
  id: string,
  input: { year: number; score: number; comment?: string | null },
  caller: Caller,
  deps: WorkerDeps,
): Promise<Evaluation> {
  const worker = await loadWorker(deps.store, id);
  authorize(caller.identity, {
    action: `record the annual evaluation of social worker ${worker._id}`,
    roles: ['DISTRICT_ADMIN', 'STREET_STAFF'],
    scope: { streetId: worker.streetId },
  });
  const currentYear = Number(today().slice(0, 4));
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > currentYear)
    throw new BadInputError('year', `year must be a whole year from 2000 to ${currentYear}.`);
  if (!(input.score >= 0 && input.score <= 100)) throw new BadInputError('score', 'score must be from 0 to 100.');
  const score = Math.round(input.score * 10) / 10;
  const grade = gradeOf(score);
  const evaluation: Evaluation = {
    _id: `${worker._id}:${input.year}`,
    socialWorkerId: worker._id,
    organizationId: worker.organizationId,
    communityId: worker.communityId,
    streetId: worker.streetId,
    year: input.year,
    score,
    grade,
    ...candidacies(grade, worker),
    comment: optionalText('comment', input.comment),
    recordedAt: new Date(),
  };
  const event = deps.events.create(
    EVALUATION_RECORDED,
    worker._id,
    {
      socialWorkerId: worker._id,
      organizationId: worker.organizationId,
      communityId: worker.communityId,
      year: evaluation.year,
      score,
      grade,
      awardCandidate: evaluation.awardCandidate,
      twoCommitteesCandidate: evaluation.twoCommitteesCandidate,
    },
    caller.traceparent,
  );
  try {
    await deps.store.insertEvaluation(evaluation, [event]);
  } catch (err) {
    if (err instanceof AlreadyExistsError)
      throw new ConflictError(`${worker.name} has already been evaluated for ${evaluation.year}; an evaluation is recorded once per year.`);
    throw err;
  }
  return evaluation;
}
