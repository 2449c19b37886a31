/**
 * The district tier of 区-街道-社区三级联动 through the gateway: the district's party-building
 * committee above the streets' working committees, and district-wide linkage meetings that
 * only DISTRICT_ADMIN records.
 */
import { seedDayPlus } from '@sanshe/seed-fixtures';
import { startStack, type GraphQLResponse, type Stack } from '@sanshe/test-env';

const RECORD = `mutation($input: RecordDistrictLinkageMeetingInput!) {
  recordDistrictLinkageMeeting(input: $input) { id topic heldOn committees { id level } streets { id } decisions }
}`;
const DISTRICT = `{ district { id partyCommittee { id name district { id } memberCommittees { id level } } } }`;
const MEETINGS = `query($streetId: ID) { district { partyCommittee {
  linkageMeetings(streetId: $streetId, first: 20) { edges { node { id committees { id level street { id } } streets { id } } } }
} } }`;
const UPWARD = `query($id: ID!) { regionalPartyCommittee(id: $id) { level street { regionalPartyCommittee { id } } districtCommittee { id } } }`;

const codeOf = (res: GraphQLResponse<unknown>) => (res.errors?.length ? String(res.errors[0]!.extensions?.code) : 'OK');
const fieldOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.field;

interface DistrictView {
  district: {
    id: string;
    partyCommittee: {
      id: string;
      name: string;
      district: { id: string };
      memberCommittees: { id: string; level: string }[];
    };
  };
}

interface MeetingsView {
  district: {
    partyCommittee: {
      linkageMeetings: {
        edges: { node: { id: string; committees: { id: string; level: string; street: { id: string } }[]; streets: { id: string }[] } }[];
      };
    };
  };
}

describe('the district tier of the three-level linkage (区-街道-社区三级联动)', () => {
  let stack: Stack;
  let admin: string;
  let ids: { streetA: string; streetB: string; a1: string };
  const committee = (territoryId: string) => `rpc-${territoryId}`;

  beforeAll(async () => {
    stack = await startStack(['registry']);
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    const r = stack.runId;
    ids = { streetA: `${r}-street-a`, streetB: `${r}-street-b`, a1: `${r}-a1` };
    for (const [id, name] of [
      [ids.streetA, `联动甲街道${r}`],
      [ids.streetB, `联动乙街道${r}`],
    ]) {
      const res = await stack.query(
        `mutation($input: CreateStreetInput!) { createStreet(input: $input) { id } }`,
        { input: { id, name } },
        admin,
      );
      expect(res.errors).toBeUndefined();
    }
    const community = await stack.query(
      `mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
      { input: { id: ids.a1, name: '联动社区', streetId: ids.streetA, urban: true } },
      admin,
    );
    expect(community.errors).toBeUndefined();
  });
  afterAll(() => stack?.stop());

  it('puts a district committee above every street committee, and links each street and community committee up to it', async () => {
    const res = await stack.query<DistrictView>(DISTRICT, {});
    expect(res.errors).toBeUndefined();
    const { id: districtId, partyCommittee } = res.data!.district;
    expect(partyCommittee.district.id).toBe(districtId);
    expect(partyCommittee.name).toMatch(/区域化党建工作委员会$/);
    expect(partyCommittee.memberCommittees.filter((c) => [committee(ids.streetA), committee(ids.streetB)].includes(c.id))).toEqual([
      { id: committee(ids.streetA), level: 'STREET' },
      { id: committee(ids.streetB), level: 'STREET' },
    ]);
    expect(partyCommittee.memberCommittees.every((c) => c.level === 'STREET')).toBe(true);

    // Community → street → district: the three tiers, walked upwards.
    const up = await stack.query<{
      regionalPartyCommittee: { level: string; street: { regionalPartyCommittee: { id: string } }; districtCommittee: { id: string } };
    }>(UPWARD, { id: committee(ids.a1) });
    expect(up.data!.regionalPartyCommittee).toEqual({
      level: 'COMMUNITY',
      street: { regionalPartyCommittee: { id: committee(ids.streetA) } },
      districtCommittee: { id: partyCommittee.id },
    });
  });

  it('lets only DISTRICT_ADMIN record a linkage meeting of committees from at least two streets, and lists it under the district and each street', async () => {
    const input = {
      topic: '党建资源众筹联席会',
      heldOn: seedDayPlus(-1),
      committeeIds: [committee(ids.a1), committee(ids.streetA), committee(ids.streetB)],
      decisions: ['季度对接党建项目需求清单'],
    };

    expect(codeOf(await stack.query(RECORD, { input }))).toBe('UNAUTHENTICATED');
    const streetStaff = await stack.token({ roles: ['STREET_STAFF'], streetIds: [ids.streetA, ids.streetB] });
    expect(codeOf(await stack.query(RECORD, { input }, streetStaff))).toBe('FORBIDDEN');

    const oneStreet = await stack.query(RECORD, { input: { ...input, committeeIds: [committee(ids.a1), committee(ids.streetA)] } }, admin);
    expect([codeOf(oneStreet), fieldOf(oneStreet)]).toEqual(['BAD_USER_INPUT', 'committeeIds']);
    expect(codeOf(await stack.query(RECORD, { input: { ...input, committeeIds: [...input.committeeIds, 'rpc-nowhere'] } }, admin))).toBe(
      'NOT_FOUND',
    );
    const future = await stack.query(RECORD, { input: { ...input, heldOn: seedDayPlus(3) } }, admin);
    expect([codeOf(future), fieldOf(future)]).toEqual(['BAD_USER_INPUT', 'heldOn']);
    const noDecision = await stack.query(RECORD, { input: { ...input, decisions: [] } }, admin);
    expect([codeOf(noDecision), fieldOf(noDecision)]).toEqual(['BAD_USER_INPUT', 'decisions']);

    const recorded = await stack.query<{
      recordDistrictLinkageMeeting: { id: string; committees: { id: string; level: string }[]; streets: { id: string }[] };
    }>(RECORD, { input }, admin);
    expect(recorded.errors).toBeUndefined();
    const meeting = recorded.data!.recordDistrictLinkageMeeting;
    expect(meeting.committees.map((c) => c.level).sort()).toEqual(['COMMUNITY', 'STREET', 'STREET']);
    expect(meeting.streets.map((s) => s.id)).toEqual([ids.streetA, ids.streetB].sort());

    const underB = await stack.query<MeetingsView>(MEETINGS, { streetId: ids.streetB });
    expect(underB.errors).toBeUndefined();
    const listed = underB.data!.district.partyCommittee.linkageMeetings.edges.map((e) => e.node);
    expect(listed.map((m) => m.id)).toEqual([meeting.id]);
    expect(listed[0]!.committees.find((c) => c.level === 'COMMUNITY')).toEqual({
      id: committee(ids.a1),
      level: 'COMMUNITY',
      street: { id: ids.streetA },
    });
  });
});
