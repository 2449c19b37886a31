import { outboxPlugin } from '@sanshe/service-kit';
import { Schema } from 'mongoose';
import {
  CHANNELS,
  ORDER_ACTIONS,
  ORDER_STATUSES,
  type AttributeAnswer,
  type AssistedIntake,
  type ServiceOrder,
  type TimelineEntry,
} from '../../domain/model';

const timelineEntrySchema = new Schema<TimelineEntry>(
  {
    eventId: { type: String, required: true },
    action: { type: String, required: true, enum: ORDER_ACTIONS },
    from: { type: String, default: null },
    to: { type: String, required: true, enum: ORDER_STATUSES },
    at: { type: Date, required: true },
    by: { type: String, default: null },
    byRole: { type: String, required: true },
    note: { type: String, default: null },
    providerOrgId: { type: String, default: null },
  },
  { _id: false },
);

const answerSchema = new Schema<AttributeAnswer>(
  { code: { type: String, required: true }, value: { type: String, default: null }, values: { type: [String], default: [] } },
  { _id: false },
);

const assistanceSchema = new Schema<AssistedIntake>(
  {
    staffMemberId: { type: String, required: true },
    staffMemberName: { type: String, required: true },
    enteredBy: { type: String, required: true },
    consentMethod: { type: String, required: true },
  },
  { _id: false },
);

const nullableString = { type: String, default: null };
const nullableDate = { type: Date, default: null };

/** Live orders and archived ones share the shape; only live ones carry an outbox. */
function orderSchema(collection: string): Schema<ServiceOrder> {
  return new Schema<ServiceOrder>(
    {
      _id: { type: String, required: true },
      residentId: { type: String, required: true },
      communityId: { type: String, required: true },
      streetId: { type: String, required: true },
      itemCode: { type: String, required: true },
      categoryCode: { type: String, required: true },
      channel: { type: String, required: true, enum: CHANNELS },
      contactPhone: { type: String, required: true },
      address: nullableString,
      summary: nullableString,
      answers: { type: [answerSchema], default: [] },
      assistance: { type: assistanceSchema, default: null },
      status: { type: String, required: true, enum: ORDER_STATUSES },
      version: { type: Number, required: true },
      providerOrgId: nullableString,
      contractId: nullableString,
      handledInCommunity: { type: Boolean, default: false },
      assignedWorkerIds: { type: [String], default: [] },
      helperResidentIds: { type: [String], default: [] },
      satisfaction: { type: Number, default: null },
      satisfactionComment: nullableString,
      submittedAt: { type: Date, required: true },
      respondBy: { type: Date, required: true },
      resolveBy: { type: Date, required: true },
      respondedAt: nullableDate,
      resolvedAt: nullableDate,
      closedAt: nullableDate,
      cancelledAt: nullableDate,
      responseOverdue: { type: Boolean, default: false },
      resolutionOverdue: { type: Boolean, default: false },
      escalatedAt: nullableDate,
      escalationReason: nullableString,
      timeline: { type: [timelineEntrySchema], default: [] },
    },
    { collection, timestamps: true, versionKey: false },
  );
}

function withListIndexes(schema: Schema<ServiceOrder>): Schema<ServiceOrder> {
  // The order lists, by each parent and status, newest first.
  schema.index({ residentId: 1, _id: -1 });
  schema.index({ communityId: 1, status: 1, _id: -1 });
  schema.index({ streetId: 1, status: 1, _id: -1 });
  schema.index({ providerOrgId: 1, status: 1, _id: -1 });
  schema.index({ assignedWorkerIds: 1, status: 1, _id: -1 });
  return schema;
}

/** Orders still moving, and finished ones whose events are not relayed yet: kept small. */
export const serviceOrderSchema = withListIndexes(orderSchema('service_orders'));
serviceOrderSchema.plugin(outboxPlugin);

/** Finished orders (closed, cancelled), moved here once their events are out. */
export const archivedServiceOrderSchema = withListIndexes(orderSchema('service_order_archive'));

/** One counter per day: the sequence of the day's order numbers. */
export interface OrderNumberCounter {
  _id: string;
  seq: number;
}
export const orderNumberCounterSchema = new Schema<OrderNumberCounter>(
  { _id: { type: String, required: true }, seq: { type: Number, required: true } },
  { collection: 'order_number_counters', versionKey: false },
);

/** Orders whose deadlines still matter, with when to look at them next: what the sweep reads instead of all orders. */
export interface DeadlineWatchEntry {
  _id: string;
  respondBy: Date;
  resolveBy: Date;
  nextCheckAt: Date;
}
export const deadlineWatchSchema = new Schema<DeadlineWatchEntry>(
  {
    _id: { type: String, required: true },
    respondBy: { type: Date, required: true },
    resolveBy: { type: Date, required: true },
    nextCheckAt: { type: Date, required: true },
  },
  { collection: 'deadline_watch', versionKey: false },
);
deadlineWatchSchema.index({ nextCheckAt: 1 });
