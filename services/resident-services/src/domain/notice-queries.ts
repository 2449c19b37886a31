import { NotFoundError, pageRequest, toConnection, type Connection, type PageArgs, type PageRequest } from '@sanshe/domain-kit';
import type { Notice, NoticeKind } from './model';
import { listLength, type CommunityPlace, type Lookup } from './order-queries';

/** The reads of notices. Notices are public to read; publishing is guarded in notices.ts. */

/** The order notices list in, newest first, ties broken by id: the store keeps it on each notice. */
export const noticeSortKey = (notice: Pick<Notice, '_id' | 'publishedAt'>) => `${notice.publishedAt.toISOString()}~${notice._id}`;

/** Where notices reach: a community hears its own, its street's and the district's; a street its own and the district's. */
export interface NoticeReach {
  communityIds?: readonly string[];
  streetIds?: readonly string[];
  /** Only notices of this kind. */
  kind?: NoticeKind | null;
}

export interface NoticeReader {
  byIds(ids: readonly string[]): Promise<Notice[]>;
  /** Notices reaching any of the places, newest first; callers split them per place. */
  reaching(reach: NoticeReach): Promise<Notice[]>;
  /** A page of `limit + 1` notices after the cursor key (`noticeSortKey`), newest first. */
  page(reach: NoticeReach | null, page: PageRequest): Promise<Notice[]>;
}

/** A place notices can reach: a community and the street it lies in. */
export interface Place {
  communityId: string;
  streetId: string | null;
}

export const noticesByIds = (ids: readonly string[], reader: NoticeReader) => reader.byIds(ids);

/** The notices reaching each place (of one kind, or any), in the order of `places`, with one query for all. */
export async function noticesReachingPlaces(places: readonly Place[], kind: NoticeKind | null, reader: NoticeReader): Promise<Notice[][]> {
  const all = await reader.reaching({
    communityIds: places.map((p) => p.communityId),
    streetIds: places.flatMap((p) => (p.streetId ? [p.streetId] : [])),
    kind,
  });
  return places.map((p) =>
    all.filter(
      (n) =>
        n.scope === 'DISTRICT' ||
        (n.scope === 'STREET' && n.streetId === p.streetId) ||
        (n.scope === 'COMMUNITY' && n.communityId === p.communityId),
    ),
  );
}

export interface NoticeFilterArgs {
  communityId?: string | null;
  streetId?: string | null;
  kind?: NoticeKind | null;
}

/** One page of the notices reaching a community or a street (or all of them), newest first. */
export async function listNotices(
  filter: NoticeFilterArgs | null | undefined,
  pageArgs: PageArgs,
  deps: { notices: NoticeReader; communities: Lookup<string, CommunityPlace | null> },
): Promise<Connection<Notice>> {
  const page = pageRequest(pageArgs);
  const f = filter ?? {};
  let reach: NoticeReach = { kind: f.kind ?? null };
  if (f.communityId) {
    const community = await deps.communities.load(f.communityId);
    if (!community) throw new NotFoundError('Community', f.communityId);
    reach = { ...reach, communityIds: [community._id], streetIds: [community.streetId] };
  } else if (f.streetId) {
    reach = { ...reach, streetIds: [f.streetId] };
  }
  return toConnection(await deps.notices.page(reach, page), page.limit, noticeSortKey);
}

/** Notices of one kind (or any), per place; one lookup per kind, so places asked alike share a batch. */
export type NoticesByPlace = (kind: NoticeKind | null) => Lookup<Place, Notice[]>;

/** The newest notices reaching a community: its own, its street's and the district's. */
export async function communityNotices(
  communityId: string,
  args: { kind?: NoticeKind | null; first?: number | null },
  deps: { communities: Lookup<string, CommunityPlace | null>; noticesReaching: NoticesByPlace },
): Promise<Notice[]> {
  const first = listLength(args.first, 10);
  const community = await deps.communities.load(communityId);
  const notices = await deps.noticesReaching(args.kind ?? null).load({ communityId, streetId: community?.streetId ?? null });
  return notices.slice(0, first);
}
