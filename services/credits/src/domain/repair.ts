import { settleTransfer } from './posting';
import { settleRedemption, type RedeemingDeps } from './redeeming';
import type { Transfer } from './transfer';

/** A mark left on work in progress, dropped when the work is done. */
export interface UnfinishedWork {
  _id: string;
  kind: 'TRANSFER' | 'REDEMPTION';
  refId: string;
  createdAt: Date;
}

/** What taking over unfinished work needs: settling redemptions, and the marks. */
export type RepairDeps = RedeemingDeps & { repairs: RepairStore };

export interface RepairStore {
  unfinished(olderThan: Date | null, limit: number): Promise<UnfinishedWork[]>;
  transfer(id: string): Promise<Transfer | null>;
  dropMark(markId: string): Promise<void>;
}

/**
 * Takes over what an attempt left unfinished — a crash, a request cut short, a consumer
 * that gave up: transfers and redemptions still marked after `olderThan` (null: all).
 * Everything it calls is safe to run concurrently with the original attempt.
 */
export async function repairUnfinished(olderThan: Date | null, deps: RepairDeps): Promise<number> {
  const marks = await deps.repairs.unfinished(olderThan, 200);
  // Transfers first: a redemption's own transfers are then already settled.
  for (const mark of marks.filter((m) => m.kind === 'TRANSFER')) {
    const transfer = await deps.repairs.transfer(mark.refId);
    if (transfer) await settleTransfer(transfer, deps);
    // A mark without its transfer: the attempt died before writing it, and nothing was written after.
    else await deps.repairs.dropMark(mark._id);
  }
  for (const mark of marks.filter((m) => m.kind === 'REDEMPTION')) {
    if (!(await settleRedemption(mark.refId, deps))) await deps.repairs.dropMark(mark._id);
  }
  return marks.length;
}
