import { deepFreeze, documentsByIds, MISS_REFRESH_MS, Snapshot, withAll } from './snapshot';

describe('Snapshot', () => {
  afterEach(() => jest.useRealTimers());

  it('serves one load until it is ttl old, then loads again', async () => {
    jest.useFakeTimers();
    let loads = 0;
    const snapshot = new Snapshot(async () => ({ n: ++loads }), 1_000);
    expect(await snapshot.get()).toEqual({ n: 1 });
    jest.advanceTimersByTime(999);
    expect(await snapshot.get()).toEqual({ n: 1 });
    jest.advanceTimersByTime(1);
    expect(await snapshot.get()).toEqual({ n: 2 });
  });

  it('shares one load between concurrent readers', async () => {
    let loads = 0;
    const snapshot = new Snapshot(async () => ++loads, 1_000);
    expect(await Promise.all([snapshot.get(), snapshot.get(), snapshot.get()])).toEqual([1, 1, 1]);
    expect(loads).toBe(1);
  });

  it('drops a load that started before an invalidation, so a write is never hidden by older data', async () => {
    let stored = 'before';
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let first = true;
    const snapshot = new Snapshot(async () => {
      const value = stored;
      if (first) {
        first = false;
        await gate;
      }
      return value;
    }, 60_000);
    const stale = snapshot.get();
    stored = 'after';
    snapshot.invalidate();
    release();
    expect(await stale).toBe('before'); // that reader asked before the write
    expect(await snapshot.get()).toBe('after');
  });

  it('does not keep a failed load', async () => {
    let fail = true;
    const snapshot = new Snapshot(async () => {
      if (fail) throw new Error('store down');
      return 'ok';
    }, 60_000);
    await expect(snapshot.get()).rejects.toThrow('store down');
    fail = false;
    expect(await snapshot.get()).toBe('ok');
  });

  it('freezes what it serves', async () => {
    const snapshot = new Snapshot(async () => [{ name: 'a', tags: ['x'] }], 60_000);
    const [first] = await snapshot.get();
    expect(() => ((first as { name: string }).name = 'b')).toThrow(TypeError);
    expect(() => first!.tags.push('y')).toThrow(TypeError);
    expect(Object.isFrozen(deepFreeze({ at: new Date(0) }))).toBe(true);
  });

  it('loads again for a lookup that misses, at most once a second, so what another process wrote is found by id', async () => {
    jest.useFakeTimers();
    let stored = ['a'];
    let loads = 0;
    const snapshot = new Snapshot(async () => {
      loads += 1;
      return [...stored];
    }, 60_000);
    const has = (ids: readonly string[], id: string) => ids.includes(id);
    expect(await withAll(snapshot, ['a'], has)).toEqual(['a']);
    stored = ['a', 'b']; // written by a seed, beside this process
    expect(await withAll(snapshot, ['b'], has)).toEqual(['a']); // loaded under a second ago
    jest.advanceTimersByTime(MISS_REFRESH_MS);
    expect(await withAll(snapshot, ['b'], has)).toEqual(['a', 'b']);
    expect(await withAll(snapshot, ['nope'], has)).toEqual(['a', 'b']);
    expect(loads).toBe(2);
  });

  it('looks documents up by id as copies, in snapshot order', async () => {
    const snapshot = new Snapshot(
      async () => [
        { _id: 'a', n: 1 },
        { _id: 'b', n: 2 },
        { _id: 'c', n: 3 },
      ],
      60_000,
    );
    const found = await documentsByIds(snapshot, ['c', 'a']);
    expect(found).toEqual([
      { _id: 'a', n: 1 },
      { _id: 'c', n: 3 },
    ]);
    found[0]!.n = 9; // a copy: the snapshot is not changed
    expect(await documentsByIds(snapshot, ['a'])).toEqual([{ _id: 'a', n: 1 }]);
  });
});
