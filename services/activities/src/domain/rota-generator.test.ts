import { SeededRandom } from '@sanshe/seed-fixtures';
import { isOpen, type OpeningInterval } from './opening-hours';
import { candidateSlots, generateRotaCycle, rotaShares, type RotaPlan, type RotaSlotAssignment } from './rota-generator';

const h = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));
const everyDay = (opens: string, closes: string): OpeningInterval[] =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: h(opens), closes: h(closes) }));

const square: RotaPlan = {
  openingHours: everyDay('06:00', '22:00'),
  groupIds: ['team-red-maple', 'team-peony', 'team-sunset'],
  slotMinutes: 60,
  eveningStartsAt: h('18:00'),
  cycleWeeks: 1,
  slotsPerGroup: null,
};

function overlapping(slots: readonly RotaSlotAssignment[]): [RotaSlotAssignment, RotaSlotAssignment] | null {
  for (let i = 0; i < slots.length; i += 1) {
    for (let j = i + 1; j < slots.length; j += 1) {
      const a = slots[i]!;
      const b = slots[j]!;
      if (a.week === b.week && a.weekday === b.weekday && a.starts < b.ends && b.starts < a.ends) return [a, b];
    }
  }
  return null;
}

const spread = (values: number[]) => Math.max(...values) - Math.min(...values);

describe('the rota generator', () => {
  it('shares the evenings of a square among three square-dance teams without overlaps', () => {
    const slots = generateRotaCycle(square);
    expect(overlapping(slots)).toBeNull();
    // 18:00–22:00 is four evening slots a day, 28 a week: 10, 9 and 9.
    const shares = rotaShares(square.groupIds, slots);
    expect(shares.map((s) => s.eveningSlots).sort()).toEqual([10, 9, 9].sort());
    expect(slots.every((s) => s.evening)).toBe(true);
    // Consecutive evening slots go to different teams.
    const monday = slots.filter((s) => s.weekday === 1).map((s) => s.groupId);
    expect(new Set(monday.slice(0, 3)).size).toBe(3);
  });

  it('gives the extra evening to a different team in each cycle, evening totals equal over three cycles', () => {
    const totals = new Map(square.groupIds.map((g) => [g, 0]));
    const extraHolders = new Set<string>();
    for (let cycle = 0; cycle < 3; cycle += 1) {
      const shares = rotaShares(square.groupIds, generateRotaCycle(square, cycle));
      for (const s of shares) totals.set(s.groupId, totals.get(s.groupId)! + s.eveningSlots);
      extraHolders.add(shares.find((s) => s.eveningSlots === 10)!.groupId);
    }
    expect(extraHolders.size).toBe(3);
    expect(new Set(totals.values())).toEqual(new Set([28]));
  });

  it('fills daytime after the evenings when groups ask for a number of slots', () => {
    const slots = generateRotaCycle({ ...square, slotsPerGroup: 12 });
    const shares = rotaShares(square.groupIds, slots);
    expect(shares.map((s) => s.slots)).toEqual([12, 12, 12]);
    expect(spread(shares.map((s) => s.eveningSlots))).toBeLessThanOrEqual(1);
    expect(slots.filter((s) => !s.evening)).toHaveLength(36 - 28);
  });

  it('refuses a rota without groups, with a repeated group, or with odd slot lengths', () => {
    expect(() => generateRotaCycle({ ...square, groupIds: [] })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'groupIds' } }),
    );
    expect(() => generateRotaCycle({ ...square, groupIds: ['a', 'a'] })).toThrow(/only once/);
    expect(() => generateRotaCycle({ ...square, slotMinutes: 45 })).toThrow(expect.objectContaining({ details: { field: 'slotMinutes' } }));
  });

  it('keeps its promises over many random venues and groups', () => {
    const rng = new SeededRandom('rota-generator-properties');
    for (let run = 0; run < 400; run += 1) {
      const openingHours: OpeningInterval[] = [];
      for (let weekday = 1; weekday <= 7; weekday += 1) {
        if (rng.chance(0.15)) continue;
        let cursor = rng.int(10, 20) * 30; // 05:00–10:00
        for (let parts = rng.int(1, 2); parts > 0 && cursor < 46 * 30; parts -= 1) {
          const closes = Math.min(48 * 30, cursor + rng.int(2, 28) * 30);
          openingHours.push({ weekday, opens: cursor, closes });
          cursor = closes + rng.int(1, 4) * 30;
        }
      }
      if (openingHours.length === 0) continue;
      const groups = rng.int(1, 8);
      const plan: RotaPlan = {
        openingHours,
        groupIds: Array.from({ length: groups }, (_, g) => `g${g}`),
        slotMinutes: rng.pick([30, 60, 90, 120]),
        eveningStartsAt: rng.pick([h('17:00'), h('18:00'), h('19:00')]),
        cycleWeeks: rng.int(1, 2),
        slotsPerGroup: rng.chance(0.5) ? null : rng.int(1, 12),
      };
      const cycle = rng.int(0, 10);
      const slots = generateRotaCycle(plan, cycle);
      const context = JSON.stringify({ run, plan, cycle });

      expect([context, overlapping(slots)]).toEqual([context, null]);
      for (const s of slots) {
        expect([context, isOpen(openingHours, s.weekday, s.starts, s.ends), s.evening]).toEqual([
          context,
          true,
          s.starts >= plan.eveningStartsAt,
        ]);
      }
      const shares = rotaShares(plan.groupIds, slots);
      expect([context, spread(shares.map((s) => s.eveningSlots)) <= 1, spread(shares.map((s) => s.slots)) <= 1]).toEqual([
        context,
        true,
        true,
      ]);

      const candidates = candidateSlots(plan);
      const eveningCandidates = candidates.filter((s) => s.evening).length;
      if (plan.slotsPerGroup === null) {
        // Every evening is shared out; daytime stays free.
        expect([context, slots.length]).toEqual([context, eveningCandidates]);
      } else {
        expect([context, Math.max(...shares.map((s) => s.slots)) <= plan.slotsPerGroup]).toEqual([context, true]);
        expect([context, slots.length]).toEqual([context, Math.min(candidates.length, plan.slotsPerGroup * groups)]);
      }
      expect(generateRotaCycle(plan, cycle)).toEqual(slots);
    }
  });
});
