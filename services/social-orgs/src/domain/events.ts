/** The CloudEvents types this context emits and consumes (contracts in schemas/events). */
export const ORGANIZATION_REGISTERED = 'cn.sanshe.social-orgs.organization.registered.v1';
export const ORGANIZATION_UPDATED = 'cn.sanshe.social-orgs.organization.updated.v1';
export const INSPECTION_RECORDED = 'cn.sanshe.social-orgs.inspection.recorded.v1';
export const SOCIAL_WORKER_REGISTERED = 'cn.sanshe.social-orgs.socialWorker.registered.v1';
export const SOCIAL_WORKER_CERTIFIED = 'cn.sanshe.social-orgs.socialWorker.certified.v1';
export const SOCIAL_WORKER_LEFT = 'cn.sanshe.social-orgs.socialWorker.left.v1';
export const EVALUATION_RECORDED = 'cn.sanshe.social-orgs.evaluation.recorded.v1';
export const CONTRACT_SIGNED = 'cn.sanshe.social-orgs.contract.signed.v1';
export const CONTRACT_AMENDED = 'cn.sanshe.social-orgs.contract.amended.v1';
export const CONTRACT_ENDED = 'cn.sanshe.social-orgs.contract.ended.v1';
export const JOINT_MEETING_RECORDED = 'cn.sanshe.social-orgs.jointMeeting.recorded.v1';
export const JOINT_MEETING_FOLLOW_UP_COMPLETED = 'cn.sanshe.social-orgs.jointMeeting.followUpCompleted.v1';
export const SUPPORT_RECORDED = 'cn.sanshe.social-orgs.support.recorded.v1';

export const ORDER_CLOSED = 'cn.sanshe.resident-services.order.closed.v1';
