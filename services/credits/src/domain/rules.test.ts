import { DEFAULT_RULES, validateRules, volunteerPoints } from './rules';
import { addMonths, businessDay, parseInstant } from './time';

describe('earning rules', () => {
  it('accept the defaults and refuse a monthly cap below the daily one, naming the field', () => {
    expect(validateRules(DEFAULT_RULES)).toEqual(DEFAULT_RULES);
    expect(() => validateRules({ ...DEFAULT_RULES, monthlyCap: 10, dailyCap: 20 })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'monthlyCap' } }),
    );
    expect(() => validateRules({ ...DEFAULT_RULES, attendancePoints: 2.5 })).toThrow(
      expect.objectContaining({ details: { field: 'attendancePoints' } }),
    );
    expect(() => validateRules({ ...DEFAULT_RULES, expiryMonths: 0 })).toThrow(
      expect.objectContaining({ details: { field: 'expiryMonths' } }),
    );
  });

  it('turn verified hours into whole points', () => {
    expect(volunteerPoints({ pointsPerVolunteerHour: 10 }, 1.5)).toBe(15);
    expect(volunteerPoints({ pointsPerVolunteerHour: 3 }, 0.5)).toBe(2);
  });
});

describe('business time', () => {
  it('is Shanghai time', () => {
    expect(businessDay(new Date('2026-11-26T16:30:00Z'))).toBe('2026-11-27');
    expect(parseInstant('from', '2026-11-27').toISOString()).toBe('2026-11-26T16:00:00.000Z');
  });

  it('counts months across years', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -25)).toBe('2023-12');
  });
});
