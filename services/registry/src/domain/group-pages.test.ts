import { groupsOf, pagesOfGroups, type GroupPageKey } from './group-pages';
import { coBuildingMemberCounts, type PartyReader } from './party-queries';

interface Row {
  _id: string;
  orgId: string;
}

const rows: Row[] = [
  { _id: 'm3', orgId: 'a' },
  { _id: 'm1', orgId: 'a' },
  { _id: 'm2', orgId: 'b' },
  { _id: 'm4', orgId: 'a' },
];
const ids = (c: { edges: { node: Row }[] }) => c.edges.map((e) => e.node._id);

describe('pages of grouped rows', () => {
  it('cuts each key its own page, in id order, after its cursor, telling whether more follow', () => {
    const keys: GroupPageKey[] = [
      { group: 'a', page: { limit: 2, afterKey: null } },
      { group: 'a', page: { limit: 2, afterKey: 'm1' } },
      { group: 'b', page: { limit: 2, afterKey: null } },
      { group: 'c', page: { limit: 2, afterKey: null } },
    ];
    const [firstOfA, restOfA, b, c] = pagesOfGroups(keys, rows, (r) => r.orgId);
    expect(ids(firstOfA)).toEqual(['m1', 'm3']);
    expect(firstOfA.pageInfo.hasNextPage).toBe(true);
    expect(ids(restOfA)).toEqual(['m3', 'm4']);
    expect(restOfA.pageInfo.hasNextPage).toBe(false);
    expect(ids(b)).toEqual(['m2']);
    expect(ids(c)).toEqual([]);
  });

  it('asks the store once per group, however many pages of it a batch wants', () => {
    expect(
      groupsOf([
        { group: 'a', page: { limit: 1, afterKey: null } },
        { group: 'a', page: { limit: 1, afterKey: 'm1' } },
        { group: 'b', page: { limit: 1, afterKey: null } },
      ]),
    ).toEqual(['a', 'b']);
  });
});

describe('co-building member counts', () => {
  it('answers in the order asked, 0 for a committee with no members', async () => {
    const reader = {
      coBuildingMemberCounts: async () => [
        { committeeId: 'rpc-2', count: 3 },
        { committeeId: 'rpc-1', count: 1 },
      ],
    } as unknown as PartyReader;
    await expect(coBuildingMemberCounts(['rpc-1', 'rpc-0', 'rpc-2'], reader)).resolves.toEqual([1, 0, 3]);
  });
});
