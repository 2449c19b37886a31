import { appendOnce, type AppendResult, type StreamHead, type StreamStore } from './stream';

interface Entry {
  _id: string;
  key: string;
  seq: number;
  state: { balance: number };
}

/** A store with the one guarantee the real ones give: an insert is refused on a taken position or key. */
class InsertOnlyStore implements StreamStore<{ balance: number }, Entry> {
  readonly entries = new Map<string, Entry>();
  async head(streamId: string): Promise<StreamHead<{ balance: number }>> {
    let head = { seq: 0, state: { balance: 10 } };
    for (let next = this.entries.get(`${streamId}|${head.seq + 1}`); next; next = this.entries.get(`${streamId}|${head.seq + 1}`))
      head = { seq: next.seq, state: next.state };
    await new Promise((r) => setImmediate(r));
    return head;
  }
  async rememberHead(): Promise<void> {}
  async append(entry: Entry): Promise<AppendResult<Entry>> {
    await new Promise((r) => setImmediate(r));
    const earlier = [...this.entries.values()].find((e) => e.key === entry.key);
    if (earlier) return { written: earlier };
    const taken = this.entries.get(entry._id);
    if (taken) return { taken };
    this.entries.set(entry._id, entry);
    return { written: entry };
  }
}

const spend = (streamId: string, key: string, cost: number) => (head: StreamHead<{ balance: number }>) => ({
  _id: `${streamId}|${head.seq + 1}`,
  key,
  seq: head.seq + 1,
  state: { balance: head.state.balance >= cost ? head.state.balance - cost : head.state.balance },
});

describe('appending to a stream', () => {
  it('lets racing writers each decide on the head they extend, so the balance never goes below zero', async () => {
    const store = new InsertOnlyStore();
    const written = await Promise.all(Array.from({ length: 20 }, (_, i) => appendOnce(store, 'a', spend('a', `k${i}`, 2))));
    const balances = written.sort((x, y) => x.seq - y.seq).map((e) => e.state.balance);
    expect(written.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Starting from 10, five spends of 2 went through; the fifteen after them found nothing left.
    expect(balances).toEqual([8, 6, 4, 2, ...Array.from({ length: 16 }, () => 0)]);
  });

  it('writes an operation once, however often it is asked, and answers with what was written', async () => {
    const store = new InsertOnlyStore();
    const first = await appendOnce(store, 'a', spend('a', 'same', 3));
    const again = await appendOnce(store, 'a', spend('a', 'same', 3));
    expect(again).toBe(first);
    expect(store.entries.size).toBe(1);
  });

  it('finds a write made by another process between reading the head and appending', async () => {
    const store = new InsertOnlyStore();
    const racer = store.head.bind(store);
    let raced = false;
    store.head = async (id) => {
      const head = await racer(id);
      if (!raced) {
        raced = true;
        store.entries.set(`${id}|${head.seq + 1}`, {
          _id: `${id}|${head.seq + 1}`,
          key: 'elsewhere',
          seq: head.seq + 1,
          state: { balance: 1 },
        });
      }
      return head;
    };
    const mine = await appendOnce(store, 'a', spend('a', 'mine', 1));
    expect(mine).toMatchObject({ seq: 2, state: { balance: 0 } });
  });
});
