import type { ConsumerSpec, EventMeta } from '@sanshe/service-kit';
import { TOPICS } from '@sanshe/schemas/generated/events';
import { earnForAttendance, earnForOrderHelp, earnForVolunteerHours, type SourceEvent } from '../../domain/earning';
import { ATTENDANCE_CONFIRMED, ORDER_CLOSED, RESIDENT_MOVED, RESIDENT_REGISTERED, VOLUNTEER_HOURS_VERIFIED } from '../../domain/events';
import { residentMoved } from '../../domain/residents';
import type { CreditsApp } from '../../wiring';

// Each handler is typed by its event type; the consumer has validated `data` against that contract before it runs.
const source = <T>(event: { id: string; data: T }, meta: EventMeta): SourceEvent<T> => ({
  id: event.id,
  data: event.data,
  ...(meta.traceparent ? { traceparent: meta.traceparent } : {}),
});

/** One group per source context, so a backlog in one never holds up earning from the other. */
export function creditsConsumers(app: CreditsApp): ConsumerSpec[] {
  return [
    {
      groupId: 'credits.activities',
      topics: [TOPICS.ACTIVITIES_V1],
      handlers: {
        [ATTENDANCE_CONFIRMED]: async (event, meta) => {
          await earnForAttendance(source(event, meta), app.earningDeps);
        },
        [VOLUNTEER_HOURS_VERIFIED]: async (event, meta) => {
          await earnForVolunteerHours(source(event, meta), app.earningDeps);
        },
      },
    },
    {
      groupId: 'credits.resident-services',
      topics: [TOPICS.RESIDENT_SERVICES_V1],
      handlers: {
        [ORDER_CLOSED]: async (event, meta) => {
          await earnForOrderHelp(source(event, meta), app.earningDeps);
        },
      },
    },
    {
      groupId: 'credits.residents',
      topics: [TOPICS.REGISTRY_V1],
      handlers: {
        [RESIDENT_REGISTERED]: async ({ data }) => {
          await app.ledger.openResidentAccount(data.residentId, data.communityId);
        },
        [RESIDENT_MOVED]: async ({ data }) => {
          await residentMoved(data, { accounts: app.ledger, rankings: app.rankings });
        },
      },
    },
    app.directory.consumer('credits'),
  ];
}
