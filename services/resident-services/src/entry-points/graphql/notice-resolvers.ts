import { NotFoundError, pageRequest, toConnection, type EventFactory, type PageArgs } from '@sanshe/service-kit';
import type { NoticeReach } from '../../data-access/notice-repository';
import type { Notice, NoticeKind } from '../../domain/model';
import { publishNotice, type PublishNoticeInput } from '../../domain/notices';
import type { Clock } from '../../domain/ports';
import type { Repositories, ResidentServicesContext as Ctx } from './context';

interface NoticeFilterArgs {
  communityId?: string | null;
  streetId?: string | null;
  kind?: NoticeKind | null;
}

/** Notices are public to read; publishing is guarded in the domain. */
export function noticeResolvers(deps: Repositories & { events: EventFactory; now: Clock }) {
  const publishing = { notices: deps.notices, directory: deps.directory, events: deps.events, now: deps.now };
  return {
    Query: {
      notice: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.loaders.notices.load(args.id),
      notices: async (_: unknown, args: PageArgs & { filter?: NoticeFilterArgs | null }, ctx: Ctx) => {
        const page = pageRequest(args);
        const f = args.filter ?? {};
        let reach: NoticeReach = { kind: f.kind ?? null };
        if (f.communityId) {
          const community = await ctx.loaders.communities.load(f.communityId);
          if (!community) throw new NotFoundError('Community', f.communityId);
          reach = { ...reach, communityIds: [community._id], streetIds: [community.streetId] };
        } else if (f.streetId) {
          reach = { ...reach, streetIds: [f.streetId] };
        }
        return toConnection(await deps.notices.page(reach, page), page.limit, (n) => n.sortKey);
      },
    },
    Mutation: {
      publishNotice: (_: unknown, args: { input: PublishNoticeInput }, ctx: Ctx) => publishNotice(args.input, ctx, publishing),
    },
    Notice: {
      __resolveReference: (reference: { id: string }, ctx: Ctx) => ctx.loaders.notices.load(reference.id),
      id: (n: Notice) => n._id,
      community: (n: Notice) => (n.communityId ? { __typename: 'Community', id: n.communityId } : null),
      publishedAt: (n: Notice) => n.publishedAt.toISOString(),
    },
  };
}
