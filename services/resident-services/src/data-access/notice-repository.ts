import { OUTBOX_FIELD, type OutboxEntry, type PageRequest } from '@sanshe/service-kit';
import type { Notice } from '../domain/model';
import { noticeSortKey, type NoticeReach, type NoticeReader } from '../domain/notice-queries';
import type { NoticeStore } from '../domain/ports';
import type { NoticeDoc, ResidentServicesModels } from './models';

function reachQuery(reach: NoticeReach | null): Record<string, unknown> {
  const q: Record<string, unknown> = reach?.kind ? { kind: reach.kind } : {};
  if (!reach || (!reach.communityIds?.length && !reach.streetIds?.length)) return q;
  const or: Record<string, unknown>[] = [{ scope: 'DISTRICT' }];
  if (reach.streetIds?.length) or.push({ scope: 'STREET', streetId: { $in: [...reach.streetIds] } });
  if (reach.communityIds?.length) or.push({ scope: 'COMMUNITY', communityId: { $in: [...reach.communityIds] } });
  return { ...q, $or: or };
}

export class NoticeRepository implements NoticeStore, NoticeReader {
  constructor(private readonly models: ResidentServicesModels) {}

  async insert(notice: Notice, events: OutboxEntry[]): Promise<Notice> {
    await this.models.Notice.create({ ...notice, sortKey: noticeSortKey(notice), [OUTBOX_FIELD]: events });
    return notice;
  }

  byIds(ids: readonly string[]): Promise<NoticeDoc[]> {
    return this.models.Notice.find({ _id: { $in: [...ids] } })
      .lean<NoticeDoc[]>()
      .exec();
  }

  /** Notices reaching any of the places, newest first; callers split them per place. */
  reaching(reach: NoticeReach): Promise<NoticeDoc[]> {
    return this.models.Notice.find(reachQuery(reach)).sort({ sortKey: -1 }).lean<NoticeDoc[]>().exec();
  }

  page(reach: NoticeReach | null, page: PageRequest): Promise<NoticeDoc[]> {
    return this.models.Notice.find({ ...reachQuery(reach), ...(page.afterKey ? { sortKey: { $lt: page.afterKey } } : {}) })
      .sort({ sortKey: -1 })
      .limit(page.limit + 1)
      .lean<NoticeDoc[]>()
      .exec();
  }
}
