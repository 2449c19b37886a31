export const POINTS_AWARDED = 'cn.sanshe.credits.points.awarded.v1';
export const POINTS_EXPIRED = 'cn.sanshe.credits.points.expired.v1';
export const REWARD_REDEEMED = 'cn.sanshe.credits.reward.redeemed.v1';
export const REDEMPTION_CANCELLED = 'cn.sanshe.credits.redemption.cancelled.v1';

// Consumed.
export const ATTENDANCE_CONFIRMED = 'cn.sanshe.activities.attendance.confirmed.v1';
export const VOLUNTEER_HOURS_VERIFIED = 'cn.sanshe.activities.volunteerHours.verified.v1';
export const ORDER_CLOSED = 'cn.sanshe.resident-services.order.closed.v1';
export const RESIDENT_REGISTERED = 'cn.sanshe.registry.resident.registered.v1';
export const RESIDENT_MOVED = 'cn.sanshe.registry.resident.moved.v1';
