import type { CloudEvent, ConsumerSpec, EventMeta } from '@sanshe/service-kit';
import {
  earnForAttendance,
  earnForOrderHelp,
  earnForVolunteerHours,
  type AttendanceConfirmed,
  type OrderClosed,
  type VolunteerHoursVerified,
} from '../../domain/earning';
import { ATTENDANCE_CONFIRMED, ORDER_CLOSED, RESIDENT_MOVED, RESIDENT_REGISTERED, VOLUNTEER_HOURS_VERIFIED } from '../../domain/events';
import { residentMoved } from '../../domain/residents';
import type { CreditsApp } from '../../wiring';

// The consumer has validated `data` against the contract before a handler runs.
const source = <T>(event: CloudEvent, meta: EventMeta) => ({ id: event.id, data: event.data as unknown as T, ...(meta.traceparent ? { traceparent: meta.traceparent } : {}) });

/** One group per source context, so a backlog in one never holds up earning from the other. */
export function creditsConsumers(app: CreditsApp): ConsumerSpec[] {
  return [
    {
      groupId: 'credits.activities',
      topics: ['sanshe.activities.v1'],
      handlers: {
        [ATTENDANCE_CONFIRMED]: async (event, meta) => {
          await earnForAttendance(source<AttendanceConfirmed>(event, meta), app.earningDeps);
        },
        [VOLUNTEER_HOURS_VERIFIED]: async (event, meta) => {
          await earnForVolunteerHours(source<VolunteerHoursVerified>(event, meta), app.earningDeps);
        },
      },
    },
    {
      groupId: 'credits.resident-services',
      topics: ['sanshe.resident-services.v1'],
      handlers: {
        [ORDER_CLOSED]: async (event, meta) => {
          await earnForOrderHelp(source<OrderClosed>(event, meta), app.earningDeps);
        },
      },
    },
    {
      groupId: 'credits.residents',
      topics: ['sanshe.registry.v1'],
      handlers: {
        [RESIDENT_REGISTERED]: async (event) => {
          const data = event.data as { residentId: string; communityId: string };
          await app.ledger.openResidentAccount(data.residentId, data.communityId);
        },
        [RESIDENT_MOVED]: async (event) => {
          const data = event.data as { residentId: string; fromCommunityId: string; toCommunityId: string };
          await residentMoved(data, { accounts: app.ledger, rankings: app.rankings });
        },
      },
    },
    app.directory.consumer('credits'),
  ];
}
