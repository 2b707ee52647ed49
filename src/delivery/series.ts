import { DELIVERY_LIMITS } from "./codes.js";
import type { SeriesPoint } from "./types.js";

/** The key's state at one moment, as the sampler reads it. */
export interface KeyState {
  readonly waitListSize: number;
  readonly parallelismCount: number;
  readonly inFlight: number;
  rateCount(t: number): number;
  periodStart(t: number): number;
}

/**
 * The series, sampled at a fixed step while the simulation runs: point `k`
 * holds the state at `k · step` (after everything at that instant) and what
 * happened in `[k · step, (k + 1) · step)`. Memory is bounded: at the limit,
 * neighbouring points merge and the step doubles.
 */
export class Sampler {
  private readonly points: {
    t: number;
    waitListSize: number;
    parallelismCount: number;
    rateCount: number;
    ratePeriodStartMs: number;
    calls: number;
    peakInFlight: number;
    peakWaitList: number;
  }[] = [];
  /** The time of the next point to write. */
  private next = 0;
  private pendingCalls = 0;
  private pendingInFlight = 0;
  private pendingWait = 0;

  constructor(private step: number) {}

  get stepMs(): number {
    return this.step;
  }

  /** Writes every point before `t`: nothing happens between the last event and `t`, so the state now is theirs. */
  advance(t: number, state: KeyState): void {
    while (this.next < t) this.write(state);
  }

  /** Writes the points up to and including `t`, the end. */
  finish(t: number, state: KeyState): readonly SeriesPoint[] {
    while (this.next <= t) this.write(state);
    return this.points;
  }

  /** A call started at `t` (never after the next point's time). */
  started(t: number): void {
    if (t === this.next) this.pendingCalls++;
    else this.last().calls++;
  }

  /** The state after everything at `t`. */
  observe(t: number, state: KeyState): void {
    if (t === this.next) {
      this.pendingInFlight = Math.max(this.pendingInFlight, state.inFlight);
      this.pendingWait = Math.max(this.pendingWait, state.waitListSize);
      return;
    }
    const point = this.last();
    point.peakInFlight = Math.max(point.peakInFlight, state.inFlight);
    point.peakWaitList = Math.max(point.peakWaitList, state.waitListSize);
  }

  private last(): (typeof this.points)[number] {
    return this.points[this.points.length - 1] as (typeof this.points)[number];
  }

  private write(state: KeyState): void {
    const t = this.next;
    this.points.push({
      t,
      waitListSize: state.waitListSize,
      parallelismCount: state.parallelismCount,
      rateCount: state.rateCount(t),
      ratePeriodStartMs: state.periodStart(t),
      calls: this.pendingCalls,
      peakInFlight: Math.max(this.pendingInFlight, state.inFlight),
      peakWaitList: Math.max(this.pendingWait, state.waitListSize),
    });
    this.pendingCalls = this.pendingInFlight = this.pendingWait = 0;
    if (this.points.length >= DELIVERY_LIMITS.maxSamples) this.merge();
    this.next = this.points.length * this.step;
  }

  /** Halves the points: each pair becomes one, with the first one's state and both one's calls and peaks. */
  private merge(): void {
    const merged = [];
    for (let i = 0; i + 1 < this.points.length; i += 2) {
      const a = this.points[i] as (typeof this.points)[number];
      const b = this.points[i + 1] as (typeof this.points)[number];
      merged.push({
        ...a,
        calls: a.calls + b.calls,
        peakInFlight: Math.max(a.peakInFlight, b.peakInFlight),
        peakWaitList: Math.max(a.peakWaitList, b.peakWaitList),
      });
    }
    this.points.length = 0;
    this.points.push(...merged);
    this.step *= 2;
  }
}
