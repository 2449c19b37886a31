import { randomUUID } from 'node:crypto';
import { DirectoryRepository } from '@sanshe/resident-services/data-access/directory-repository';
import { createModels } from '@sanshe/resident-services/data-access/models';
import { onContractSigned } from '@sanshe/resident-services/domain/read-models';
import { EventContracts, newCloudEvent, type CloudEvent, kafkaAuthFromEnv } from '@sanshe/service-kit';
import { CommunityDirectory } from '@sanshe/community-directory';
import { subscribeFromRunStart, type Stack } from '@sanshe/test-env';
import { Kafka, logLevel, type Producer } from 'kafkajs';

/**
 * What the resident-services tests share: the district a test runs in, other contexts'
 * events put on Kafka as their owners would (validated against the same contracts), and a
 * plain kafkajs reader.
 */
export const contracts = new EventContracts();

const kafka = new Kafka({
  clientId: 'resident-services-tests',
  brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  logLevel: logLevel.NOTHING,
  ...kafkaAuthFromEnv(),
});
let producer: Promise<Producer> | null = null;

function connectedProducer(): Promise<Producer> {
  producer ??= (async () => {
    const p = kafka.producer();
    await p.connect();
    return p;
  })();
  return producer;
}

export async function publish(type: string, subject: string, data: Record<string, unknown>, source = 'tests'): Promise<void> {
  contracts.assertValid(type, data);
  const event = newCloudEvent({ source, type, subject, data });
  await (await connectedProducer()).send({ topic: contracts.topicFor(type), messages: [{ key: subject, value: JSON.stringify(event) }] });
}

export async function closeKafka(): Promise<void> {
  const p = producer;
  producer = null;
  await (await p)?.disconnect();
}

export interface ReadRecord {
  event: CloudEvent;
  headers: Record<string, string>;
}

/**
 * Reads `topic` from where this run started with a fresh consumer group, keeping the records of
 * `subject` in `communityId`, until `done` says the ones read so far are enough. (Order
 * numbers restart in every test database, so the subject alone may match older runs.)
 */
export async function readEvents(
  topic: string,
  about: { subject: string; communityId: string },
  done: (records: ReadRecord[]) => boolean,
  timeoutMs = 45_000,
): Promise<ReadRecord[]> {
  const { subject, communityId } = about;
  const groupId = `resident-services-tests-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await subscribeFromRunStart(kafka, consumer, groupId, topic);
  const records: ReadRecord[] = [];
  try {
    return await new Promise<ReadRecord[]>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`only ${records.length} matching events on ${topic} for ${subject}: ${records.map((r) => r.event.type).join(', ')}`),
          ),
        timeoutMs,
      );
      void consumer.run({
        eachMessage: async ({ message }) => {
          const event = JSON.parse(message.value!.toString()) as CloudEvent;
          if (event.subject !== subject || event.data.communityId !== communityId) return;
          records.push({ event, headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])) });
          if (done(records)) {
            clearTimeout(timer);
            resolve(records);
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
}

export const EVENT = {
  communityCreated: 'cn.sanshe.registry.community.created.v1',
  residentRegistered: 'cn.sanshe.registry.resident.registered.v1',
  contractSigned: 'cn.sanshe.social-orgs.contract.signed.v1',
  contractEnded: 'cn.sanshe.social-orgs.contract.ended.v1',
};

export interface District {
  streetId: string;
  communityId: string;
  /** Residents of the community: the first is the one ordering, the last a volunteer. */
  residentIds: string[];
  providerOrgIds: string[];
  contractIds: string[];
}

export interface DistrictOptions {
  itemCodes: string[];
  providers?: number;
  residents?: number;
  tag?: string;
  streetId?: string;
}

/** Ids of a community with residents and, per provider, a contract for `itemCodes` in it — unique to the stack. */
export function districtOf(stack: Stack, options: DistrictOptions): District {
  const tag = options.tag ?? 'a';
  const base = `${stack.runId}-${tag}`;
  const providerOrgIds = Array.from({ length: options.providers ?? 2 }, (_, i) => `${base}-org-${i + 1}`);
  return {
    streetId: options.streetId ?? `${base}-street`,
    communityId: `${base}-community`,
    residentIds: Array.from({ length: options.residents ?? 3 }, (_, i) => `${base}-resident-${i + 1}`),
    providerOrgIds,
    contractIds: providerOrgIds.map((org) => `${org}-contract`),
  };
}

export const contractSigned = (district: District, i: number, itemCodes: string[]) => ({
  contractId: district.contractIds[i]!,
  providerOrgId: district.providerOrgIds[i]!,
  buyer: '涧西区民政局',
  itemCodes,
  communityIds: [district.communityId],
  startsOn: '2026-01-01',
  endsOn: '2027-12-31',
  budgetYuan: 120000,
});

/**
 * A community with residents and purchased-service contracts, put straight into what
 * resident-services knows of other contexts — as its seed does. (How it learns them from
 * registry's and social-orgs' events is proven once, in read-models.test.ts: a new
 * consumer group replays the shared topics from the beginning, which takes long.)
 */
export async function givenDistrict(stack: Stack, options: DistrictOptions): Promise<District> {
  const district = districtOf(stack, options);
  const connection = stack.services['resident-services']!.connection;
  const directory = new DirectoryRepository(createModels(connection), new CommunityDirectory(connection));
  await new CommunityDirectory(connection).remember({
    _id: district.communityId,
    name: `${options.tag ?? 'a'}社区`,
    streetId: district.streetId,
    urban: true,
  });
  for (const residentId of district.residentIds)
    await directory.rememberResident({ _id: residentId, communityId: district.communityId, streetId: district.streetId });
  for (let i = 0; i < district.providerOrgIds.length; i += 1) {
    await onContractSigned(directory, contractSigned(district, i, options.itemCodes));
  }
  return district;
}

/** Runs a mutation or query and fails with the errors when there are any. */
export async function ok<T>(stack: Stack, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await stack.query<T>(query, variables, token);
  if (res.errors) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}
