import { isDuplicateKeyError } from '@sanshe/service-kit';
import type { Model } from 'mongoose';
import type { AppendResult, StreamHead } from '../domain/stream';
import type { HeadHint } from './models';

interface StreamEntry<S> {
  _id: string;
  key: string;
  seq: number;
  state: S;
}

// The driver's collections take filters and documents as they are, without casting.
type Raw = Record<string, unknown>;

/**
 * Reads and extends streams of entries numbered per stream (see domain/stream.ts). Only
 * inserts decide anything; the head hint is written after its entry, not with it, so it is
 * only a place to start reading — the entries after it are always looked for.
 */
export class StreamRepository<S, E extends StreamEntry<S>> {
  constructor(
    private readonly entries: Model<E>,
    private readonly hints: Model<HeadHint<S>>,
    private readonly initial: S,
    private readonly idOf: (streamId: string, seq: number) => string,
    /** Where streams without a hint start: a state brought forward to position 1, if any. */
    private readonly startsOf: (streamIds: string[]) => Promise<Map<string, StreamHead<S>>> = async () => new Map(),
  ) {}

  async head(streamId: string): Promise<StreamHead<S>> {
    const hint = await this.hints.findOne({ _id: streamId }).lean<HeadHint<S>>().exec();
    let head = hint
      ? { seq: hint.seq, state: hint.state }
      : ((await this.startsOf([streamId])).get(streamId) ?? { seq: 0, state: this.initial });
    for (;;) {
      const next = await this.entries
        .findOne({ _id: this.idOf(streamId, head.seq + 1) })
        .lean<E>()
        .exec();
      if (!next) return head;
      head = { seq: next.seq, state: next.state };
    }
  }

  /** Heads of many streams: one query for the hints, then one per round of entries found past them. */
  async heads(streamIds: readonly string[]): Promise<Map<string, { seq: number; state: S }>> {
    const ids = [...new Set(streamIds)];
    const hints = await this.hints
      .find({ _id: { $in: ids } })
      .lean<HeadHint<S>[]>()
      .exec();
    const heads = new Map(ids.map((id) => [id, { seq: 0, state: this.initial }]));
    for (const hint of hints) heads.set(hint._id, { seq: hint.seq, state: hint.state });
    const unhinted = ids.filter((id) => !hints.some((h) => h._id === id));
    if (unhinted.length > 0) for (const [id, start] of await this.startsOf(unhinted)) heads.set(id, start);
    let open = ids;
    while (open.length > 0) {
      const wanted = new Map(open.map((id) => [this.idOf(id, heads.get(id)!.seq + 1), id]));
      const keys = [...wanted.keys()];
      const found = await this.entries
        .find({ _id: { $in: keys } })
        .lean<E[]>()
        .exec();
      open = [];
      for (const entry of found) {
        const id = wanted.get(entry._id)!;
        heads.set(id, { seq: entry.seq, state: entry.state });
        open.push(id);
      }
    }
    return heads;
  }

  async append(entry: E): Promise<AppendResult<E>> {
    try {
      await this.entries.collection.insertOne(entry as unknown as Raw as never);
      return { written: entry };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const taken = await this.entries.findOne({ _id: entry._id }).lean<E>().exec();
      if (taken) return taken.key === entry.key ? { written: taken } : { taken };
      // The position is free, so the key was refused: the operation was written before, elsewhere.
      const earlier = await this.entries.findOne({ key: entry.key }).lean<E>().exec();
      return earlier ? { written: earlier } : { taken: null };
    }
  }

  /** Moves the hint forward only: a slower writer of an older head leaves a newer hint alone. */
  async rememberHead(streamId: string, head: StreamHead<S>): Promise<void> {
    try {
      await this.hints.collection.updateOne(
        { _id: streamId, seq: { $lt: head.seq } } as Raw,
        { $set: { seq: head.seq, state: head.state } },
        { upsert: true },
      );
    } catch (err) {
      // The hint is already at or past this head (the upsert then collides on `_id`).
      if (!isDuplicateKeyError(err)) throw err;
    }
  }
}
