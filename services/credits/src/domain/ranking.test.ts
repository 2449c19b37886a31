import { recordOnRanking, removeFromRanking } from './ranking';

describe('a virtue ranking', () => {
  const top = [
    { residentId: 'a', earned: 50 },
    { residentId: 'b', earned: 30 },
  ];

  it('places a resident by points earned, best first', () => {
    expect(recordOnRanking(top, 'c', 40)).toEqual([
      { residentId: 'a', earned: 50 },
      { residentId: 'c', earned: 40 },
      { residentId: 'b', earned: 30 },
    ]);
  });

  it('keeps the highest value seen, so late or repeated updates change nothing', () => {
    expect(recordOnRanking(top, 'b', 30)).toBeNull();
    expect(recordOnRanking(top, 'b', 20)).toBeNull();
    expect(recordOnRanking(top, 'b', 60)?.[0]).toEqual({ residentId: 'b', earned: 60 });
  });

  it('keeps only the best, and nobody below them', () => {
    expect(recordOnRanking(top, 'c', 10, 2)).toBeNull();
    expect(recordOnRanking(top, 'c', 40, 2)).toEqual([
      { residentId: 'a', earned: 50 },
      { residentId: 'c', earned: 40 },
    ]);
  });

  it('lets a resident who moved away leave it', () => {
    expect(removeFromRanking(top, 'a')).toEqual([{ residentId: 'b', earned: 30 }]);
    expect(removeFromRanking(top, 'z')).toBeNull();
  });
});
