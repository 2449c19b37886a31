import { ConflictError } from '@sanshe/service-kit';

/**
 * Appending to a stream — an account's entries, a reward's stock — with no transaction and
 * no atomic update: the only write both stores make atomic is an insert that a unique index
 * can refuse. Each entry is inserted at position head+1 (unique `_id`) under the key of the
 * operation (unique `key`). Of concurrent writers exactly one gets a position; the others
 * read on from the entry that beat them and decide again. An operation already written is
 * refused by its key, and its entry — the decision taken then — is the answer.
 *
 * Within one process, appends to a stream also wait their turn (a lane per stream), so
 * racing requests do not burn round trips on positions they cannot get, and a busy lane
 * costs one insert per append. Across processes the insert alone decides.
 */
export interface StreamHead<S> {
  seq: number;
  state: S;
}

export type AppendResult<E> = { written: E } | { taken: E | null };

export interface StreamStore<S, E extends { key: string }> {
  /** The head: the stored hint, read on to the last entry. */
  head(streamId: string): Promise<StreamHead<S>>;
  /**
   * Inserts the entry. `written` is the entry now stored under its key — this one, or the
   * one an earlier attempt wrote. `taken` means another entry holds the position.
   */
  append(entry: E): Promise<AppendResult<E>>;
  /** Keeps a hint of the head for later readers; losing one costs reads, never correctness. */
  rememberHead(streamId: string, head: StreamHead<S>): Promise<void>;
}

const MAX_ATTEMPTS = 100;

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 3 * attempt)));

interface Lane {
  tail: Promise<unknown>;
  /** The head this process last wrote, while writes keep coming: the next append starts there. */
  known: StreamHead<unknown> | null;
}

const lanes = new WeakMap<object, Map<string, Lane>>();

function laneOf(store: object, streamId: string): Lane {
  let byStream = lanes.get(store);
  if (!byStream) lanes.set(store, (byStream = new Map()));
  let lane = byStream.get(streamId);
  if (!lane) byStream.set(streamId, (lane = { tail: Promise.resolve(), known: null }));
  return lane;
}

/** Runs `work` after the stream's earlier appends in this process; when the lane falls idle, leaves a hint of its head. */
function inLane<T, S>(store: StreamStore<S, never> | StreamStore<S, { key: string }>, streamId: string, work: (lane: Lane) => Promise<T>): Promise<T> {
  const lane = laneOf(store, streamId);
  const run = lane.tail.then(() => work(lane), () => work(lane));
  const tail = run.catch(() => undefined);
  lane.tail = tail;
  void tail.then(() => {
    if (lane.tail !== tail) return;
    lanes.get(store)?.delete(streamId);
    if (lane.known) void store.rememberHead(streamId, lane.known as StreamHead<S>).catch(() => undefined);
  });
  return run;
}

/**
 * Writes the entry `decide` builds on the current head, once; returns what is written for
 * its key. The head comes from the store, or from this process's last write while the lane
 * is busy — a guess the insert checks: if another process wrote meanwhile, the position is
 * taken and the loop reads on from there.
 */
export function appendOnce<S, E extends { key: string; seq: number; state: S }>(store: StreamStore<S, E>, streamId: string, decide: (head: StreamHead<S>) => E): Promise<E> {
  return inLane(store, streamId, async (lane) => {
    let known = lane.known as StreamHead<S> | null;
    lane.known = null;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const head = known ?? (await store.head(streamId));
      const result = await store.append(decide(head));
      if ('written' in result) {
        const entry = result.written;
        if (entry.seq === head.seq + 1) lane.known = { seq: entry.seq, state: entry.state };
        return entry;
      }
      known = result.taken ? { seq: result.taken.seq, state: result.taken.state } : null;
      if (attempt > 1) await pause(attempt);
    }
    throw new ConflictError(`${streamId} is busy; try again in a moment.`, { streamId });
  });
}
