/**
 * What partners read is safe to give them: no phone, ID number or address, no free text a
 * resident typed, nothing the GraphQL masking hides from a PARTNER (contact details, exact
 * addresses: none of it belongs in an event). Checked on every event schema, and on a sample of
 * the real records of every public topic, after this suite has published some of its own.
 */
import { Kafka, logLevel } from 'kafkajs';
import { kafkaAuthFromEnv } from '@sanshe/service-kit';
import { loadEventSchemas } from '@sanshe/schemas';
import { contractTopics } from '@sanshe/schemas/topics';
import { eventually, startStack, type Stack } from '@sanshe/test-env';

/** Field names that carry personal data, wherever they appear. */
const PERSONAL = /phone|mobile|tel$|idNumber|idCard|identityCard|address|email|wechat|birth|password|realName|residentName/i;
/** Values that look like a mainland mobile number or resident ID number. */
const PERSONAL_VALUE = [/(?<!\d)1[3-9]\d{9}(?!\d)/, /(?<!\d)\d{17}[\dXx](?!\d)/];

/**
 * Every free-text string field in the contracts (no enum, const, format or pattern, not an id or
 * code), with who writes it. A new one fails this test until someone decides it is safe here.
 */
const REVIEWED_TEXT: Record<string, string> = {
  'activities.activity.cancelled.v1 category': 'the activity catalogue',
  'activities.activity.cancelled.v1 reason': 'community staff cancelling an activity',
  'activities.activity.completed.v1 category': 'the activity catalogue',
  'activities.activity.published.v1 title': 'community staff, public on the notice board',
  'activities.activity.published.v1 category': 'the activity catalogue',
  'activities.volunteerHours.scheduled.v1 role': 'community staff naming a volunteer post',
  'credits.points.awarded.v1 sourceRef': 'the system: the id of the event that earned the points',
  'credits.redemption.cancelled.v1 cancelledBy': 'the system: a user id',
  'registry.community.created.v1 name': 'the registry: a public community name',
  'registry.community.updated.v1 name': 'the registry: a public community name',
  'resident-services.notice.published.v1 title': 'community staff, a public policy notice',
  'resident-services.order.returned.v1 reason': 'a provider organization returning an order to dispatch',
  'social-orgs.contract.amended.v1 note': 'district staff amending a government contract',
  'social-orgs.contract.ended.v1 reason': 'district staff ending a government contract',
  'social-orgs.contract.signed.v1 buyer': 'district staff: the buying government body',
  'social-orgs.organization.registered.v1 name': 'the public register of social organizations',
  'social-orgs.organization.updated.v1 name': 'the public register of social organizations',
  'social-orgs.organization.updated.v1 changedFields[]': 'the system: field names',
};

type Json = Record<string, unknown>;

function freeTextFields(schema: Json, prefix = ''): string[] {
  const out: string[] = [];
  const isFree = (s: Json) => {
    const types = ([] as unknown[]).concat(s.type);
    return types.includes('string') && !['enum', 'const', 'format', 'pattern'].some((k) => k in s);
  };
  for (const [name, prop] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
    const idLike = /(Id|Ids|Code|Codes)$/.test(name) || name === 'number';
    if (!idLike && isFree(prop)) out.push(prefix + name);
    if (prop.type === 'object') out.push(...freeTextFields(prop, `${prefix}${name}.`));
    const items = prop.items as Json | undefined;
    if (prop.type === 'array' && items) {
      if (items.type === 'object') out.push(...freeTextFields(items, `${prefix}${name}[].`));
      else if (!idLike && isFree(items)) out.push(`${prefix}${name}[]`);
    }
  }
  return out;
}

