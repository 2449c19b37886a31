import { hashString } from '@sanshe/seed-fixtures';

/** Who acted in the seeded history. Staff are not fixture entities; their ids only name a role in a place. */
export interface Actor {
  by: string | null;
  byRole: string;
}

export const residentActor = (residentId: string): Actor => ({ by: residentId, byRole: 'RESIDENT' });
export const staffActor = (communityId: string, n: number): Actor => ({ by: `staff-${communityId}-${n}`, byRole: 'COMMUNITY_STAFF' });
export const workerActor = (orgId: string): Actor => ({ by: `staff-${orgId}`, byRole: 'ORG_STAFF' });

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林';
const GIVEN = ['芳', '静', '敏', '丽', '强', '磊', '军', '洋', '艳', '杰', '娟', '涛', '明', '霞', '平', '刚'];

/** The staff member who takes call-centre and door-to-door orders for a community: the same name every run. */
export function staffMember(communityId: string, n: number): { id: string; name: string } {
  const h = hashString(`${communityId}-${n}`);
  return { id: `staff-${communityId}-${n}`, name: `${SURNAMES[h % SURNAMES.length]}${GIVEN[(h >>> 8) % GIVEN.length]}` };
}
