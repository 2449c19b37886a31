import { ForbiddenError, normalizeIdentity, UnauthenticatedError, type Identity } from '@sanshe/domain-kit';
import type { KnownCommunity } from '@sanshe/community-directory';
import type { Organization } from './organization';
import type { SocialWorker } from './social-worker';
import { listWorkers, workersEmployedBy, type WorkerFilter, type WorkerReads } from './worker-queries';

const caller = (raw: Partial<Identity>): Identity => normalizeIdentity({ userId: 'u-1', ...raw });

describe('reading social workers', () => {
  const searched: WorkerFilter[] = [];
  const reads: Pick<WorkerReads, 'community' | 'search'> = {
    community: (id) => Promise.resolve(id === 'community-007' ? ({ _id: id, streetId: 'street-02' } as unknown as KnownCommunity) : null),
    search: (filter) => {
      searched.push(filter);
      return Promise.resolve([{ _id: 'sw-1' } as SocialWorker]);
    },
  };
  const list = (identity: Identity, filter: WorkerFilter | null) => listWorkers(identity, { filter, first: 10 }, reads);

  beforeEach(() => {
    searched.length = 0;
  });

  it("lists a community's workers to its street's staff, through the street the community belongs to", async () => {
    const page = await list(caller({ roles: ['STREET_STAFF'], streetIds: ['street-02'] }), { communityId: 'community-007' });
    expect(page.edges.map((e) => e.node._id)).toEqual(['sw-1']);
    await expect(list(caller({ roles: ['STREET_STAFF'], streetIds: ['street-01'] }), { communityId: 'community-007' })).rejects.toThrow(
      ForbiddenError,
    );
  });

  it('lets any one scope of the filter the caller serves suffice, and keeps the whole district to DISTRICT_ADMIN', async () => {
    const orgStaff = caller({ roles: ['ORG_STAFF'], orgIds: ['org-1'] });
    await expect(list(orgStaff, { organizationId: 'org-1', streetId: 'street-09' })).resolves.toBeDefined();
    await expect(list(orgStaff, { organizationId: 'org-2' })).rejects.toThrow(ForbiddenError);
    await expect(list(orgStaff, null)).rejects.toThrow(/whole district/);
    await expect(list(caller({ roles: ['DISTRICT_ADMIN'] }), null)).resolves.toBeDefined();
    expect(searched).toEqual([{ organizationId: 'org-1', streetId: 'street-09' }, {}]);
  });

  it("shows an organization's workers to its own staff only, and loads nothing for anyone else", async () => {
    const organization = { _id: 'org-1', name: '欣和社工' } as Organization;
    const loaded: string[] = [];
    const load = (id: string) => {
      loaded.push(id);
      return Promise.resolve([] as SocialWorker[]);
    };
    await expect(workersEmployedBy(caller({ roles: ['ORG_STAFF'], orgIds: ['org-1'] }), organization, load)).resolves.toEqual([]);
    expect(() => workersEmployedBy(caller({ roles: ['ORG_STAFF'], orgIds: ['org-2'] }), organization, load)).toThrow(ForbiddenError);
    expect(() => workersEmployedBy(normalizeIdentity({}), organization, load)).toThrow(UnauthenticatedError);
    expect(loaded).toEqual(['org-1']);
  });
});
