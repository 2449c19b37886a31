import { COMMUNITIES, communityByName, seedDayPlus, SOCIAL_ORGANIZATIONS, SOCIAL_WORKERS, STREETS } from '@sanshe/seed-fixtures';
import { seed } from '@sanshe/social-orgs/seed';
import { startStack, type Stack } from '@sanshe/test-env';
import { codeOf, registerOrganization } from './helpers';

const SCHEDULE = `mutation($input: SchedulePartyTrainingCourseInput!) { schedulePartyTrainingCourse(input: $input) { id heldOn hours streetId attendance { attendances } } }`;
const ATTEND = `mutation($input: RecordCourseAttendanceInput!) {
  recordCourseAttendance(input: $input) { id kind hoursCredited partyMember { id } socialWorker { id } course { id } organization { name } }
}`;
const TOTALS = `query($id: ID!) { socialOrganization(id: $id) { partyTraining { attendances people partyMemberHours keyStaffHours totalHours } } }`;
const BY_PERSON = `query($id: ID!) { socialOrganization(id: $id) { partyTrainingByPerson { kind partyMember { id } socialWorker { id } courses hours } } }`;
const COURSES = `query($streetId: ID) { partyTrainingCourses(streetId: $streetId, first: 100) { edges { node { id title heldOn hours streetId attendance { people keyStaffHours } } } } }`;

interface Totals {
  attendances: number;
  people: number;
  partyMemberHours: number;
  keyStaffHours: number;
  totalHours: number;
}

