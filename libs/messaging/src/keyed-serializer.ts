/** Runs tasks of one key one after another, tasks of different keys side by side. */
export class KeyedSerializer {
  private readonly tails = new Map<string, Promise<void>>();

  run(key: string | undefined, task: () => Promise<void>): Promise<void> {
    if (key === undefined) return task();
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    this.tails.set(key, next);
    return next.finally(() => {
      if (this.tails.get(key) === next) this.tails.delete(key);
    });
  }
}
