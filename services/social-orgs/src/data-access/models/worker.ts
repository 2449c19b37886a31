import { outboxPlugin } from '@sanshe/service-kit';
import { Schema } from 'mongoose';
import type { Evaluation, SocialWorker, Training } from '../../domain/social-worker';
import type { WorkerServiceYear } from '../../domain/worker-service-record';

const trainingSchema = new Schema<Training>(
  {
    id: { type: String, required: true },
    title: { type: String, required: true },
    provider: { type: String, required: true },
    hours: { type: Number, required: true },
    completedOn: { type: String, required: true },
  },
  { _id: false },
);

export const socialWorkerSchema = new Schema<SocialWorker>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    organizationId: { type: String, required: true },
    communityId: { type: String, required: true },
    streetId: { type: String, required: true },
    birthDate: { type: String, required: true },
    education: { type: String, required: true },
    certificate: {
      type: new Schema({ level: String, certifiedOn: String, number: { type: String, default: null } }, { _id: false }),
      default: null,
    },
    trainings: { type: [trainingSchema], default: [] },
    status: { type: String, required: true },
    registeredOn: { type: String, required: true },
    leftOn: { type: String, default: null },
    underTargetEvaluation: { type: Boolean, default: true },
  },
  { collection: 'social_workers', timestamps: true, versionKey: false },
);
socialWorkerSchema.index({ organizationId: 1 });
socialWorkerSchema.index({ communityId: 1 });
socialWorkerSchema.index({ streetId: 1 });
socialWorkerSchema.plugin(outboxPlugin);

export const evaluationSchema = new Schema<Evaluation>(
  {
    _id: { type: String, required: true },
    socialWorkerId: { type: String, required: true },
    organizationId: { type: String, required: true },
    communityId: { type: String, required: true },
    streetId: { type: String, required: true },
    year: { type: Number, required: true },
    score: { type: Number, required: true },
    grade: { type: String, required: true },
    awardCandidate: { type: Boolean, required: true },
    twoCommitteesCandidate: { type: Boolean, required: true },
    comment: { type: String, default: null },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'evaluations', versionKey: false },
);
evaluationSchema.index({ socialWorkerId: 1, year: 1 }, { unique: true });
evaluationSchema.index({ year: 1, score: -1 });
evaluationSchema.plugin(outboxPlugin);

/** Orders served per worker and year, with the ids of the order.closed events already counted. */
export const workerServiceYearSchema = new Schema<WorkerServiceYear & { applied: string[] }>(
  {
    _id: { type: String, required: true },
    socialWorkerId: { type: String, required: true },
    year: { type: Number, required: true },
    ordersServed: { type: Number, default: 0 },
    satisfactionSum: { type: Number, default: 0 },
    applied: { type: [String], default: [] },
  },
  { collection: 'worker_service_years', versionKey: false },
);
workerServiceYearSchema.index({ socialWorkerId: 1, year: -1 });
