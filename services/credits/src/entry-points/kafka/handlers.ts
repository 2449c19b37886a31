import type { ConsumerSpec, EventMeta } from '@sanshe/service-kit';
import type { CommunityDirectory } from '@sanshe/community-directory';
import { TOPICS } from '@sanshe/schemas/generated/events';
import { earnForAttendance, earnForOrderHelp, earnForVolunteerHours, type SourceEvent } from '../../domain/earning';
import { ATTENDANCE_CONFIRMED, ORDER_CLOSED, RESIDENT_MOVED, RESIDENT_REGISTERED, VOLUNTEER_HOURS_VERIFIED } from '../../domain/events';
import type { CreditsPorts } from '../../domain/ports';
import { residentMoved, residentRegistered } from '../../domain/residents';

// Each handler is typed by its event type; the consumer has validated `data` against that contract before it runs.
const source = <T>(event: { id: string; data: T }, meta: EventMeta): SourceEvent<T> => ({
  id: event.id,
  data: event.data,
  ...(meta.traceparent ? { traceparent: meta.traceparent } : {}),
});

/**
 * One group per source context, so a backlog in one never holds up earning from the other;
 * and the directory's own group, which keeps the service's copy of registry's communities.
 */
export function creditsConsumers(credits: CreditsPorts, directory: Pick<CommunityDirectory, 'consumer'>): ConsumerSpec[] {
  return [
    {
      groupId: 'credits.activities',
      topics: [TOPICS.ACTIVITIES_V1],
      handlers: {
        [ATTENDANCE_CONFIRMED]: async (event, meta) => {
          await earnForAttendance(source(event, meta), credits.earningDeps);
        },
        [VOLUNTEER_HOURS_VERIFIED]: async (event, meta) => {
          await earnForVolunteerHours(source(event, meta), credits.earningDeps);
        },
      },
    },
    {
      groupId: 'credits.resident-services',
      topics: [TOPICS.RESIDENT_SERVICES_V1],
      handlers: {
        [ORDER_CLOSED]: async (event, meta) => {
          await earnForOrderHelp(source(event, meta), credits.earningDeps);
        },
      },
    },
    {
      groupId: 'credits.residents',
      topics: [TOPICS.REGISTRY_V1],
      handlers: {
        [RESIDENT_REGISTERED]: async ({ data }) => {
          await residentRegistered(data, { accounts: credits.ledger });
        },
        [RESIDENT_MOVED]: async ({ data }) => {
          await residentMoved(data, { accounts: credits.ledger, rankings: credits.rankings });
        },
      },
    },
    directory.consumer('credits'),
  ];
}
