import { DomainError } from '@sanshe/domain-kit';
import { birthYear, isoDate, mobilePhone, newId, timeOfDay } from './rules';
import { checkedSchedule } from './service-posts';

const fieldOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    return err instanceof DomainError ? (err.details.field as string) : 'not a domain error';
  }
  return undefined;
};

describe('input rules', () => {
  it('accepts calendar dates and refuses impossible ones', () => {
    expect(isoDate('startsOn', '2024-02-29')).toBe('2024-02-29');
    expect(fieldOf(() => isoDate('startsOn', '2023-02-29'))).toBe('startsOn');
    expect(fieldOf(() => isoDate('endsOn', '2026/12/01'))).toBe('endsOn');
  });

  it('accepts 24-hour times only', () => {
    expect(timeOfDay('opensAt', '09:30')).toBe('09:30');
    expect(fieldOf(() => timeOfDay('opensAt', '24:00'))).toBe('opensAt');
    expect(fieldOf(() => timeOfDay('opensAt', '9:30'))).toBe('opensAt');
  });

  it('normalises mobile numbers and refuses anything else', () => {
    expect(mobilePhone('phone', '138 1234-5678')).toBe('13812345678');
    expect(fieldOf(() => mobilePhone('phone', '12812345678'))).toBe('phone');
  });

  it('refuses birth years in the future', () => {
    expect(fieldOf(() => birthYear('birthYear', 2027, new Date('2026-11-27T00:00:00Z')))).toBe('birthYear');
    expect(birthYear('birthYear', 1961, new Date('2026-11-27T00:00:00Z'))).toBe(1961);
  });

  it('generates ids unless a well-formed one is given', () => {
    expect(newId('id', 'street', undefined)).toMatch(/^street-[0-9a-f-]{36}$/);
    expect(newId('id', 'street', 'street-12')).toBe('street-12');
    expect(fieldOf(() => newId('id', 'street', 'a street'))).toBe('id');
  });
});

describe('a service post schedule', () => {
  const schedule = { weekdays: ['THURSDAY', 'TUESDAY'] as const, opensAt: '09:00', closesAt: '11:30', startsOn: '2026-12-01' };

  it('refuses a post that ends before it starts, naming endsOn', () => {
    expect(fieldOf(() => checkedSchedule({ ...schedule, weekdays: [...schedule.weekdays], endsOn: '2026-11-30' }))).toBe('endsOn');
  });

  it('refuses a post that closes before it opens, naming closesAt', () => {
    expect(fieldOf(() => checkedSchedule({ ...schedule, weekdays: [...schedule.weekdays], closesAt: '08:00' }))).toBe('closesAt');
  });

  it('orders the weekdays of the week', () => {
    expect(checkedSchedule({ ...schedule, weekdays: [...schedule.weekdays] }).weekdays).toEqual(['TUESDAY', 'THURSDAY']);
  });
});
