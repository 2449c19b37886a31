/**
 * What the seed writes, computed from the fixtures' activity history. Pure.
 *
 * Two years of history is ~204,000 attendances and ~14,000 volunteer shifts. They earn
 * under the default rules (version 1) with the caps applied deed by deed, in time order;
 * the result is aggregated into ONE posting per resident and business month
 * (history:<residentId>:<YYYY-MM>, ~180,000), whose book line says what it holds and what
 * the caps held back. One posting per deed would more than double the seed's writes, and
 * a per-day aggregate saves almost nothing (residents rarely do two deeds a day); the
 * month is also the grain residents read statements by.
 *
 * Each seeded account's stream starts at position 1 with its history brought forward as one
 * state (the issuing account's balance is minus the total), so the ledger sums to zero; the
 * history is shown from a per-account history book. Both are stored compactly, as JSON
 * text in one field: each is read whole and never queried into.
 */
import type { ActivityHistory, ResidentFixture } from '@sanshe/seed-fixtures';
import { ISSUING_ACCOUNT_ID, type Account, type AccountState, type PointsTally } from '../domain/ledger';
import { recordOnRanking, RANKING_SIZE, type RankEntry } from '../domain/ranking';
import { DAY_TALLY_DAYS, volunteerPoints, type EarningRulesInput } from '../domain/rules';
import { businessDay, businessMonth, DAY_MS } from '../domain/time';
import type { HistoryLine } from '../domain/statement';
import type { Posting } from '../domain/transfer';

/** An account as seeded: with the state its history brings forward to position 1, if any. */
export interface SeededAccount extends Account {
  broughtForward: AccountState | null;
}

export interface HistoryPlan {
  accounts: SeededAccount[];
  postings: Posting[];
  books: { _id: string; lines: HistoryLine[] }[];
  rankings: { _id: string; top: RankEntry[] }[];
  totals: { earned: number; capped: number; deeds: number };
}

interface Deed {
  residentId: string;
  at: Date;
  points: number;
  attendance: boolean;
  hours: number;
}

interface MonthTotals {
  month: string;
  requested: number;
  earned: number;
  capped: number;
  attendances: number;
  attendancePoints: number;
  hours: number;
  volunteerPoints: number;
  lastAt: Date;
}

function describe(m: MonthTotals): string {
  const parts: string[] = [];
  if (m.attendances > 0) parts.push(`${m.attendances} attendance${m.attendances > 1 ? 's' : ''} (${m.attendancePoints} points)`);
  if (m.hours > 0) parts.push(`${m.hours} volunteer hour${m.hours > 1 ? 's' : ''} (${m.volunteerPoints} points)`);
  const capped = m.capped > 0 ? `; ${m.capped} points held back by the daily or monthly cap` : '';
  return `History of ${m.month}: ${parts.join(', ')}${capped}.`;
}

const tally = (map: Map<string, number>): PointsTally[] =>
  [...map].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, points]) => ({ period, points }));

/** Caps deed by deed, in time order, as the live consumer would have applied them. */
function earnings(deeds: Deed[], rules: EarningRulesInput): Map<string, { days: Map<string, number>; months: Map<string, MonthTotals> }> {
  const byResident = new Map<string, { days: Map<string, number>; months: Map<string, MonthTotals> }>();
  for (const deed of deeds) {
    const mine = byResident.get(deed.residentId) ?? { days: new Map(), months: new Map() };
    byResident.set(deed.residentId, mine);
    const day = businessDay(deed.at);
    const month = businessMonth(deed.at);
    const totals = mine.months.get(month) ?? {
      month,
      requested: 0,
      earned: 0,
      capped: 0,
      attendances: 0,
      attendancePoints: 0,
      hours: 0,
      volunteerPoints: 0,
      lastAt: deed.at,
    };
    mine.months.set(month, totals);
    const awarded = Math.max(0, Math.min(deed.points, rules.dailyCap - (mine.days.get(day) ?? 0), rules.monthlyCap - totals.earned));
    mine.days.set(day, (mine.days.get(day) ?? 0) + awarded);
    totals.requested += deed.points;
    totals.earned += awarded;
    totals.capped += deed.points - awarded;
    totals.lastAt = deed.at;
    if (deed.attendance) {
      totals.attendances += 1;
      totals.attendancePoints += deed.points;
    } else {
      totals.hours += deed.hours;
      totals.volunteerPoints += deed.points;
    }
  }
  return byResident;
}

