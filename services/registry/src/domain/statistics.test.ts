import { districtOverview, onResidentMoved, onResidentRegistered, type CounterStore } from './statistics';

/** An in-memory store with the same once-per-event rule as the real one. */
function memoryStore(emitted: Record<string, string[]>) {
  const counts = new Map<string, number>();
  const applied = new Set<string>();
  const store: CounterStore = {
    async applyToCommunity(communityId, eventId, delta) {
      if (applied.has(`${communityId}:${eventId}`)) return false;
      applied.add(`${communityId}:${eventId}`);
      counts.set(communityId, (counts.get(communityId) ?? 0) + (delta.residents ?? 0));
      return true;
    },
    async residentEmitted(residentId, eventId) {
      return (emitted[residentId] ?? []).includes(eventId);
    },
    async hasCommunity(communityId) {
      return communityId.startsWith('c');
    },
  };
  return { store, counts };
}

describe('community counters', () => {
  it('count a registration once however often it is delivered', async () => {
    const { store, counts } = memoryStore({ r1: ['e1'] });
    const event = { id: 'e1', data: { residentId: 'r1', communityId: 'c1' } };
    await onResidentRegistered(store, event);
    await onResidentRegistered(store, event);
    expect(counts.get('c1')).toBe(1);
  });

  it('move a resident from one count to the other', async () => {
    const { store, counts } = memoryStore({ r1: ['e1', 'e2'] });
    await onResidentRegistered(store, { id: 'e1', data: { residentId: 'r1', communityId: 'c1' } });
    await onResidentMoved(store, { id: 'e2', data: { residentId: 'r1', fromCommunityId: 'c1', toCommunityId: 'c2' } });
    expect(Object.fromEntries(counts)).toEqual({ c1: 0, c2: 1 });
  });

  it('ignore events this register did not write', async () => {
    const { store, counts } = memoryStore({ r1: ['e1'] });
    await onResidentRegistered(store, { id: 'foreign', data: { residentId: 'r1', communityId: 'c1' } });
    await onResidentRegistered(store, { id: 'e9', data: { residentId: 'r9', communityId: 'c1' } });
    await onResidentRegistered(store, { id: 'e1', data: { residentId: 'r1', communityId: 'elsewhere' } });
    expect(counts.size).toBe(0);
  });
});

describe('the district overview', () => {
  it('counts one regional party committee per street and per community', () => {
    const community = (urban: boolean, residents: number) => ({
      urban,
      standardisedHall: urban,
      branded: false,
      stats: { residents, publishedActivities: 0 },
    });
    const overview = districtOverview({
      streets: 2,
      communities: [community(true, 10), community(false, 5), community(true, 1)],
      partyOrganizations: 9,
      coBuildingPartyOrganizations: 7,
      partyMembers: 40,
      activeServicePosts: 3,
    });
    expect(overview).toMatchObject({
      streets: 2,
      communities: 3,
      urbanCommunities: 2,
      ruralCommunities: 1,
      standardisedServiceHalls: 2,
      regionalPartyCommittees: 5,
      residents: 16,
    });
  });
});
