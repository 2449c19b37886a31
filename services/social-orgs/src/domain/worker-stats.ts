import { round2 } from './common';
import type { Education, SocialWorker } from './social-worker';

/** 大专 (junior college) and above. */
export const COLLEGE_OR_ABOVE: readonly Education[] = ['JUNIOR_COLLEGE', 'BACHELOR', 'POSTGRADUATE'];

export const isCollegeOrAbove = (education: Education) => COLLEGE_OR_ABOVE.includes(education);

/** Whole years between two YYYY-MM-DD days: someone born 1990-06-15 is 35 from 2025-06-15 on. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export interface SocialWorkerStats {
  total: number;
  under35: number;
  under35Share: number;
  collegeOrAbove: number;
  collegeShare: number;
  certified: number;
  certifiedShare: number;
  /** Certified workers whether under target evaluation or not: the report's 100多名社工师. */
  certifiedAllWorkers: number;
  asOf: string;
}

export type WorkerFacts = Pick<SocialWorker, 'birthDate' | 'education' | 'certificate'> &
  Partial<Pick<SocialWorker, 'underTargetEvaluation'>>;

/**
 * The report gives its shares over the 166 under target evaluation and its 100多名社工师 over
 * everyone: `workers` are all active workers in scope, the shares count those evaluated.
 */
export function evaluatedWorkerStats(workers: readonly WorkerFacts[], asOf: string): SocialWorkerStats {
  const evaluated = workers.filter((w) => w.underTargetEvaluation !== false);
  return { ...socialWorkerStats(evaluated, asOf), certifiedAllWorkers: workers.filter((w) => !!w.certificate).length };
}

/** The report's three shares (under 35, college or above, certified), two decimals, over `workers`. */
export function socialWorkerStats(workers: readonly WorkerFacts[], asOf: string): Omit<SocialWorkerStats, 'certifiedAllWorkers'> {
  const total = workers.length;
  const under35 = workers.filter((w) => ageOn(w.birthDate, asOf) < 35).length;
  const collegeOrAbove = workers.filter((w) => isCollegeOrAbove(w.education)).length;
  const certified = workers.filter((w) => !!w.certificate).length;
  const share = (n: number) => (total === 0 ? 0 : round2(n / total));
  return {
    total,
    under35,
    under35Share: share(under35),
    collegeOrAbove,
    collegeShare: share(collegeOrAbove),
    certified,
    certifiedShare: share(certified),
    asOf,
  };
}
