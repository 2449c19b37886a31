/**
 * A reward's stock as a stream of entries (see stream.ts), like an account's points: a
 * claim takes one item or — when none is left — is written as refused, so asking again
 * for the same redemption gives the same answer; a return puts the item back, once.
 */
import { appendOnce, type StreamStore } from './stream';

export interface StockState {
  stock: number;
}

export type StockOperation = 'ADD' | 'CLAIM' | 'RETURN';

export interface StockEntry {
  /** `${rewardId}|${seq}` */
  _id: string;
  rewardId: string;
  seq: number;
  /** `${operation}|${redemptionId or batch id}`, unique. */
  key: string;
  operation: StockOperation;
  delta: number;
  /** A claim that found nothing left. */
  refused: boolean;
  redemptionId: string | null;
  at: Date;
  state: StockState;
}

export type StockStore = StreamStore<StockState, StockEntry>;

export type ClaimOutcome = 'TAKEN' | 'NONE_LEFT';

export const stockEntryId = (rewardId: string, seq: number): string => `${rewardId}|${String(seq).padStart(10, '0')}`;

async function change(
  store: StockStore,
  rewardId: string,
  key: string,
  operation: StockOperation,
  redemptionId: string | null,
  delta: (stock: number) => number,
): Promise<StockEntry> {
  return appendOnce(store, rewardId, (head) => {
    const d = delta(head.state.stock);
    return {
      _id: stockEntryId(rewardId, head.seq + 1),
      rewardId,
      seq: head.seq + 1,
      key,
      operation,
      delta: d,
      refused: operation === 'CLAIM' && d === 0,
      redemptionId,
      at: new Date(),
      state: { stock: head.state.stock + d },
    };
  });
}

/** Takes one item for the redemption if one is left; the same answer every time it is asked. */
export async function claimItem(store: StockStore, rewardId: string, redemptionId: string): Promise<ClaimOutcome> {
  const entry = await change(store, rewardId, `CLAIM|${redemptionId}`, 'CLAIM', redemptionId, (stock) => (stock >= 1 ? -1 : 0));
  return entry.refused ? 'NONE_LEFT' : 'TAKEN';
}

/** Puts a redemption's item back, once. */
export async function returnItem(store: StockStore, rewardId: string, redemptionId: string): Promise<void> {
  await change(store, rewardId, `RETURN|${redemptionId}`, 'RETURN', redemptionId, () => 1);
}

/** Adds donated items; `batchId` names the donation, so a retried call adds them once. */
export async function addItems(store: StockStore, rewardId: string, quantity: number, batchId: string): Promise<StockEntry> {
  return change(store, rewardId, `ADD|${batchId}`, 'ADD', null, () => quantity);
}
