import { trainingByPerson, trainingTotals } from './party-training';

describe('party training totals', () => {
  const rows = [
    { kind: 'PARTY_MEMBER' as const, personId: 'pm-1', hoursCredited: 2.5 },
    { kind: 'PARTY_MEMBER' as const, personId: 'pm-1', hoursCredited: 4 },
    { kind: 'KEY_STAFF' as const, personId: 'sw-1', hoursCredited: 6 },
    // The same id under another kind is another person.
    { kind: 'KEY_STAFF' as const, personId: 'pm-1', hoursCredited: 0.5 },
  ];

  it('adds hours by kind and counts each person once', () => {
    expect(trainingTotals(rows)).toEqual({ attendances: 4, people: 3, partyMemberHours: 6.5, keyStaffHours: 6.5, totalHours: 13 });
    expect(trainingTotals([])).toEqual({ attendances: 0, people: 0, partyMemberHours: 0, keyStaffHours: 0, totalHours: 0 });
  });

  it('lists people with their courses and hours, most hours first', () => {
    expect(trainingByPerson(rows)).toEqual([
      { kind: 'PARTY_MEMBER', personId: 'pm-1', courses: 2, hours: 6.5 },
      { kind: 'KEY_STAFF', personId: 'sw-1', courses: 1, hours: 6 },
      { kind: 'KEY_STAFF', personId: 'pm-1', courses: 1, hours: 0.5 },
    ]);
  });
});
