import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { eventually, startStack, TEST_FAULT_HEADER, type Stack } from '@sanshe/test-env';
import { CommunityActivitiesDocument, request } from '@sanshe/graph-client';
import { buildAsyncApi } from '../../schemas/asyncapi';
import { createRecordValidator } from '../../schemas/validate';
import { eventTopicsOnBroker, kcatReadAll, type KcatRecord } from '../../tools/events/test/cli';

const CREATE_STREET = `mutation($input: CreateStreetInput!) { createStreet(input: $input) { id } }`;
const CREATE_COMMUNITY = `mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const CREATE_ACTIVITY = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishActivity(id: $id) { id status } }`;

const where = (r: KcatRecord) => `${r.topic}/${r.partition}@${r.offset}`;

describe('what partners read from Kafka matches the published contracts', () => {
  let stack: Stack;
  let activityId: string;
  let communityId: string;

  beforeAll(async () => {
    stack = await startStack(['registry', 'activities']);
    const admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    const streetId = `${stack.runId}-street`;
    communityId = `${stack.runId}-jianxi-road`;
    expect(
      (await stack.query(CREATE_STREET, { input: { id: streetId, name: `重庆路街道-${stack.runId}` } }, admin)).errors,
    ).toBeUndefined();
    expect(
      (await stack.query(CREATE_COMMUNITY, { input: { id: communityId, name: `涧西路社区-${stack.runId}`, streetId, urban: true } }, admin))
        .errors,
    ).toBeUndefined();
    // activities learns the community from registry's community.created event first.
    const draft = await eventually(
      async () => {
        const res = await stack.query<{ createActivity: { id: string } }>(
          CREATE_ACTIVITY,
          {
            input: {
              title: '百姓宣讲团进社区',
              category: 'LECTURE',
              communityId,
              startsAt: '2026-12-05T09:00:00+08:00',
              endsAt: '2026-12-05T11:00:00+08:00',
              capacity: 40,
            },
          },
          admin,
        );
        if (res.errors) throw new Error(res.errors.map((e) => e.message).join('; '));
        return res.data?.createActivity;
      },
      60_000,
      'activities to learn the new community',
    );
    activityId = draft.id;
    expect((await stack.query(PUBLISH, { id: activityId }, admin)).errors).toBeUndefined();
  });
  afterAll(() => stack?.stop());

  it('kcat reads sanshe.activities.v1 from the beginning, and every record is a CloudEvent valid against the schema of its type', async () => {
    const ours = await eventually(
      async () => (await kcatReadAll('sanshe.activities.v1')).find((r) => r.key === activityId),
      30_000,
      'the published activity on sanshe.activities.v1',
    );
    expect(JSON.parse(ours.payload!)).toMatchObject({
      specversion: '1.0',
      type: 'cn.sanshe.activities.activity.published.v1',
      source: 'activities',
      subject: activityId,
      data: { activityId, communityId },
    });

    const validator = createRecordValidator();
    const records = await kcatReadAll('sanshe.activities.v1');
    const broken = records
      .filter((r) => !r.headers[TEST_FAULT_HEADER])
      .map((r) => ({ r, check: validator.checkRecord({ value: r.payload, headers: r.headers }) }))
      .filter(({ check }) => check.errors.length > 0)
      .map(({ r, check }) => `${where(r)} ${String(check.event?.type ?? '')}: ${check.errors.join('; ')}`);
    expect(broken).toEqual([]);
    expect(records.length).toBeGreaterThan(0);
    // Records that came through an outbox carry the structured-mode content type and the trace.
    expect(validator.checkRecord({ value: ours.payload, headers: ours.headers }).headerProblems).toEqual([]);
    expect(ours.headers).toEqual({
      'content-type': 'application/cloudevents+json; charset=UTF-8',
      traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/),
    });
    expect(ours.key).toBe(JSON.parse(ours.payload!).subject);
  });

  it('every event on every Sanshe topic has a message in the AsyncAPI document, on its channel, and matches its payload schema', async () => {
    const doc = buildAsyncApi();
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const payloads = new Map(Object.entries(doc.components.messages).map(([type, m]) => [type, ajv.compile(m.payload)]));
    const problems: string[] = [];
    const seenTypes = new Set<string>();
    for (const topic of await eventTopicsOnBroker()) {
      for (const r of await kcatReadAll(topic)) {
        if (r.headers?.[TEST_FAULT_HEADER]) continue; // sent broken on purpose by a dead-letter test
        const event = JSON.parse(r.payload ?? 'null') as { type?: string } | null;
        const type = event?.type ?? '(no type)';
        seenTypes.add(type);
        const validate = payloads.get(type);
        if (!validate) problems.push(`${where(r)}: ${type} is not in the AsyncAPI document`);
        else if (!doc.channels[topic]?.messages[type]) problems.push(`${where(r)}: ${type} is not a message of channel ${topic}`);
        else if (!validate(event)) problems.push(`${where(r)}: ${type}: ${ajv.errorsText(validate.errors)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(seenTypes).toContain('cn.sanshe.activities.activity.published.v1');
    expect(seenTypes).toContain('cn.sanshe.registry.community.created.v1');
  });

  it('gives front ends typed results through @sanshe/graph-client', async () => {
    const titles = await eventually(
      async () => {
        const result = await request(stack.gatewayUrl, CommunityActivitiesDocument, { id: communityId });
        const list = result.community?.activities.map((a) => a.title) ?? [];
        return list.length > 0 ? list : undefined;
      },
      30_000,
      'the published activity in the community',
    );
    expect(titles).toContain('百姓宣讲团进社区');
  });
});
