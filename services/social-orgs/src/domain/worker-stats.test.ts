import { ageOn, evaluatedWorkerStats, socialWorkerStats, type WorkerFacts } from './worker-stats';

describe('social-worker statistics', () => {
  it('counts age in whole years, turning a year older on the birthday', () => {
    expect(ageOn('1990-06-15', '2025-06-14')).toBe(34);
    expect(ageOn('1990-06-15', '2025-06-15')).toBe(35);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });

  it('gives the shares in two decimals, as the report states them', () => {
    const workers: WorkerFacts[] = Array.from({ length: 166 }, (_, i) => ({
      birthDate: i < 141 ? '2001-03-01' : '1980-03-01',
      education: i < 153 ? 'BACHELOR' : 'SENIOR_HIGH',
      certificate: i < 33 ? { level: 'ASSISTANT_SOCIAL_WORKER', certifiedOn: '2024-06-01', number: null } : null,
    }));
    expect(socialWorkerStats(workers, '2026-11-27')).toEqual({
      total: 166,
      under35: 141,
      under35Share: 0.85,
      collegeOrAbove: 153,
      collegeShare: 0.92,
      certified: 33,
      certifiedShare: 0.2,
      asOf: '2026-11-27',
    });
  });

  it('gives the shares over the workers under target evaluation, and counts certified workers over everyone', () => {
    const evaluated: WorkerFacts[] = Array.from({ length: 10 }, (_, i) => ({
      birthDate: '2001-03-01',
      education: 'BACHELOR',
      underTargetEvaluation: true,
      certificate: i < 2 ? { level: 'SOCIAL_WORKER', certifiedOn: '2024-06-01', number: null } : null,
    }));
    const others: WorkerFacts[] = Array.from({ length: 5 }, () => ({
      birthDate: '1980-03-01',
      education: 'BACHELOR',
      underTargetEvaluation: false,
      certificate: { level: 'SOCIAL_WORKER', certifiedOn: '2020-06-01', number: null },
    }));
    expect(evaluatedWorkerStats([...evaluated, ...others], '2026-11-27')).toMatchObject({
      total: 10,
      under35: 10,
      certified: 2,
      certifiedShare: 0.2,
      certifiedAllWorkers: 7,
    });
  });

  it('counts someone as 35 from their 35th birthday on', () => {
    const one: WorkerFacts[] = [{ birthDate: '1991-11-27', education: 'JUNIOR_COLLEGE', certificate: null }];
    expect(socialWorkerStats(one, '2026-11-26').under35).toBe(1);
    expect(socialWorkerStats(one, '2026-11-27').under35).toBe(0);
  });

  it('reports zero shares for an empty selection instead of dividing by zero', () => {
    expect(socialWorkerStats([], '2026-01-01')).toMatchObject({ total: 0, under35Share: 0, collegeShare: 0, certifiedShare: 0 });
  });
});
