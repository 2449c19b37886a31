import { outboxPlugin } from '@sanshe/service-kit';
import { Schema } from 'mongoose';
import type { ServiceContract } from '../../domain/contract';
import type { ContractClaim } from '../../domain/contract-claims';
import type { ContractCounters } from '../../domain/contract-queries';

export const contractSchema = new Schema<ServiceContract>(
  {
    _id: { type: String, required: true },
    signingId: { type: String, required: true },
    status: { type: String, required: true },
    endedOn: { type: String, default: null },
    endReason: { type: String, default: null },
    buyer: { type: String, required: true },
    providerOrgId: { type: String, required: true },
    itemCodes: { type: [String], required: true },
    communityIds: { type: [String], required: true },
    startsOn: { type: String, required: true },
    endsOn: { type: String, required: true },
    budgetYuan: { type: Number, required: true },
    kpiTargets: {
      minOrdersCompleted: { type: Number, default: null },
      minOnTimeRate: { type: Number, default: null },
      minAverageSatisfaction: { type: Number, default: null },
    },
    amendments: {
      type: [new Schema({ amendedAt: Date, endsOn: String, budgetYuan: Number, note: String }, { _id: false })],
      default: [],
    },
    amending: { type: new Schema({ token: String, since: Date }, { _id: false }), default: null },
    signedAt: { type: Date, required: true },
  },
  { collection: 'service_contracts', timestamps: true, versionKey: false },
);
contractSchema.index({ providerOrgId: 1 });
contractSchema.index({ communityIds: 1 });
contractSchema.index({ itemCodes: 1 });
contractSchema.plugin(outboxPlugin);

/** One claim per (provider, item, community, month): `_id` is that key; see domain/contract-claims.ts. */
export const contractClaimSchema = new Schema<ContractClaim>(
  {
    _id: { type: String, required: true },
    contractId: { type: String, required: true },
    signingId: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { collection: 'contract_claims', versionKey: false },
);
contractClaimSchema.index({ contractId: 1 });

/** Per-contract KPI counters; `applied` lists the order.closed event ids already counted. */
export interface PerformanceDoc extends ContractCounters {
  applied: string[];
}

export const performanceSchema = new Schema<PerformanceDoc>(
  {
    _id: { type: String, required: true },
    ordersCompleted: { type: Number, default: 0 },
    ordersOnTime: { type: Number, default: 0 },
    satisfactionSum: { type: Number, default: 0 },
    lastClosedAt: { type: Date, default: null },
    applied: { type: [String], default: [] },
  },
  { collection: 'contract_performance', versionKey: false },
);
