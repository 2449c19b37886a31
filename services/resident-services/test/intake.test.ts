import { startStack, type Stack } from '@sanshe/test-env';
import { closeKafka, givenDistrict, ok, type District } from './support';

const SUBMIT = `mutation($input: SubmitServiceOrderInput!) { submitServiceOrder(input: $input) {
  id channel status contactPhone address answers { code value values } assistance { staffMemberId staffMemberName enteredBy consentMethod } } }`;
const TRACK = `query($number: String!, $phone: String!) { trackServiceOrder(number: $number, phone: $phone) { id status contactPhone address item { name } } }`;

describe('taking a service order', () => {
  let stack: Stack;
  let district: District;
  let staff: string;
  let resident: string;

  beforeAll(async () => {
    stack = await startStack(['resident-services']);
    district = await givenDistrict(stack, { itemCodes: ['C02-01'], providers: 1 });
    staff = await stack.token({ sub: `${stack.runId}-door-worker`, roles: ['COMMUNITY_STAFF'], communityIds: [district.communityId] });
    resident = await stack.token({ roles: ['RESIDENT'], residentId: district.residentIds[0]! });
  });
  afterAll(async () => {
    await closeKafka();
    await stack?.stop();
  });

  /** 助餐送餐 at the door of a resident who cannot go out. */
  const mealsAtTheDoor = (changes: Record<string, unknown> = {}) => ({
    itemCode: 'C02-01',
    channel: 'DOOR_TO_DOOR',
    residentId: district.residentIds[0],
    contactPhone: '13912345678',
    address: '武汉路社区12号楼3单元502室',
    answers: [
      { code: 'mealsPerDay', value: '2' },
      { code: 'diet', values: ['LOW_SALT', 'SOFT'] },
      { code: 'startFrom', value: '2026-12-01T11:00:00+08:00' },
    ],
    staffMember: { id: `${stack.runId}-door-worker`, name: '李静' },
    consent: { given: true, method: 'SIGNED' },
    ...changes,
  });

  /** Submits as `token` (staff unless told; null for an anonymous caller) and returns the one error. */
  async function refusal(input: Record<string, unknown>, token: string | null = staff) {
    const res = await stack.query(SUBMIT, { input }, token ?? undefined);
    expect(res.data?.submitServiceOrder ?? null).toBeNull();
    return res.errors![0]!;
  }

  it("refuses a door-to-door order without the staff member who took it and the resident's consent", async () => {
    const neither = await refusal(mealsAtTheDoor({ staffMember: undefined, consent: undefined }));
    expect(neither.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'staffMember' });
    const noConsent = await refusal(mealsAtTheDoor({ consent: undefined }));
    expect(noConsent.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'consent' });
    expect(noConsent.message).toContain('consent');
    const refused = await refusal(mealsAtTheDoor({ consent: { given: false, method: 'VERBAL' } }));
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'consent.given' });
    const callWithoutOperator = await refusal(mealsAtTheDoor({ channel: 'CALL_CENTER', staffMember: undefined }));
    expect(callWithoutOperator.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'staffMember' });
  });

  it('names the attribute an answer breaks', async () => {
    const cases: [Record<string, unknown>[], string][] = [
      [
        [
          { code: 'mealsPerDay', value: '5' },
          { code: 'startFrom', value: '2026-12-01T11:00:00+08:00' },
        ],
        'mealsPerDay',
      ],
      [
        [
          { code: 'mealsPerDay', value: 'two' },
          { code: 'startFrom', value: '2026-12-01T11:00:00+08:00' },
        ],
        'mealsPerDay',
      ],
      [[{ code: 'mealsPerDay', value: '2' }], 'startFrom'],
      [
        [
          { code: 'mealsPerDay', value: '2' },
          { code: 'startFrom', value: 'next Monday' },
        ],
        'startFrom',
      ],
      [
        [
          { code: 'mealsPerDay', value: '2' },
          { code: 'startFrom', value: '2026-12-01T11:00:00+08:00' },
          { code: 'diet', values: ['SPICY'] },
        ],
        'diet',
      ],
      [
        [
          { code: 'mealsPerDay', value: '2' },
          { code: 'startFrom', value: '2026-12-01T11:00:00+08:00' },
          { code: 'colour', value: 'red' },
        ],
        'colour',
      ],
    ];
    for (const [answers, attribute] of cases) {
      const error = await refusal(mealsAtTheDoor({ answers }));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `answers.${attribute}` });
      expect(error.message).toContain(`"${attribute}"`);
    }
  });

  it('refuses what the caller or the service does not take', async () => {
    const residentByPhone = await refusal(mealsAtTheDoor({ channel: 'CALL_CENTER' }), resident);
    expect(residentByPhone.extensions?.code).toBe('FORBIDDEN');
    expect(residentByPhone.message).toContain('COMMUNITY_STAFF');
    const staffOnline = await refusal(mealsAtTheDoor({ channel: 'APP', staffMember: undefined, consent: undefined }));
    expect(staffOnline.extensions?.code).toBe('FORBIDDEN');
    const stranger = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: ['another-community'] });
    expect((await refusal(mealsAtTheDoor(), stranger)).extensions?.code).toBe('FORBIDDEN');
    const booking = await refusal(mealsAtTheDoor({ itemCode: 'C10-02', answers: [] }));
    expect(booking.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'channel' });
    expect((await refusal(mealsAtTheDoor({ itemCode: 'C99-01' }))).extensions?.code).toBe('NOT_FOUND');
    expect((await refusal(mealsAtTheDoor({ contactPhone: '12345' }))).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'contactPhone',
    });
    expect((await refusal(mealsAtTheDoor(), null)).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('takes a door-to-door order with the staff member and the consent, and finds it again by number and phone', async () => {
    const { submitServiceOrder: order } = await ok<{ submitServiceOrder: Record<string, unknown> & { id: string } }>(
      stack,
      SUBMIT,
      { input: mealsAtTheDoor() },
      staff,
    );
    expect(order).toMatchObject({
      channel: 'DOOR_TO_DOOR',
      status: 'SUBMITTED',
      contactPhone: '13912345678',
      answers: [
        { code: 'mealsPerDay', value: '2', values: [] },
        { code: 'diet', value: null, values: ['LOW_SALT', 'SOFT'] },
        { code: 'startFrom', value: '2026-12-01T03:00:00.000Z', values: [] },
      ],
      assistance: {
        staffMemberId: `${stack.runId}-door-worker`,
        staffMemberName: '李静',
        enteredBy: `${stack.runId}-door-worker`,
        consentMethod: 'SIGNED',
      },
    });

    // Staff who serve the resident find it by number and phone (spaces allowed), unmasked.
    const own = await ok<{ trackServiceOrder: Record<string, unknown> }>(stack, TRACK, { number: order.id, phone: '139 1234 5678' }, staff);
    expect(own.trackServiceOrder).toEqual({
      id: order.id,
      status: 'SUBMITTED',
      contactPhone: '13912345678',
      address: '武汉路社区12号楼3单元502室',
      item: { name: '助餐送餐' },
    });
    // Staff of another community are refused, as on serviceOrder, and told the role, not the owner.
    const agent = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: ['another-community'] });
    const elsewhere = await stack.query(TRACK, { number: order.id, phone: '13912345678' }, agent);
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(elsewhere.errors?.[0]?.message).not.toContain(district.communityId);
    expect(elsewhere.data?.trackServiceOrder ?? null).toBeNull();

    // A wrong phone and a missing number read the same.
    const wrongPhone = await stack.query(TRACK, { number: order.id, phone: '13900000000' }, staff);
    const noSuchOrder = await stack.query(TRACK, { number: 'JX-19990101-000001-2222', phone: '13912345678' }, staff);
    expect(wrongPhone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(wrongPhone.errors?.[0]?.message).toBe(noSuchOrder.errors?.[0]?.message);
    // The resident tracks their own order.
    const residentTracking = await ok<{ trackServiceOrder: Record<string, unknown> }>(
      stack,
      TRACK,
      { number: order.id, phone: '13912345678' },
      resident,
    );
    expect(residentTracking.trackServiceOrder).toMatchObject({ id: order.id, contactPhone: '13912345678' });
  });
});
