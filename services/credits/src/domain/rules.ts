import { BadInputError } from '@sanshe/domain-kit';

/**
 * 积分规则 — the earning rules. Each change is a new immutable version; a posting records
 * the version it used and keeps its amount whatever changes later.
 */
export interface EarningRules {
  version: number;
  attendancePoints: number;
  pointsPerVolunteerHour: number;
  orderHelpPoints: number;
  /** Most points a resident can earn in one business day, and in one business month. */
  dailyCap: number;
  monthlyCap: number;
  /** Points expire this many whole months after their month; null: never. */
  expiryMonths: number | null;
  updatedAt: Date;
  updatedBy: string | null;
}

export type EarningRulesInput = Omit<EarningRules, 'version' | 'updatedAt' | 'updatedBy'>;

export const DEFAULT_RULES: EarningRulesInput = {
  attendancePoints: 5,
  pointsPerVolunteerHour: 10,
  orderHelpPoints: 8,
  dailyCap: 30,
  monthlyCap: 200,
  expiryMonths: 24,
};

/** An earning dated this long before it is booked earns nothing: the daily tallies only reach back so far. */
export const EARNING_WINDOW_DAYS = 90;
/** Daily tallies kept on an account; longer than the window, so a transfer that waited for repair still finds its day. */
export const DAY_TALLY_DAYS = 120;

function wholeNumber(field: keyof EarningRulesInput, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadInputError(field, `${field} must be a whole number from ${min} to ${max}.`);
  }
}

export function validateRules(input: EarningRulesInput): EarningRulesInput {
  wholeNumber('attendancePoints', input.attendancePoints, 0, 1_000);
  wholeNumber('pointsPerVolunteerHour', input.pointsPerVolunteerHour, 0, 1_000);
  wholeNumber('orderHelpPoints', input.orderHelpPoints, 0, 1_000);
  wholeNumber('dailyCap', input.dailyCap, 1, 10_000);
  wholeNumber('monthlyCap', input.monthlyCap, 1, 100_000);
  if (input.monthlyCap < input.dailyCap) throw new BadInputError('monthlyCap', 'monthlyCap must be at least dailyCap.');
  if (input.expiryMonths !== null) wholeNumber('expiryMonths', input.expiryMonths, 1, 120);
  return {
    attendancePoints: input.attendancePoints,
    pointsPerVolunteerHour: input.pointsPerVolunteerHour,
    orderHelpPoints: input.orderHelpPoints,
    dailyCap: input.dailyCap,
    monthlyCap: input.monthlyCap,
    expiryMonths: input.expiryMonths,
  };
}

/** Verified hours × points per hour, rounded to whole points (1.5 h at 10/h → 15). */
export const volunteerPoints = (rules: Pick<EarningRules, 'pointsPerVolunteerHour'>, hours: number): number =>
  Math.round(hours * rules.pointsPerVolunteerHour);
