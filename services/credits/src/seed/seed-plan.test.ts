import { activityHistory, HISTORY_END, residents, SOCIAL_ORGANIZATIONS } from '@sanshe/seed-fixtures';
import { ISSUING_ACCOUNT_ID } from '../domain/ledger';
import { DEFAULT_RULES } from '../domain/rules';
import { planCatalogue } from './seed-catalogue';
import { planHistory } from './seed-plan';

describe('the seeded history of the whole district', () => {
  const plan = planHistory(activityHistory(), residents(), DEFAULT_RULES, HISTORY_END);

  const broughtForward = plan.accounts.filter((a) => a.broughtForward);

  it('sums to zero, the issuing account included', () => {
    expect(broughtForward.reduce((sum, a) => sum + a.broughtForward!.balance, 0)).toBe(0);
    expect(plan.accounts.find((a) => a._id === ISSUING_ACCOUNT_ID)?.broughtForward?.balance).toBe(-plan.totals.earned);
    expect(plan.postings.reduce((sum, p) => sum + p.amount, 0)).toBe(plan.totals.earned);
  });

  it('earns from every attendance and volunteer shift, one posting per resident and month', () => {
    const history = activityHistory();
    expect(plan.totals.deeds).toBe(history.attendances.length + history.volunteerShifts.length);
    expect(history.attendances.length).toBeGreaterThanOrEqual(150_000);
    expect(new Set(plan.postings.map((p) => p.toAccountId)).size).toBeGreaterThan(20_000);
    expect(new Set(plan.postings.map((p) => p._id)).size).toBe(plan.postings.length);
  });

  it('brings each resident’s postings forward into their account and history book', () => {
    const posted = new Map<string, number>();
    for (const p of plan.postings) posted.set(p.toAccountId, (posted.get(p.toAccountId) ?? 0) + p.amount);
    const books = new Map(plan.books.map((b) => [b._id, b]));
    const residents = broughtForward.filter((a) => a.kind === 'RESIDENT');
    expect(residents.length).toBe(posted.size);
    expect(residents.filter((a) => a.broughtForward!.balance !== posted.get(a._id))).toEqual([]);
    expect(residents.filter((a) => books.get(a._id)?.lines.at(-1)?.balanceAfter !== a.broughtForward!.balance)).toEqual([]);
  });

  it('holds points back at the caps, and says so in the history', () => {
    expect(plan.totals.capped).toBeGreaterThan(0);
    expect(plan.postings.filter((p) => p.capped > 0).length).toBeGreaterThan(0);
    expect(plan.postings.filter((p) => p.amount > DEFAULT_RULES.monthlyCap)).toEqual([]);
    expect(broughtForward.flatMap((a) => a.broughtForward!.days).filter((d) => d.points > DEFAULT_RULES.dailyCap)).toEqual([]);
    const books = plan.books.flatMap((b) => b.lines).filter((l) => l.capped > 0);
    expect(books.filter((l) => !l.note.includes(`${l.capped} points held back`))).toEqual([]);
  });

  it('ranks each community’s best earners', () => {
    expect(plan.rankings.length).toBe(71);
    for (const ranking of plan.rankings) {
      const earned = ranking.top.map((r) => r.earned);
      expect(earned).toEqual([...earned].sort((a, b) => b - a));
    }
  });
});

describe('the seeded reward catalogue', () => {
  const catalogue = planCatalogue(HISTORY_END);

  it('holds a donation of each social organization the report names as linking resources, on its own DONOR account', () => {
    for (const name of ['欣和社工', '阳光社工', '长乐社工', '洛阳市心理咨询师协会']) {
      const org = SOCIAL_ORGANIZATIONS.find((o) => o.name === name)!;
      const reward = catalogue.rewards.find((r) => r.donorUnitId === org.id);
      expect(reward).toMatchObject({ donorKind: 'SOCIAL_ORGANIZATION', active: true });
      expect(org.communityIds).toContain(reward!.communityId);
      expect(catalogue.donors).toContainEqual(expect.objectContaining({ _id: org.id, kind: 'DONOR', donorKind: 'SOCIAL_ORGANIZATION' }));
    }
    expect(catalogue.rewards.filter((r) => r.donorKind === 'PARTY_ORGANIZATION').length).toBeGreaterThan(200);
  });
});
