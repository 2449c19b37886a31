import { randomBytes } from 'node:crypto';
import { kafkaAuthFromEnv } from '@sanshe/service-kit';
import { CommunityDirectory } from '@sanshe/community-directory';
import { COMMUNITIES } from '@sanshe/seed-fixtures';
import { completeCreditCode } from '@sanshe/social-orgs/domain/credit-code';
import { subscribeFromRunStart, type GraphQLResponse, type Stack } from '@sanshe/test-env';
import { Kafka, logLevel } from 'kafkajs';

/** The error code of the first error, or 'OK'. */
export const codeOf = (res: GraphQLResponse<unknown>): string => (res.errors?.length ? String(res.errors[0]!.extensions?.code) : 'OK');

/** What registry's community events would have told social-orgs. */
export async function rememberCommunities(stack: Stack): Promise<void> {
  const directory = new CommunityDirectory(stack.services['social-orgs']!.connection);
  await directory.rememberAll(COMMUNITIES.map((c) => ({ _id: c.id, name: c.name, streetId: c.streetId, urban: c.urban })));
}

/** A valid, unique unified social credit code for a test organization. */
export function freshCreditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const tail = [...randomBytes(9)].map((b) => alphabet[b % 31]).join('');
  return completeCreditCode(`52410305${tail}`);
}

export const REGISTER_ORG = `mutation($input: RegisterSocialOrganizationInput!) {
  registerSocialOrganization(input: $input) { id name kind creditCode domains status communities { id } }
}`;

export async function registerOrganization(stack: Stack, admin: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const id = `${stack.runId}-org-${randomBytes(3).toString('hex')}`;
  const res = await stack.query<{ registerSocialOrganization: { id: string } }>(
    REGISTER_ORG,
    {
      input: {
        id,
        name: `涧西区测试社工${id}`,
        kind: 'SOCIAL_WORK_AGENCY',
        creditCode: freshCreditCode(),
        domains: ['ELDERLY_CARE'],
        communityIds: ['community-001'],
        ...overrides,
      },
    },
    admin,
  );
  if (res.errors) throw new Error(`could not register a test organization: ${res.errors[0]!.message}`);
  return res.data!.registerSocialOrganization.id;
}

export interface PublishedEvent {
  id: string;
  type: string;
  source: string;
  subject: string;
  dataschema?: string;
  data: Record<string, unknown>;
}

/** Reads `topic` from where this run started with a fresh consumer group until every `wanted` type has been seen for `subject`. */
export async function publishedEvents(
  topic: string,
  subject: string,
  wanted: string[],
  timeoutMs = 60_000,
): Promise<Map<string, PublishedEvent>> {
  const kafka = new Kafka({
    clientId: 'social-orgs-event-reader',
    brokers: process.env.KAFKA_BROKERS!.split(','),
    logLevel: logLevel.NOTHING,
    ...kafkaAuthFromEnv(),
  });
  const groupId = `social-orgs-test-${randomBytes(6).toString('hex')}`;
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await subscribeFromRunStart(kafka, consumer, groupId, topic);
  const seen = new Map<string, PublishedEvent>();
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`saw only ${[...seen.keys()].join(', ') || 'nothing'} for ${subject} on ${topic}`)),
        timeoutMs,
      );
      void consumer.run({
        eachMessage: async ({ message }) => {
          const event = JSON.parse(message.value!.toString()) as PublishedEvent;
          if (event.subject !== subject || !wanted.includes(event.type)) return;
          seen.set(event.type, event);
          if (wanted.every((t) => seen.has(t))) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return seen;
}
