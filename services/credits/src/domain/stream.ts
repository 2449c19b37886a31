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
 * racing requests do not burn round trips on positions they cannot get. Across processes
 * the insert alone decides.
 */
export interface StreamHead<S> {
  seq: number;
  state: S;
}

export type AppendResult<E> = { written: E } | { taken: E | null };

export interface StreamStore<S, E extends { key: string }> {
  /** The head, read on from `from` (a position known to exist) or from the stored hint. */
  head(streamId: string, from?: StreamHead<S> | null): Promise<StreamHead<S>>;
  /**
   * Inserts the entry. `written` is the entry now stored under its key — this one, or the
   * one an earlier attempt wrote. `taken` means another entry holds the position.
   */
  append(entry: E): Promise<AppendResult<E>>;
}

const MAX_ATTEMPTS = 100;

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 3 * attempt)));

const lanes = new WeakMap<object, Map<string, Promise<unknown>>>();

function inLane<T>(store: object, streamId: string, work: () => Promise<T>): Promise<T> {
  let byStream = lanes.get(store);
  if (!byStream) lanes.set(store, (byStream = new Map()));
  const run = (byStream.get(streamId) ?? Promise.resolve()).then(work, work);
  const tail = run.catch(() => undefined);
  byStream.set(streamId, tail);
  void tail.then(() => {
    if (byStream.get(streamId) === tail) byStream.delete(streamId);
  });
  return run;
}

/** Writes the entry `decide` builds on the current head, once; returns what is written for its key. */
export function appendOnce<S, E extends { key: string; seq: number; state: S }>(store: StreamStore<S, E>, streamId: string, decide: (head: StreamHead<S>) => E): Promise<E> {
  return inLane(store, streamId, async () => {
    let known: StreamHead<S> | null = null;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const result = await store.append(decide(await store.head(streamId, known)));
      if ('written' in result) return result.written;
      known = result.taken ? { seq: result.taken.seq, state: result.taken.state } : null;
      if (attempt > 1) await pause(attempt);
    }
    throw new ConflictError(`${streamId} is busy; try again in a moment.`, { streamId });
  });
}
