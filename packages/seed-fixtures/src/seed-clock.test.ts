import { districtToday, resolveSeedDay } from './seed-clock';

describe('the seed clock', () => {
  it('takes the day in the district (UTC+8), not in UTC', () => {
    expect(districtToday(new Date('2026-12-04T15:59:00Z'))).toBe('2026-12-04');
    expect(districtToday(new Date('2026-12-04T16:00:00Z'))).toBe('2026-12-05');
  });

  it('is today unless SEED_AS_OF pins a day', () => {
    const now = new Date('2026-12-05T01:00:00Z');
    expect(resolveSeedDay({}, now)).toBe('2026-12-05');
    expect(resolveSeedDay({ SEED_AS_OF: '2027-12-05' }, now)).toBe('2027-12-05');
  });

  it('refuses a SEED_AS_OF that is not a calendar date, saying what it wants', () => {
    expect(() => resolveSeedDay({ SEED_AS_OF: '2027-02-30' })).toThrow(/SEED_AS_OF must be a calendar date YYYY-MM-DD/);
    expect(() => resolveSeedDay({ SEED_AS_OF: 'tomorrow' })).toThrow(/got "tomorrow"/);
  });
});

/** The whole plan, seeded "as of" a day a year ahead: nothing the seed calls upcoming has passed. */
describe('a seed that runs a year from now', () => {
  const asOf = districtToday(new Date(Date.now() + 365 * 86_400_000));
  type Fixtures = typeof import('./index');
  let fixtures: Fixtures;

  beforeAll(() => {
    const before = process.env.SEED_AS_OF;
    process.env.SEED_AS_OF = asOf;
    try {
      jest.isolateModules(() => {
        // jest.isolateModules needs a require: a fresh module instance under the clock this test sets.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        fixtures = require('./index') as Fixtures;
      });
    } finally {
      if (before === undefined) delete process.env.SEED_AS_OF;
      else process.env.SEED_AS_OF = before;
    }
  });

  it('ends two years of history at the start of that day', () => {
    const start = new Date(`${asOf}T00:00:00+08:00`);
    expect(fixtures.SEEDED_AT).toEqual(start);
    const history = fixtures.activityHistory();
    expect(history.activities.length).toBeGreaterThanOrEqual(7_000);
    expect(Math.max(...history.activities.map((a) => a.startsAt.getTime()))).toBeLessThan(start.getTime());
    expect(Math.min(...history.activities.map((a) => a.startsAt.getTime()))).toBeGreaterThanOrEqual(start.getTime() - 730 * 86_400_000);
  });

  it('buys services under contracts that cover that day', () => {
    const covering = fixtures.SERVICE_CONTRACTS.filter((c) => c.startsOn <= asOf && asOf <= c.endsOn);
    expect(covering.length).toBeGreaterThanOrEqual(20);
  });

  it('starts the rota on the Monday after it', () => {
    const monday = fixtures.firstMondayAfterSeed();
    expect(monday > asOf).toBe(true);
    expect(new Date(`${monday}T12:00:00+08:00`).getUTCDay()).toBe(1);
  });
});