/** 党员和骨干人才同步培养: courses for party members and key staff, attendance once per person, totals per organization and person. */
describe('training of party members and key staff (三三三: 同步培养)', () => {
  let stack: Stack;
  let admin: string;
  const org = (name: string) => SOCIAL_ORGANIZATIONS.find((o) => o.name === name)!.id;
  const wuhanRoad = communityByName('武汉路社区');
  const otherStreet = STREETS.find((s) => s.id !== wuhanRoad.streetId)!.id;
  const xinhe = org('欣和社工');
  const xinheStaff = SOCIAL_WORKERS.filter((w) => w.organizationId === xinhe);
  const foreignWorker = SOCIAL_WORKERS.find((w) => w.organizationId !== xinhe)!;

  const totals = async (id: string) =>
    (await stack.query<{ socialOrganization: { partyTraining: Totals } }>(TOTALS, { id })).data!.socialOrganization.partyTraining;
  const schedule = async (input: Record<string, unknown>, token: string) => {
    const res = await stack.query<{ schedulePartyTrainingCourse: { id: string } }>(SCHEDULE, { input }, token);
    if (res.errors) throw new Error(res.errors[0]!.message);
    return res.data!.schedulePartyTrainingCourse.id;
  };

  beforeAll(async () => {
    stack = await startStack(['social-orgs']);
    await seed({ env: { ...stack.env, MONGO_DB: stack.services['social-orgs']!.connection.name } });
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
  });
  afterAll(() => stack?.stop());

  it("serves the seeded courses before the seed day and 欣和社工's key-staff hours to everyone, person by person to the district and the organization only", async () => {
    const courses = await stack.query<{
      partyTrainingCourses: {
        edges: { node: { id: string; heldOn: string; hours: number; streetId: string | null; attendance: { people: number } } }[];
      };
    }>(COURSES, {});
    const seeded = courses
      .data!.partyTrainingCourses.edges.map((e) => e.node)
      .filter((c) => c.id.startsWith('partycourse-district-') || c.id.startsWith('partycourse-street-'));
    expect(seeded.length).toBeGreaterThanOrEqual(3);
    expect(seeded.every((c) => c.heldOn < seedDayPlus(0) && c.attendance.people > 0)).toBe(true);

    // 欣和社工 serves 武汉路社区, so its two seeded key staff sat every seeded course: district and street.
    const expectedHours = 2 * seeded.reduce((n, c) => n + c.hours, 0);
    expect(await totals(xinhe)).toMatchObject({ people: 2, partyMemberHours: 0, keyStaffHours: expectedHours });

    const own = await stack.token({ roles: ['ORG_STAFF'], orgIds: [xinhe] });
    const people = await stack.query<{
      socialOrganization: { partyTrainingByPerson: { kind: string; socialWorker: { id: string }; courses: number }[] };
    }>(BY_PERSON, { id: xinhe }, own);
    expect(people.errors).toBeUndefined();
    expect(people.data!.socialOrganization.partyTrainingByPerson.map((p) => [p.kind, p.courses])).toEqual([
      ['KEY_STAFF', seeded.length],
      ['KEY_STAFF', seeded.length],
    ]);
    expect(codeOf(await stack.query(BY_PERSON, { id: xinhe }))).toBe('UNAUTHENTICATED');
    expect(
      codeOf(await stack.query(BY_PERSON, { id: xinhe }, await stack.token({ roles: ['ORG_STAFF'], orgIds: [org('阳光社工')] }))),
    ).toBe('FORBIDDEN');
  });

  it("lets the district schedule district courses and a street's staff only its own street's", async () => {
    const streetStaff = await stack.token({ roles: ['STREET_STAFF'], streetIds: [wuhanRoad.streetId] });
    const input = {
      title: '党章党规专题学习',
      organizer: '武汉路社区党委',
      heldOn: seedDayPlus(7),
      hours: 2.5,
      topic: 'PARTY_THEORY',
      streetId: wuhanRoad.streetId,
    };
    const res = await stack.query<{
      schedulePartyTrainingCourse: { streetId: string; hours: number; attendance: { attendances: number } };
    }>(SCHEDULE, { input }, streetStaff);
    expect(res.data?.schedulePartyTrainingCourse).toMatchObject({
      streetId: wuhanRoad.streetId,
      hours: 2.5,
      attendance: { attendances: 0 },
    });

    expect(codeOf(await stack.query(SCHEDULE, { input: { ...input, streetId: null } }, streetStaff))).toBe('FORBIDDEN');
    expect(codeOf(await stack.query(SCHEDULE, { input: { ...input, streetId: otherStreet } }, streetStaff))).toBe('FORBIDDEN');
    expect(codeOf(await stack.query(SCHEDULE, { input }, await stack.token({ roles: ['ORG_STAFF'], orgIds: [xinhe] })))).toBe('FORBIDDEN');
    const badHours = await stack.query(SCHEDULE, { input: { ...input, hours: 0.3 } }, admin);
    expect(badHours.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hours' });
  });

  it('records a person once per course (a repeat or a race is CONFLICT and counts nothing) and adds the hours to the totals', async () => {
    const course = await schedule(
      { title: '党员和骨干人才同步培养示范课', organizer: '涧西区委组织部', heldOn: seedDayPlus(-3), hours: 4, topic: 'PARTY_AFFAIRS' },
      admin,
    );
    const before = await totals(xinhe);
    const own = await stack.token({ roles: ['ORG_STAFF'], orgIds: [xinhe] });
    const partyMemberId = `${stack.runId}-partymember-1`;

    const member = await stack.query<{ recordCourseAttendance: { kind: string; hoursCredited: number; partyMember: { id: string } } }>(
      ATTEND,
      { input: { courseId: course, organizationId: xinhe, kind: 'PARTY_MEMBER', personId: partyMemberId, hoursCredited: 3 } },
      own,
    );
    expect(member.errors).toBeUndefined();
    expect(member.data!.recordCourseAttendance).toMatchObject({
      kind: 'PARTY_MEMBER',
      hoursCredited: 3,
      partyMember: { id: partyMemberId },
      organization: { name: '欣和社工' },
    });

    const repeat = await stack.query(
      ATTEND,
      { input: { courseId: course, organizationId: xinhe, kind: 'PARTY_MEMBER', personId: partyMemberId } },
      own,
    );
    expect(codeOf(repeat)).toBe('CONFLICT');
    expect(repeat.errors![0]!.message).toMatch(/already recorded on course .*once per person and course/);

    // Two replicas may receive the same recording at once: the unique index lets one through.
    // 欣和社工 has the report's three social workers; the seed trained the first two.
    const staff = xinheStaff[2]!.id;
    const raced = await Promise.all(
      [0, 1, 2].map(() =>
        stack.query(ATTEND, { input: { courseId: course, organizationId: xinhe, kind: 'KEY_STAFF', personId: staff } }, admin),
      ),
    );
    expect(raced.map(codeOf).sort()).toEqual(['CONFLICT', 'CONFLICT', 'OK']);

    expect(await totals(xinhe)).toEqual({
      attendances: before.attendances + 2,
      people: before.people + 2,
      partyMemberHours: before.partyMemberHours + 3,
      keyStaffHours: before.keyStaffHours + 4,
      totalHours: before.totalHours + 7,
    });
  });

  it('refuses attendance before the course day, of people not on the staff, by other organizations, and of party members where no party coverage is', async () => {
    const later = await schedule(
      { title: '下月党课', organizer: '涧西区委党校', heldOn: seedDayPlus(10), hours: 2, topic: 'PARTY_THEORY' },
      admin,
    );
    const past = await schedule(
      { title: '骨干人才实务培训', organizer: '社会工作者培训基地', heldOn: seedDayPlus(-1), hours: 2, topic: 'PROFESSIONAL_SKILLS' },
      admin,
    );
    const early = await stack.query(
      ATTEND,
      { input: { courseId: later, organizationId: xinhe, kind: 'KEY_STAFF', personId: xinheStaff[0]!.id } },
      admin,
    );
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'courseId' });

    const stranger = await stack.query(
      ATTEND,
      { input: { courseId: past, organizationId: xinhe, kind: 'KEY_STAFF', personId: foreignWorker.id } },
      admin,
    );
    expect(stranger.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personId' });
    const tooLong = await stack.query(
      ATTEND,
      { input: { courseId: past, organizationId: xinhe, kind: 'KEY_STAFF', personId: xinheStaff[0]!.id, hoursCredited: 3 } },
      admin,
    );
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hoursCredited' });

    const otherOrg = await stack.token({ roles: ['ORG_STAFF'], orgIds: [org('阳光社工')] });
    expect(
      codeOf(
        await stack.query(
          ATTEND,
          { input: { courseId: past, organizationId: xinhe, kind: 'KEY_STAFF', personId: xinheStaff[0]!.id } },
          otherOrg,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await stack.query(ATTEND, { input: { courseId: past, organizationId: xinhe, kind: 'KEY_STAFF', personId: xinheStaff[0]!.id } }),
      ),
    ).toBe('UNAUTHENTICATED');

    const uncovered = await registerOrganization(stack, admin);
    const noBranch = await stack.query(
      ATTEND,
      { input: { courseId: past, organizationId: uncovered, kind: 'PARTY_MEMBER', personId: `${stack.runId}-pm` } },
      admin,
    );
    expect(noBranch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
  });

  it("lets a street's staff record attendance on its own course for organizations serving the street only", async () => {
    const streetStaff = await stack.token({ roles: ['STREET_STAFF'], streetIds: [wuhanRoad.streetId] });
    const course = await schedule(
      {
        title: '街道社会组织党员冬训',
        organizer: '街道党工委',
        heldOn: seedDayPlus(-2),
        hours: 3,
        topic: 'PARTY_THEORY',
        streetId: wuhanRoad.streetId,
      },
      streetStaff,
    );
    const ok = await stack.query(
      ATTEND,
      { input: { courseId: course, organizationId: xinhe, kind: 'KEY_STAFF', personId: xinheStaff[0]!.id } },
      streetStaff,
    );
    expect(codeOf(ok)).toBe('OK');
    const streetOf = (c: string) => COMMUNITIES.find((x) => x.id === c)!.streetId;
    const outside = SOCIAL_ORGANIZATIONS.find((o) => o.communityIds.every((c) => streetOf(c) !== wuhanRoad.streetId))!;
    const worker = SOCIAL_WORKERS.find((w) => w.organizationId === outside.id);
    const res = await stack.query(
      ATTEND,
      { input: { courseId: course, organizationId: outside.id, kind: 'KEY_STAFF', personId: worker?.id ?? 'nobody' } },
      admin,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
  });
});
