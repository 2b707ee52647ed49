/**
 * A binary min-heap of run numbers, each with at most one pending event. The
 * order is total: time, then kind (responses before runs falling due), then
 * run number, so events that tie come out in the same order whatever order
 * they went in. Each slot keeps its key next to it (time, and kind and run
 * packed in one integer): a sift reads neighbouring memory instead of jumping
 * to per-run arrays, which matters once a million runs are pending.
 */
export class EventHeap {
  /** The pending event's kind, by run (for the engine to read). */
  readonly kind: Uint8Array;
  private readonly slotTime: Float64Array;
  /** kind · 2^24 + run: runs stay below 2^24 (the simulator allows 10^6). */
  private readonly slotTie: Int32Array;
  size = 0;

  constructor(runs: number) {
    this.kind = new Uint8Array(runs);
    this.slotTime = new Float64Array(Math.max(1, runs));
    this.slotTie = new Int32Array(Math.max(1, runs));
  }

  /** The run whose event comes first; only when size > 0. */
  peek(): number {
    return (this.slotTie[0] as number) & 0xffffff;
  }

  /** The time of the first event; only when size > 0. */
  peekTime(): number {
    return this.slotTime[0] as number;
  }

  push(run: number, time: number, kind: number): void {
    this.kind[run] = kind;
    const tie = kind * 0x1000000 + run;
    const times = this.slotTime;
    const ties = this.slotTie;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const t = times[parent] as number;
      if (t < time || (t === time && (ties[parent] as number) < tie)) break;
      times[i] = t;
      ties[i] = ties[parent] as number;
      i = parent;
    }
    times[i] = time;
    ties[i] = tie;
  }

  /** Removes the first event and returns its run. */
  pop(): number {
    const times = this.slotTime;
    const ties = this.slotTie;
    const top = (ties[0] as number) & 0xffffff;
    const size = --this.size;
    const time = times[size] as number;
    const tie = ties[size] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size) {
        const tl = times[child] as number;
        const tr = times[right] as number;
        if (tr < tl || (tr === tl && (ties[right] as number) < (ties[child] as number))) child = right;
      }
      const tc = times[child] as number;
      if (time < tc || (time === tc && tie < (ties[child] as number))) break;
      times[i] = tc;
      ties[i] = ties[child] as number;
      i = child;
    }
    if (size > 0) {
      times[i] = time;
      ties[i] = tie;
    }
    return top;
  }
}

/** A double-ended queue of run numbers, for the wait list: push at the back, or at the front. */
export class RunDeque {
  private items: Int32Array;
  private head = 0;
  size = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(Math.max(4, capacity));
  }

  peek(): number {
    return this.items[this.head] as number;
  }

  push(run: number): void {
    this.grow();
    this.items[(this.head + this.size++) % this.items.length] = run;
  }

  pushFront(run: number): void {
    this.grow();
    this.head = (this.head - 1 + this.items.length) % this.items.length;
    this.items[this.head] = run;
    this.size++;
  }

  shift(): number {
    const run = this.items[this.head] as number;
    this.head = (this.head + 1) % this.items.length;
    this.size--;
    return run;
  }

  private grow(): void {
    if (this.size < this.items.length) return;
    const bigger = new Int32Array(this.items.length * 2);
    for (let i = 0; i < this.size; i++) bigger[i] = this.items[(this.head + i) % this.items.length] as number;
    this.items = bigger;
    this.head = 0;
  }
}
