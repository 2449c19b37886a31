import { TOPICS } from '@sanshe/schemas/generated/events';
import { housekeepingOf } from '@sanshe/resident-services/service';
import { eventually, startStack, type Stack } from '@sanshe/test-env';
import { closeKafka, contracts, givenDistrict, ok, readEvents, type District } from './support';

const SUBMIT = `mutation($input: SubmitServiceOrderInput!) { submitServiceOrder(input: $input) { id deadlines { respondBy resolveBy } } }`;
const ORDER = `query($id: ID!) { serviceOrder(id: $id) { status
  deadlines { responseOverdue resolutionOverdue escalatedAt escalationReason respondedOnTime }
  timeline { action from to byRole note } } }`;

interface Order {
  status: string;
  deadlines: {
    responseOverdue: boolean;
    resolutionOverdue: boolean;
    escalatedAt: string | null;
    escalationReason: string | null;
    respondedOnTime: boolean | null;
  };
  timeline: { action: string; from: string; to: string; byRole: string; note: string | null }[];
}

describe('the deadline sweep', () => {
  let stack: Stack;
  let district: District;
  let staff: string;

  beforeAll(async () => {
    stack = await startStack(['resident-services']);
    district = await givenDistrict(stack, { itemCodes: ['C02-07'], providers: 1 });
    staff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [district.communityId] });
  });
  afterAll(async () => {
    await closeKafka();
    await stack?.stop();
  });

  const emergencyCall = () => ({
    itemCode: 'C02-07',
    channel: 'CALL_CENTER',
    residentId: district.residentIds[0],
    contactPhone: '0379-64321234',
    answers: [{ code: 'situation', value: '独居老人呼叫无应答' }],
    staffMember: { id: `${stack.runId}-operator`, name: '王芳' },
    consent: { given: true, method: 'VERBAL' },
  });

  it('escalates an order past its response deadline once, however often it runs', async () => {
    const { submitServiceOrder: order } = await ok<{
      submitServiceOrder: { id: string; deadlines: { respondBy: string; resolveBy: string } };
    }>(stack, SUBMIT, { input: emergencyCall() }, staff);
    const sweep = housekeepingOf(stack.services['resident-services']!).sweepDeadlines;
    expect((await sweep(new Date(Date.parse(order.deadlines.respondBy) - 60_000))).escalated).toBe(0);

    const late = new Date(Date.parse(order.deadlines.respondBy) + 60_000);
    const [first, second] = await Promise.all([sweep(late), sweep(late)]);
    const third = await sweep(late);
    expect(first.escalated + second.escalated + third.escalated).toBe(1);

    const { serviceOrder } = await ok<{ serviceOrder: Order }>(stack, ORDER, { id: order.id }, staff);
    expect(serviceOrder.deadlines).toMatchObject({
      responseOverdue: true,
      resolutionOverdue: false,
      escalationReason: 'RESPONSE_OVERDUE',
      escalatedAt: late.toISOString(),
    });
    expect(serviceOrder.timeline.filter((e) => e.action === 'ESCALATE')).toEqual([
      { action: 'ESCALATE', from: 'SUBMITTED', to: 'SUBMITTED', byRole: 'SYSTEM', note: expect.stringContaining('督办') },
    ]);

    // Accepting clears the overdue mark; its event, on the same partition after the escalation, closes the read below.
    await ok(stack, `mutation($id: ID!) { acceptServiceOrder(id: $id) { status } }`, { id: order.id }, staff);
    const records = await readEvents(TOPICS.RESIDENT_SERVICES_V1, { subject: order.id, communityId: district.communityId }, (r) =>
      r.some((x) => x.event.type === 'cn.sanshe.resident-services.order.accepted.v1'),
    );
    const escalations = records.filter((r) => r.event.type === 'cn.sanshe.resident-services.order.escalated.v1');
    expect(escalations).toHaveLength(1);
    expect(contracts.check(escalations[0]!.event.type, escalations[0]!.event.data)).toBeNull();
    expect(escalations[0]!.event.data).toMatchObject({
      orderId: order.id,
      reason: 'RESPONSE_OVERDUE',
      deadline: order.deadlines.respondBy,
      status: 'SUBMITTED',
      channel: 'CALL_CENTER',
    });

    // Past the resolution deadline the order is marked again, but never escalated twice.
    const later = new Date(Date.parse(order.deadlines.resolveBy) + 60_000);
    expect(await sweep(later)).toMatchObject({ escalated: 0, marked: 1 });
    const after = await ok<{ serviceOrder: Order }>(stack, ORDER, { id: order.id }, staff);
    expect(after.serviceOrder.deadlines).toMatchObject({
      responseOverdue: false,
      resolutionOverdue: true,
      escalationReason: 'RESPONSE_OVERDUE',
    });
    expect(after.serviceOrder.timeline.filter((e) => e.action === 'ESCALATE')).toHaveLength(1);
    expect(await sweep(new Date(later.getTime() + 86_400_000))).toMatchObject({ looked: 0 });

    const stats = await eventually(
      async () => {
        const res = await stack.query<{ serviceStatistics: { escalated: number; submitted: number } }>(
          `query($f: StatisticsFilter) { serviceStatistics(filter: $f) { escalated submitted } }`,
          { f: { communityId: district.communityId } },
        );
        const s = res.data?.serviceStatistics;
        return s && s.escalated > 0 ? s : undefined;
      },
      45_000,
      'the statistics to count the escalation',
    );
    expect(stats).toEqual({ escalated: 1, submitted: 1 });
  });

  it('leaves an order alone that was handled in time', async () => {
    const { submitServiceOrder: order } = await ok<{
      submitServiceOrder: { id: string; deadlines: { respondBy: string; resolveBy: string } };
    }>(stack, SUBMIT, { input: emergencyCall() }, staff);
    await ok(stack, `mutation($id: ID!) { acceptServiceOrder(id: $id) { status } }`, { id: order.id }, staff);
    const sweep = housekeepingOf(stack.services['resident-services']!).sweepDeadlines;
    expect(await sweep(new Date(Date.parse(order.deadlines.respondBy) + 60_000))).toMatchObject({ escalated: 0, marked: 0 });
    const { serviceOrder } = await ok<{ serviceOrder: Order }>(stack, ORDER, { id: order.id }, staff);
    expect(serviceOrder.deadlines).toMatchObject({ responseOverdue: false, escalatedAt: null, respondedOnTime: true });
  });
});
