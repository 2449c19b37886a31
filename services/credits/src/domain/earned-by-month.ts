import { BadInputError } from '@sanshe/domain-kit';
import { addMonths } from './time';

/** Points earned in one business month (Asia/Shanghai), after caps, over every resident. */
export interface EarnedMonth {
  month: string;
  points: number;
  postings: number;
}

/** The ledger's earning postings grouped by business month, for [from, to). Months with none are absent. */
export interface EarnedPointsTally {
  earnedByMonth(from: Date, to: Date): Promise<EarnedMonth[]>;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Two years of months: enough for a year-on-year chart, and a bound on one aggregate's scan. */
export const MAX_MONTHS = 24;

const monthStart = (month: string): Date => new Date(`${month}-01T00:00:00+08:00`);

/** The months fromMonth..toMonth (both YYYY-MM, inclusive), checked. */
export function earnedPeriod(fromMonth: string, toMonth: string): string[] {
  for (const [field, value] of [
    ['fromMonth', fromMonth],
    ['toMonth', toMonth],
  ] as const) {
    if (!MONTH.test(value)) throw new BadInputError(field, `${field} must be a month YYYY-MM, e.g. 2026-01.`);
  }
  if (toMonth < fromMonth) throw new BadInputError('toMonth', 'toMonth must not be before fromMonth.');
  const months: string[] = [];
  for (let m = fromMonth; m <= toMonth; m = addMonths(m, 1)) {
    months.push(m);
    if (months.length > MAX_MONTHS) throw new BadInputError('toMonth', `Ask for at most ${MAX_MONTHS} months at a time.`);
  }
  return months;
}

/** Every month of the period, the ones nobody earned in as zero, oldest first. */
export async function pointsEarnedByMonth(tally: EarnedPointsTally, fromMonth: string, toMonth: string): Promise<EarnedMonth[]> {
  const months = earnedPeriod(fromMonth, toMonth);
  const rows = await tally.earnedByMonth(monthStart(fromMonth), monthStart(addMonths(toMonth, 1)));
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return months.map((month) => byMonth.get(month) ?? { month, points: 0, postings: 0 });
}
