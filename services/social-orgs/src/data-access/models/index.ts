import { modelOn } from '@sanshe/service-kit';
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
  return {
    Organization: modelOn(connection, 'Organization', organizationSchema),
    ServiceCentre: modelOn(connection, 'ServiceCentre', serviceCentreSchema),
    AnnualReview: modelOn(connection, 'AnnualReview', annualReviewSchema),
    SocialWorker: modelOn(connection, 'SocialWorker', socialWorkerSchema),
    Evaluation: modelOn(connection, 'Evaluation', evaluationSchema),
    WorkerServiceYear: modelOn(connection, 'WorkerServiceYear', workerServiceYearSchema),
    ServiceContract: modelOn(connection, 'ServiceContract', contractSchema),
    ContractClaim: modelOn(connection, 'ContractClaim', contractClaimSchema),
    Performance: modelOn(connection, 'Performance', performanceSchema),
    JointMeeting: modelOn(connection, 'JointMeeting', jointMeetingSchema),
    OrganizationSupport: modelOn(connection, 'OrganizationSupport', organizationSupportSchema),
    OrganizationEvaluation: modelOn(connection, 'OrganizationEvaluation', organizationEvaluationSchema),
    PartyTrainingCourse: modelOn(connection, 'PartyTrainingCourse', partyTrainingCourseSchema),
    CourseAttendance: modelOn(connection, 'CourseAttendance', courseAttendanceSchema),
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
