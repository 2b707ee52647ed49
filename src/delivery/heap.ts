/**
 * A binary min-heap of run numbers, each with at most one pending event: its
 * time and kind live in arrays indexed by run. The order is total: time,
 * then kind (responses before runs falling due), then run number. Events
 * that tie therefore come out in the same order whatever order they went in.
 */
export class EventHeap {
  readonly time: Float64Array;
  readonly kind: Uint8Array;
  private readonly items: Int32Array;
  size = 0;

  constructor(runs: number) {
    this.time = new Float64Array(runs);
    this.kind = new Uint8Array(runs);
    this.items = new Int32Array(Math.max(1, runs));
  }

  /** The run whose event comes first; only when size > 0. */
  peek(): number {
    return this.items[0] as number;
  }

  push(run: number, time: number, kind: number): void {
    this.time[run] = time;
    this.kind[run] = kind;
    const items = this.items;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = items[parent] as number;
      if (!this.before(run, above)) break;
      items[i] = above;
      i = parent;
    }
    items[i] = run;
  }

  pop(): number {
    const items = this.items;
    const top = items[0] as number;
    const last = items[--this.size] as number;
    const size = this.size;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      let child = left;
      if (right < size && this.before(items[right] as number, items[left] as number)) child = right;
      const below = items[child] as number;
      if (!this.before(below, last)) break;
      items[i] = below;
      i = child;
    }
    if (size > 0) items[i] = last;
    return top;
  }

  private before(a: number, b: number): boolean {
    const ta = this.time[a] as number;
    const tb = this.time[b] as number;
    if (ta !== tb) return ta < tb;
    const ka = this.kind[a] as number;
    const kb = this.kind[b] as number;
    return ka !== kb ? ka < kb : a < b;
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
