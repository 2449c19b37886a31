import type { Identity, OutboxEntry } from '@sanshe/domain-kit';
import type { EventFactory } from '@sanshe/service-kit';
import type { CatalogueReader } from './catalogue-queries';
import type { KnownResident, KnownSocialWorker, Notice, ServiceContract, ServiceItem, ServiceOrder, TimelineEntry } from './model';
import type { NoticeReader } from './notice-queries';
import type { CommunityReader, OrderReader } from './order-queries';
import type { StatisticsReader } from './statistics-queries';

/** What the use-cases need from storage; data-access implements it. */

export interface OrderChange {
  set: Partial<ServiceOrder>;
  entry: TimelineEntry;
  events: OutboxEntry[];
}

export interface OrderStore {
  /** The next number of the day (YYYYMMDD), from an atomic counter. */
  nextSequence(day: string): Promise<number>;
  insert(order: ServiceOrder, events: OutboxEntry[]): Promise<ServiceOrder>;
  get(id: string): Promise<ServiceOrder | null>;
  /** Applies a status change only while the order is still at `expected` status and version; null otherwise. */
  transition(id: string, expected: { status: ServiceOrder['status']; version: number }, change: OrderChange): Promise<ServiceOrder | null>;
  /** Escalates only while the order is still in `status` and not escalated yet; null otherwise. */
  escalate(id: string, status: ServiceOrder['status'], change: OrderChange): Promise<ServiceOrder | null>;
  /**
   * Sets the order's assigned workers only while it is still at `expected` status and version
   * with the same provider; null otherwise. Not a status change: the version stays.
   */
  assignWorkers(
    id: string,
    expected: { status: ServiceOrder['status']; version: number; providerOrgId: string },
    workerIds: string[],
  ): Promise<ServiceOrder | null>;
  markOverdue(
    id: string,
    status: ServiceOrder['status'],
    flags: Pick<ServiceOrder, 'responseOverdue' | 'resolutionOverdue'>,
  ): Promise<void>;
}

export interface CatalogueStore {
  item(code: string): Promise<ServiceItem | null>;
}

export interface Directory {
  resident(id: string): Promise<KnownResident | null>;
  community(id: string): Promise<{ _id: string; streetId: string } | null>;
  /** Whether any known community lies in the street. */
  streetKnown(streetId: string): Promise<boolean>;
}

export interface WorkerDirectory {
  /** The known social workers among `ids` (learned from social-orgs' socialWorker.registered). */
  workers(ids: readonly string[]): Promise<KnownSocialWorker[]>;
}

export interface ContractStore {
  /** Contracts naming the item and the community (whatever their period). */
  naming(itemCode: string, communityId: string): Promise<ServiceContract[]>;
  /** Orders on each provider's desk. */
  loadOf(providerOrgIds: readonly string[]): Promise<Map<string, number>>;
}

export interface DeadlineWatch {
  watch(entry: { orderId: string; respondBy: Date; resolveBy: Date; nextCheckAt: Date }): Promise<void>;
  due(now: Date, limit: number): Promise<{ orderId: string }[]>;
  reschedule(orderId: string, nextCheckAt: Date): Promise<void>;
  forget(orderId: string): Promise<void>;
}

export interface NoticeStore {
  insert(notice: Notice, events: OutboxEntry[]): Promise<Notice>;
}

export interface Caller {
  identity: Identity;
  traceparent: string;
}

export type Events = Pick<EventFactory, 'create'>;
export type Clock = () => Date;

/** Every store the GraphQL entry point reaches, by what the domain asks of it; service.ts fills it with the repositories. */
export interface ResidentServicesPorts {
  orders: OrderStore & OrderReader;
  catalogue: CatalogueStore & CatalogueReader;
  directory: Directory & ContractStore & WorkerDirectory & CommunityReader;
  notices: NoticeStore & NoticeReader;
  watch: DeadlineWatch;
  statistics: StatisticsReader;
}