/** Every key path of a schema or a record, to test against PERSONAL. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => keyPaths(v, `${prefix}[]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Json).flatMap(([k, v]) => [`${prefix}${k}`, ...keyPaths(v, `${prefix}${k}.`)]);
}

function stringValues(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringValues);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringValues);
  return [];
}

/** Up to `max` records of `topic` from the beginning, as parsed JSON (records that are not JSON are skipped). */
async function sample(topic: string, max: number): Promise<Json[]> {
  const kafka = new Kafka({
    clientId: 'partner-safety',
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    logLevel: logLevel.NOTHING,
    ...kafkaAuthFromEnv(),
  });
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const available = ends.reduce((n, p) => n + (Number(p.high) - Number(p.low)), 0);
  const want = Math.min(max, available);
  if (want === 0) return [];
  const consumer = kafka.consumer({ groupId: `partner-safety-${Date.now()}-${Math.random().toString(16).slice(2)}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const out: Json[] = [];
  let seen = 0;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 30_000);
    void consumer.run({
      eachMessage: async ({ message }) => {
        seen += 1;
        try {
          out.push(JSON.parse(message.value?.toString() ?? 'null') as Json);
        } catch {
          // Records that are not JSON carry no fields to leak; the contract suites deal with them.
        }
        if (seen >= want) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return out;
}

describe('what partners read', () => {
  const schemas = loadEventSchemas();

  it('has no personal field in any event schema', () => {
    const found = Object.entries(schemas).flatMap(([type, schema]) =>
      keyPaths(schema.properties)
        .filter((p) => PERSONAL.test(p.split('.').at(-1)!))
        .map((p) => `${type}: ${p}`),
    );
    expect(found).toEqual([]);
  });

  it('carries free text only where a reviewed writer (never a resident) types it', () => {
    const text = Object.entries(schemas).flatMap(([type, schema]) =>
      freeTextFields(schema as Json).map((f) => `${type.replace(/^cn\.sanshe\./, '')} ${f}`),
    );
    expect(text.filter((t) => !(t in REVIEWED_TEXT))).toEqual([]);
    expect(Object.keys(REVIEWED_TEXT).filter((t) => !text.includes(t))).toEqual([]);
  });

  describe('on the broker', () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack(['registry', 'activities']);
    }, 120_000);
    afterAll(async () => {
      await stack?.stop();
    });

    it('has no personal field or value in a sample of every public topic', async () => {
      // At least these records exist, whatever ran before: a community and a published activity.
      const admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
      const communityId = `${stack.runId}-wuhanlu`;
      await stack.query(
        `mutation($input: CreateStreetInput!) { createStreet(input: $input) { id } }`,
        { input: { id: `${stack.runId}-s`, name: '湖北路街道' } },
        admin,
      );
      await stack.query(
        `mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
        { input: { id: communityId, name: '武汉路社区', streetId: `${stack.runId}-s`, urban: true } },
        admin,
      );
      const draft = await eventually(
        async () => {
          const res = await stack.query<{ createActivity: { id: string } }>(
            `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }`,
            {
              input: {
                title: '百姓茶馆',
                category: 'PEOPLES_TEAHOUSE',
                communityId,
                startsAt: '2026-12-12T08:00:00Z',
                endsAt: '2026-12-12T10:00:00Z',
                capacity: 30,
              },
            },
            admin,
          );
          return res.data?.createActivity;
        },
        60_000,
        'activities to learn the community',
      );
      await stack.query(`mutation($id: ID!) { publishActivity(id: $id) { status } }`, { id: draft.id }, admin);
      await eventually(
        async () => (await stack.services.activities!.relay.pending()) === 0 && (await stack.services.registry!.relay.pending()) === 0,
        60_000,
        'the outboxes to drain',
      );

      const problems: string[] = [];
      let sampled = 0;
      for (const { topic } of contractTopics()) {
        for (const record of await sample(topic, 300)) {
          sampled += 1;
          const data = record.data;
          for (const p of keyPaths(data))
            if (PERSONAL.test(p.split('.').at(-1)!)) problems.push(`${topic} ${String(record.type)}: field ${p}`);
          for (const v of stringValues(data))
            if (PERSONAL_VALUE.some((re) => re.test(v))) problems.push(`${topic} ${String(record.type)}: value ${v}`);
        }
      }
      expect(sampled).toBeGreaterThanOrEqual(2);
      expect(problems).toEqual([]);
    }, 300_000);
  });
});
