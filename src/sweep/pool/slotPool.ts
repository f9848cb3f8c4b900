// A fixed number of slots for concurrent runs. A slot is released either when its run ends or earlier
// (a pruned run frees its slot as soon as it is told to stop, not when its process has exited).

export interface PoolEntry {
  /** Resolves when the slot may be reused. */
  slotFreed: Promise<unknown>;
  /** Resolves when the run's work is completely done (process exited, store written). */
  done: Promise<unknown>;
}

export class SlotPool {
  private readonly holding = new Set<Promise<unknown>>();
  private readonly running = new Set<Promise<unknown>>();

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`concurrency must be a whole number ≥ 1, got ${size}`);
  }

  get hasFreeSlot(): boolean {
    return this.holding.size < this.size;
  }

  /** Runs whose work is not done yet (a pruned run still stopping counts here, not against the slots). */
  get active(): number {
    return this.running.size;
  }

  add(entry: PoolEntry): void {
    const slot = entry.slotFreed.catch(() => undefined).then(() => void this.holding.delete(slot));
    const done = entry.done.catch(() => undefined).then(() => void this.running.delete(done));
    this.holding.add(slot);
    this.running.add(done);
  }

  /** Resolves once a slot is free (at once if one is) or, when nothing is running, at once. */
  async waitForSlot(): Promise<void> {
    if (this.hasFreeSlot) return;
    await Promise.race(this.holding);
  }

  /** Resolves when any slot is released or any run ends, whichever comes first. */
  async waitForChange(): Promise<void> {
    if (this.running.size === 0) return;
    await Promise.race([...this.holding, ...this.running]);
  }

  async drain(): Promise<void> {
    await Promise.all([...this.running]);
  }
}
