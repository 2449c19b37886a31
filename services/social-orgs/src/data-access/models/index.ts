import type { Connection, Model } from 'mongoose';
import type { AnnualReview } from '../../domain/annual-review';
import type { ServiceContract } from '../../domain/contract';
import type { Organization, ServiceCentre } from '../../domain/organization';
import type { Evaluation, SocialWorker } from '../../domain/social-worker';
import type { ContractClaim } from '../../domain/contract-claims';
import { contractClaimSchema, contractSchema, performanceSchema, type PerformanceDoc } from './contract';
import { annualReviewSchema, organizationSchema, serviceCentreSchema } from './organization';
import { evaluationSchema, socialWorkerSchema, workerServiceYearSchema } from './worker';
import type { WorkerServiceYear } from '../../domain/worker-service-record';
import type { JointMeeting, OrganizationEvaluation, OrganizationSupport } from '../../domain/party-building';
import { jointMeetingSchema, organizationEvaluationSchema, organizationSupportSchema } from './party-building';
import type { CourseAttendance, PartyTrainingCourse } from '../../domain/party-training';
import { courseAttendanceSchema, partyTrainingCourseSchema } from './party-training';

export interface SocialOrgsModels {
  Organization: Model<Organization>;
  ServiceCentre: Model<ServiceCentre>;
  AnnualReview: Model<AnnualReview>;
  SocialWorker: Model<SocialWorker>;
  Evaluation: Model<Evaluation>;
  WorkerServiceYear: Model<WorkerServiceYear & { applied: string[] }>;
  ServiceContract: Model<ServiceContract>;
  ContractClaim: Model<ContractClaim>;
  Performance: Model<PerformanceDoc>;
  JointMeeting: Model<JointMeeting>;
  OrganizationSupport: Model<OrganizationSupport>;
  OrganizationEvaluation: Model<OrganizationEvaluation>;
  PartyTrainingCourse: Model<PartyTrainingCourse>;
  CourseAttendance: Model<CourseAttendance>;
}

/** The models on the service's own connection (never the mongoose singleton). */
export function createModels(connection: Connection): SocialOrgsModels {
  const model = <T>(name: string, schema: import('mongoose').Schema<T>) =>
    (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
  return {
    Organization: model('Organization', organizationSchema),
    ServiceCentre: model('ServiceCentre', serviceCentreSchema),
    AnnualReview: model('AnnualReview', annualReviewSchema),
    SocialWorker: model('SocialWorker', socialWorkerSchema),
    Evaluation: model('Evaluation', evaluationSchema),
    WorkerServiceYear: model('WorkerServiceYear', workerServiceYearSchema),
    ServiceContract: model('ServiceContract', contractSchema),
    ContractClaim: model('ContractClaim', contractClaimSchema),
    Performance: model('Performance', performanceSchema),
    JointMeeting: model('JointMeeting', jointMeetingSchema),
    OrganizationSupport: model('OrganizationSupport', organizationSupportSchema),
    OrganizationEvaluation: model('OrganizationEvaluation', organizationEvaluationSchema),
    PartyTrainingCourse: model('PartyTrainingCourse', partyTrainingCourseSchema),
    CourseAttendance: model('CourseAttendance', courseAttendanceSchema),
  };
}

/** Models whose documents carry events (the relay drains them). */
export const outboxModels = (m: SocialOrgsModels) => [
  m.Organization,
  m.AnnualReview,
  m.SocialWorker,
  m.Evaluation,
  m.ServiceContract,
  m.JointMeeting,
  m.OrganizationSupport,
];
