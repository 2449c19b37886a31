/**
 * Runs writes to the same key one after another within this process.
 *
 * Why: FerretDB 1.24 on SQLite applies an update as read–modify–write without isolating it
 * from concurrent updates of the same document, so two conditional updates can both
 * "succeed" and one of them is silently lost. MongoDB needs none of this — its conditional
 * updates are atomic — but with this lock they also hold on FerretDB for the writers of one
 * process, which is how the service runs there.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, write: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(write, write);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await next;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
