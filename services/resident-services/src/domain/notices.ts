import { randomUUID } from 'node:crypto';
import { authorize, BadInputError, NotFoundError, UnauthenticatedError } from '@sanshe/domain-kit';
import { STAFF_ROLES } from './access';
import type { Notice, NoticeKind, NoticeScope } from './model';
import { NOTICE_PUBLISHED } from './order-events';
import { requiredText } from './order-transition';
import type { Caller, Clock, Directory, Events, NoticeStore } from './ports';

export interface PublishNoticeInput {
  kind: NoticeKind;
  scope: NoticeScope;
  streetId?: string | null;
  communityId?: string | null;
  title: string;
  body: string;
}

export interface NoticeDeps {
  notices: NoticeStore;
  directory: Directory;
  events: Events;
  now: Clock;
}

/** Where a notice goes, checked against the territories this service knows, and who may publish there. */
async function placement(
  input: PublishNoticeInput,
  directory: Directory,
): Promise<{ streetId: string | null; communityId: string | null; roles: typeof STAFF_ROLES }> {
  const streetId = input.streetId?.trim() || null;
  const communityId = input.communityId?.trim() || null;
  switch (input.scope) {
    case 'DISTRICT':
      if (streetId || communityId)
        throw new BadInputError(
          streetId ? 'streetId' : 'communityId',
          'A DISTRICT notice goes to the whole district; leave streetId and communityId out.',
        );
      return { streetId: null, communityId: null, roles: ['DISTRICT_ADMIN'] };
    case 'STREET':
      if (!streetId) throw new BadInputError('streetId', 'A STREET notice needs the streetId it goes to.');
      if (communityId) throw new BadInputError('communityId', 'A STREET notice goes to a whole street; leave communityId out.');
      if (!(await directory.streetKnown(streetId))) throw new NotFoundError('Street', streetId);
      return { streetId, communityId: null, roles: ['DISTRICT_ADMIN', 'STREET_STAFF'] };
    case 'COMMUNITY': {
      if (!communityId) throw new BadInputError('communityId', 'A COMMUNITY notice needs the communityId it goes to.');
      const community = await directory.community(communityId);
      if (!community) throw new NotFoundError('Community', communityId);
      if (streetId && streetId !== community.streetId)
        throw new BadInputError('streetId', `Community ${communityId} lies in street ${community.streetId}, not ${streetId}.`);
      return { streetId: community.streetId, communityId, roles: STAFF_ROLES };
    }
  }
}

/** 政策告知 and 社区动态: staff publish to their territory; anyone may read. */
export async function publishNotice(input: PublishNoticeInput, caller: Caller, deps: NoticeDeps): Promise<Notice> {
  if (caller.identity.userId === null)
    throw new UnauthenticatedError('Sign in first: to publish a notice you need an authenticated caller.');
  const title = requiredText('title', input.title, 80, 'a notice needs a title of at most 80 characters.');
  const body = requiredText('body', input.body, 5000, 'a notice needs a body.');
  const place = await placement(input, deps.directory);
  const where = place.communityId ? `community ${place.communityId}` : place.streetId ? `street ${place.streetId}` : 'the district';
  authorize(caller.identity, {
    action: `publish a notice to ${where}`,
    roles: place.roles,
    scope: { streetId: place.streetId, communityId: place.communityId },
  });
  const notice: Notice = {
    _id: `notice-${randomUUID()}`,
    kind: input.kind,
    scope: input.scope,
    streetId: place.streetId,
    communityId: place.communityId,
    title,
    body,
    publishedAt: deps.now(),
    publishedBy: caller.identity.userId,
  };
  const event = deps.events.create(
    NOTICE_PUBLISHED,
    notice._id,
    {
      noticeId: notice._id,
      kind: notice.kind,
      scope: notice.scope,
      streetId: notice.streetId,
      communityId: notice.communityId,
      title,
      publishedAt: notice.publishedAt.toISOString(),
    },
    caller.traceparent,
  );
  return deps.notices.insert(notice, [event]);
}
