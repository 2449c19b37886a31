import { modelOn, outboxPlugin } from '@sanshe/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';
import type { RedemptionRequest, RedemptionStep, Reward } from '../../domain/redemption';
import type { StockEntry, StockState } from '../../domain/stock';
import type { HeadHint } from './head-hint';

/**
 * The catalogue's collections; written once each, like the ledger's (see ledger.ts),
 * except a reward's campaign link, one field set in place.
 */
const rewardSchema = new Schema<Reward>(
  {
    _id: String,
    title: { type: String, required: true },
    description: { type: String, default: null },
    cost: { type: Number, required: true },
    donorUnitId: { type: String, required: true },
    donorKind: { type: String, enum: ['PARTY_ORGANIZATION', 'SOCIAL_ORGANIZATION'] },
    communityId: { type: String, default: null },
    streetId: { type: String, default: null },
    active: { type: Boolean, required: true },
    createdAt: Date,
    campaignId: { type: String, default: null },
  },
  { collection: 'rewards', versionKey: false },
);
rewardSchema.index({ communityId: 1, active: 1 });
rewardSchema.index({ campaignId: 1 });

const stockStateSchema = new Schema<StockState>({ stock: Number }, { _id: false });

const stockEntrySchema = new Schema<StockEntry>(
  {
    _id: String,
    rewardId: { type: String, required: true },
    seq: Number,
    key: { type: String, required: true },
    operation: String,
    delta: Number,
    refused: Boolean,
    redemptionId: String,
    at: Date,
    state: stockStateSchema,
  },
  { collection: 'stock_entries', versionKey: false },
);
stockEntrySchema.index({ key: 1 }, { unique: true });

const stockHeadSchema = new Schema<HeadHint<StockState>>(
  { _id: String, seq: Number, state: stockStateSchema },
  { collection: 'stock_heads', versionKey: false },
);

const redemptionSchema = new Schema<RedemptionRequest>(
  {
    _id: String,
    residentId: { type: String, required: true },
    communityId: { type: String, default: null },
    rewardId: String,
    rewardTitle: String,
    donorUnitId: String,
    donorKind: { type: String, default: undefined },
    points: Number,
    createdAt: Date,
  },
  { collection: 'redemptions', versionKey: false },
);
redemptionSchema.index({ residentId: 1, createdAt: -1 });

const stepSchema = new Schema<RedemptionStep>(
  { _id: String, redemptionId: String, step: String, state: String, failure: String, reason: String, by: String, at: Date },
  { collection: 'redemption_steps', versionKey: false },
);
stepSchema.index({ redemptionId: 1 });
stepSchema.plugin(outboxPlugin);

export interface CatalogueModels {
  Reward: Model<Reward>;
  StockEntry: Model<StockEntry>;
  StockHead: Model<HeadHint<StockState>>;
  Redemption: Model<RedemptionRequest>;
  RedemptionStep: Model<RedemptionStep>;
}

export function catalogueModels(connection: Connection): CatalogueModels {
  return {
    Reward: modelOn(connection, 'Reward', rewardSchema),
    StockEntry: modelOn(connection, 'StockEntry', stockEntrySchema),
    StockHead: modelOn(connection, 'StockHead', stockHeadSchema),
    Redemption: modelOn(connection, 'Redemption', redemptionSchema),
    RedemptionStep: modelOn(connection, 'RedemptionStep', stepSchema),
  };
}
