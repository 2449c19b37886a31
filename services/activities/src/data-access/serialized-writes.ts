import type { Model, Schema } from 'mongoose';

/**
 * Why this module exists: FerretDB 1.24 on SQLite applies concurrent updates of one
 * document without isolation — each rewrites the whole document from what it read, so
 * one update can silently undo another (measured: 20 concurrent `{seats: {$gt: 0}}` +
 * `$inc: -1` on 5 seats all "succeed", and pushes vanish). MongoDB makes every
 * single-document update atomic on its own. So that the activities' conditional updates
 * hold on both, every update of one activity document made by this process — the
 * service's own, and the outbox relay's clean-up — waits its turn in one queue per `_id`.
 */

/** One queue per key: holders of a key run one after another, in arrival order. */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  async acquire(key: string): Promise<() => void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => held);
    this.tails.set(key, tail);
    await previous;
    return () => {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
  }

  async run<T>(key: unknown, work: () => Promise<T>): Promise<T> {
    if (typeof key !== 'string') return work();
    const release = await this.acquire(key);
    try {
      return await work();
    } finally {
      release();
    }
  }
}

const RELEASE = Symbol('release');
type Held = Record<symbol, (() => void) | undefined>;

/** A schema plugin: updates through the model (`updateOne`, `findOneAndUpdate`) by `_id` take their turn. */
export function serializedWrites(mutex: KeyedMutex) {
  return (schema: Schema): void => {
    for (const op of ['updateOne', 'findOneAndUpdate'] as const) {
      schema.pre(op, async function () {
        const id = (this.getFilter() as { _id?: unknown })._id;
        if (typeof id === 'string') (this as unknown as Held)[RELEASE] = await mutex.acquire(id);
      });
      schema.post(op, function () {
        (this as unknown as Held)[RELEASE]?.();
      });
      schema.post(op, { errorHandler: true }, function (error, _result, next) {
        (this as unknown as Held)[RELEASE]?.();
        next(error);
      });
    }
  };
}

/**
 * The model as the outbox relay should see it: the relay clears published entries with
 * the driver's `collection.updateOne`, past mongoose middleware, so that call takes its
 * turn here. Everything else passes through untouched.
 */
export function relayView<T>(model: Model<T>, mutex: KeyedMutex): Model<T> {
  const collection = new Proxy(model.collection, {
    get(target, prop) {
      if (prop === 'updateOne') {
        return (filter: { _id?: unknown }, ...rest: unknown[]) =>
          mutex.run(filter?._id, () => (target.updateOne as (...args: unknown[]) => Promise<unknown>).call(target, filter, ...rest));
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return new Proxy(model, {
    get(target, prop) {
      if (prop === 'collection') return collection;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
