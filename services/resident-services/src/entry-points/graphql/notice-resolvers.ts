import type { EventFactory, PageArgs } from '@sanshe/service-kit';
import type { Notice } from '../../domain/model';
import { listNotices, type NoticeFilterArgs } from '../../domain/notice-queries';
import { publishNotice, type PublishNoticeInput } from '../../domain/notices';
import type { Clock, ResidentServicesPorts } from '../../domain/ports';
import type { ResidentServicesContext as Ctx } from './context';

/** Notices are public to read; publishing is guarded in the domain. */
export function noticeResolvers(deps: Pick<ResidentServicesPorts, 'notices' | 'directory'> & { events: EventFactory; now: Clock }) {
  const publishing = { notices: deps.notices, directory: deps.directory, events: deps.events, now: deps.now };
  return {
    Query: {
      notice: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.loaders.notices.load(args.id),
      notices: (_: unknown, args: PageArgs & { filter?: NoticeFilterArgs | null }, ctx: Ctx) =>
        listNotices(args.filter, args, { notices: deps.notices, communities: ctx.loaders.communities }),
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