export function planHistory(
  history: Pick<ActivityHistory, 'attendances' | 'volunteerShifts'>,
  residents: ResidentFixture[],
  rules: EarningRulesInput,
  seededAt: Date,
): HistoryPlan {
  const deeds: Deed[] = [
    ...history.attendances.map((a) => ({
      residentId: a.residentId,
      at: a.confirmedAt,
      points: rules.attendancePoints,
      attendance: true,
      hours: 0,
    })),
    ...history.volunteerShifts.map((s) => ({
      residentId: s.residentId,
      at: s.verifiedAt,
      points: volunteerPoints(rules, s.hours),
      attendance: false,
      hours: s.hours,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.residentId < b.residentId ? -1 : 1));
  const byResident = earnings(deeds, rules);

  const plan: HistoryPlan = { accounts: [], postings: [], books: [], rankings: [], totals: { earned: 0, capped: 0, deeds: deeds.length } };
  const tops = new Map<string, RankEntry[]>();
  const keepDaysFrom = businessDay(new Date(seededAt.getTime() - DAY_TALLY_DAYS * DAY_MS));
  for (const resident of residents) {
    const mine = byResident.get(resident.id);
    const account: SeededAccount = {
      _id: resident.id,
      kind: 'RESIDENT',
      ownerId: resident.id,
      communityId: resident.communityId,
      broughtForward: null,
    };
    plan.accounts.push(account);
    if (!mine) continue;
    const months = [...mine.months.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
    const lines: HistoryLine[] = [];
    let balance = 0;
    for (const m of months) {
      balance += m.earned;
      const id = `history:${resident.id}:${m.month}`;
      // Lean: the note, the requested and capped points are in the history book.
      plan.postings.push({
        _id: id,
        kind: 'EARN',
        reason: 'HISTORY',
        fromAccountId: ISSUING_ACCOUNT_ID,
        toAccountId: resident.id,
        amount: m.earned,
        requested: m.requested,
        capped: m.capped,
        note: null,
        ruleVersion: 1,
        sourceRef: `seed:${id}`,
        bookedAt: m.lastAt,
        fromSeq: 1,
        toSeq: 1,
      });
      lines.push({
        postingId: id,
        bookedAt: m.lastAt,
        amount: m.earned,
        balanceAfter: balance,
        requested: m.requested,
        capped: m.capped,
        note: describe(m),
      });
      plan.totals.earned += m.earned;
      plan.totals.capped += m.capped;
    }
    const days = new Map([...mine.days].filter(([day, points]) => day >= keepDaysFrom && points > 0));
    const earnedMonths = new Map(months.filter((m) => m.earned > 0).map((m) => [m.month, m.earned]));
    account.broughtForward = { balance, earnedTotal: balance, outflow: 0, days: tally(days), months: tally(earnedMonths) };
    plan.books.push({ _id: resident.id, lines });
    tops.set(
      resident.communityId,
      recordOnRanking(tops.get(resident.communityId) ?? [], resident.id, balance, RANKING_SIZE) ?? tops.get(resident.communityId) ?? [],
    );
  }
  plan.accounts.push({
    _id: ISSUING_ACCOUNT_ID,
    kind: 'ISSUING',
    ownerId: 'district-jianxi',
    communityId: null,
    broughtForward: { balance: -plan.totals.earned, earnedTotal: 0, outflow: 0, days: [], months: [] },
  });
  plan.rankings = [...tops].map(([communityId, top]) => ({ _id: communityId, top }));
  return plan;
}
