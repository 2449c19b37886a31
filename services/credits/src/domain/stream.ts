import { ConflictError } from '@sanshe/domain-kit';

/**
 * Appending to a stream — an account's entries, a reward's stock. Kept as an insert-only
 * ledger because that is a sound design for a points bank on its own: every balance is the
 * sum of entries that are never rewritten, so the history is the audit. Each entry is
 * inserted at position head+1 (unique `_id`) under the key of the operation (unique `key`).
 * Of concurrent writers — in one process or many — exactly one gets a position; the others
 * read on from the entry that beat them and decide again. An operation already written is
 * refused by its key, and its entry — the decision taken then — is the answer.
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

/**
 * Writes the entry `decide` builds on the current head, once; returns what is written for
 * its key. A lost race tells where the stream now stands, so the next attempt decides on
 * the entry that won. Each written entry leaves a hint of the head for later readers.
 */
export async function appendOnce<S, E extends { key: string; seq: number; state: S }>(
  store: StreamStore<S, E>,
  streamId: string,
  decide: (head: StreamHead<S>) => E,
): Promise<E> {
  let known: StreamHead<S> | null = null;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const head = known ?? (await store.head(streamId));
    const result = await store.append(decide(head));
    if ('written' in result) {
      const entry = result.written;
      void store.rememberHead(streamId, { seq: entry.seq, state: entry.state }).catch(() => undefined);
      return entry;
    }
    known = result.taken ? { seq: result.taken.seq, state: result.taken.state } : null;
    if (attempt > 1) await pause(attempt);
  }
  throw new ConflictError(`${streamId} is busy; try again in a moment.`, { streamId });
}
