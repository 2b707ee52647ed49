import { DELIVERY_LIMITS } from "./codes.js";
import type { EndpointPlan, ResponsePlan } from "./endpoint.js";
import { EventHeap, RunDeque } from "./heap.js";
import type { Plan } from "./scenario.js";
import { Sampler, type KeyState } from "./series.js";
import { Tally } from "./tally.js";
import type { DeliveryEvent, FlowControlSnapshot, ResolvedModel, SeriesPoint } from "./types.js";
import { rateWindow, type RateWindow } from "./window.js";

/*
 * The event-driven core. Each run has at most one pending event, kept in a
 * binary heap ordered by (time, kind, run): a response (END) comes before a
 * run falling due (DUE) at the same instant, so a freed slot is seen by
 * everything due then. After all events of one instant, the dispatcher
 * starts calls from the head of the FIFO wait list while parallelism and the
 * rate window allow. Nothing steps through time: the clock jumps from event
 * to event, or to the moment a rate window reopens.
 *
 * A class with small methods rather than one function of closures: V8
 * optimizes each method on its own, where one long loop body deoptimized
 * again and again as new branches ran for the first time.
 */

const END = 0;
const DUE = 1;

/** How a run ended (0 while it is still going). */
export const OUTCOME = { pending: 0, completed: 1, failed: 2, nonRetryable: 3 } as const;

/** Why the engine stopped before the end. */
interface Stop {
  readonly code: "too-much-work" | "time-out-of-range";
  readonly run: number;
  readonly at: number;
  readonly cause: "retry" | "arrival" | "handler";
}

/** What the engine hands back: per-run arrays, the series, and why it stopped early if it did. */
export interface EngineResult {
  readonly firstStart: Float64Array;
  readonly end: Float64Array;
  readonly attempts: Uint32Array;
  readonly outcome: Uint8Array;
  readonly tally: Tally;
  readonly points: readonly SeriesPoint[];
  readonly stepMs: number;
  readonly snapshots: readonly FlowControlSnapshot[];
  readonly events: DeliveryEvent[] | undefined;
  readonly eventsTruncated: boolean;
  readonly stopped: Stop | undefined;
}

/** Test hook: the order in which the initial events enter the heap (a permutation of the runs). */
export interface EngineHooks {
  readonly insertionOrder?: readonly number[];
  /** A lower work limit than DELIVERY_LIMITS.maxAttempts, so a test reaches it quickly. */
  readonly maxAttempts?: number;
}

/** Runs the plan to the end. Bounded: at most maxAttempts calls, and no time past maxTimeMs. */
export function runEngine(plan: Plan, hooks: EngineHooks = {}): EngineResult {
  return new Engine(plan, hooks.maxAttempts ?? DELIVERY_LIMITS.maxAttempts).run(hooks.insertionOrder);
}

class Engine implements KeyState {
  private readonly model: ResolvedModel;
  private readonly endpoint: EndpointPlan;
  private readonly retryDelays: Float64Array;
  private readonly heap: EventHeap;
  private readonly wait: RunDeque;
  /** Retries that keep their slot (model.retryHoldsSlot): served before the wait list, since they need no slot. */
  private readonly holders = new RunDeque(16);
  private readonly window: RateWindow;
  private readonly rateLimited: boolean;
  private readonly slots: number;
  private readonly firstStart: Float64Array;
  private readonly end: Float64Array;
  private readonly attempts: Uint32Array;
  private readonly outcome: Uint8Array;
  private readonly dueAt: Float64Array;
  private readonly holds: Uint8Array;
  private readonly tally: Tally;
  private readonly sampler: Sampler;
  private readonly events: DeliveryEvent[] | undefined;
  private eventsTruncated = false;
  private readonly snapshots: FlowControlSnapshot[] = [];
  private nextSnapshot = 0;
  private active = 0;
  inFlight = 0;
  private wakeAt = Infinity;
  private stopped: Stop | undefined;

  constructor(
    private readonly plan: Plan,
    private readonly maxAttempts: number,
  ) {
    const runs = plan.arrivals.length;
    this.model = plan.model;
    this.endpoint = plan.endpoint;
    this.retryDelays = plan.retryDelays;
    this.heap = new EventHeap(runs);
    this.wait = new RunDeque(Math.min(runs, 1 << 16));
    this.window = rateWindow(plan.model);
    this.rateLimited = plan.model.rate !== null;
    this.slots = Math.min(plan.model.parallelism ?? Infinity, plan.model.planParallelism ?? Infinity);
    this.firstStart = new Float64Array(runs).fill(Number.NaN);
    this.end = new Float64Array(runs);
    this.attempts = new Uint32Array(runs);
    this.outcome = new Uint8Array(runs);
    this.dueAt = new Float64Array(runs);
    this.holds = new Uint8Array(runs);
    this.tally = new Tally(plan.model.rate === null ? 60_000 : plan.model.periodMs);
    this.sampler = new Sampler(plan.output.sampleEvery);
    this.events = plan.output.events ? [] : undefined;
  }

  // KeyState, for the sampler and the snapshots.
  get waitListSize(): number {
    return this.wait.size + this.holders.size;
  }
  get parallelismCount(): number {
    return this.active;
  }
  rateCount(t: number): number {
    return this.window.count(t);
  }
  periodStart(t: number): number {
    return this.window.periodStart(t);
  }

  run(order: readonly number[] | undefined): EngineResult {
    const { arrivals, notBeforeMs, delayMs } = this.plan;
    for (let i = 0; i < arrivals.length; i++) {
      const run = order === undefined ? i : (order[i] as number);
      const arrival = arrivals[run] as number;
      const due = notBeforeMs === undefined ? arrival + delayMs : Math.max(arrival, notBeforeMs);
      if (due > DELIVERY_LIMITS.maxTimeMs) return this.stop("time-out-of-range", run, due, "arrival");
      this.heap.push(run, due, DUE);
    }
    let now = 0;
    for (;;) {
      const t = this.nextTime();
      if (t === Infinity) break;
      now = t;
      this.instant(t);
      if (this.stopped !== undefined) return this.result([]);
    }
    this.snapshotsBefore(Infinity);
    return this.result(this.sampler.finish(now, this));
  }

  private nextTime(): number {
    const heap = this.heap;
    const next = heap.size > 0 ? heap.peekTime() : Infinity;
    return next < this.wakeAt ? next : this.wakeAt;
  }

  /** Everything that happens at `t`: responses, runs falling due, then as many starts as the limits allow. */
  private instant(t: number): void {
    this.sampler.advance(t, this);
    this.snapshotsBefore(t);
    if (this.wakeAt === t) this.wakeAt = Infinity;
    const heap = this.heap;
    while (heap.size > 0 && heap.peekTime() === t) {
      const run = heap.pop();
      if (heap.kind[run] === END) this.respond(run, t);
      else this.becomeDue(run, t);
      if (this.stopped !== undefined) return;
    }
    this.dispatch(t);
    this.tally.observe(t, this.inFlight, this.waitListSize);
    this.sampler.observe(t, this);
  }

  /** What follows a response: the run ends, or its retry falls due later. */
  private respond(run: number, t: number): void {
    this.inFlight--;
    const made = this.attempts[run] as number;
    const response = this.endpoint.respond(run, made);
    const status = response.status;
    const next =
      status >= 200 && status < 300 ? "completed" : status === 489 ? "non-retryable" : made - 1 < this.model.retries ? "retry" : "failed";
    let due = 0;
    if (next === "retry") {
      due = t + this.retryDelay(response, made - 1, t);
      if (due > DELIVERY_LIMITS.maxTimeMs) return void this.stop("time-out-of-range", run, due, "retry");
      if (!this.model.retryHoldsSlot) this.release(run);
      this.heap.push(run, due, DUE);
    } else this.finish(run, next === "completed" ? OUTCOME.completed : next === "failed" ? OUTCOME.failed : OUTCOME.nonRetryable, t);
    if (this.events !== undefined)
      this.record({ t, run, attempt: made, kind: "end", status, next, ...(next === "retry" ? { dueMs: due } : {}) });
  }

  /** `Retry-After` (a delay, or a date up to 1 day ahead), else the retry delay. */
  private retryDelay(response: ResponsePlan, retried: number, t: number): number {
    const after = response.retryAfter;
    if (after !== undefined) {
      if (after.kind === "delay") return after.ms;
      const ms = Math.max(0, after.atMs - t);
      if (ms <= 86_400_000) return ms;
    }
    return this.retryDelays[retried] as number;
  }

  private finish(run: number, how: number, t: number): void {
    this.outcome[run] = how;
    this.end[run] = t;
    this.release(run);
  }

  private release(run: number): void {
    if (this.holds[run] === 1) {
      this.holds[run] = 0;
      this.active--;
    }
  }

  private becomeDue(run: number, t: number): void {
    this.dueAt[run] = t;
    const retry = (this.attempts[run] as number) > 0;
    if (this.holds[run] === 1) this.holders.push(run);
    else if (retry && this.model.retryPosition === "front") this.wait.pushFront(run);
    else this.wait.push(run);
    if (this.events !== undefined) this.record({ t, run, attempt: (this.attempts[run] as number) + 1, kind: "due" });
  }

  /** Starts calls from the head of the wait list while a slot and the rate window allow: FIFO, so a blocked head blocks all. */
  private dispatch(t: number): void {
    const { holders, wait } = this;
    for (;;) {
      const fromHolders = holders.size > 0;
      if (!fromHolders && (wait.size === 0 || this.active >= this.slots)) return;
      const run = fromHolders ? holders.peek() : wait.peek();
      const counts = this.rateLimited && (this.model.retriesUseRate || this.attempts[run] === 0);
      if (counts && !this.window.allows(t)) {
        this.wakeAt = Math.min(this.wakeAt, this.window.opensAt(t));
        return;
      }
      if (this.tally.attempts >= this.maxAttempts) return void this.stop("too-much-work", run, t, "handler");
      if (fromHolders) holders.shift();
      else {
        wait.shift();
        this.active++;
        this.holds[run] = 1;
      }
      if (counts) this.window.record(t);
      this.start(run, t);
      if (this.stopped !== undefined) return;
    }
  }

  private start(run: number, t: number): void {
    const made = (this.attempts[run] = (this.attempts[run] as number) + 1);
    if (made === 1) this.firstStart[run] = t;
    const ends = t + this.endpoint.duration(run, made);
    if (ends > DELIVERY_LIMITS.maxTimeMs) return void this.stop("time-out-of-range", run, ends, "handler");
    this.inFlight++;
    this.tally.started(t, t - (this.dueAt[run] as number));
    this.sampler.started(t);
    this.heap.push(run, ends, END);
    if (this.events !== undefined) this.record({ t, run, attempt: made, kind: "start" });
  }

  private record(event: DeliveryEvent): void {
    const events = this.events as DeliveryEvent[];
    if (events.length < this.plan.output.maxEvents) events.push(event);
    else this.eventsTruncated = true;
  }

  private snapshotsBefore(t: number): void {
    const times = this.plan.output.snapshots;
    while (this.nextSnapshot < times.length && (times[this.nextSnapshot] as number) < t)
      this.snapshots.push(this.snapshot(times[this.nextSnapshot++] as number));
  }

  /** The key as Upstash's API shows it at `t`. */
  private snapshot(t: number): FlowControlSnapshot {
    const { model, startMs } = this.plan;
    const periodStart = this.periodStart(t);
    return {
      atMs: t,
      waitListSize: this.waitListSize,
      parallelismCount: this.active,
      ...(model.parallelism === null ? {} : { parallelismMax: model.parallelism }),
      rateCount: this.rateCount(t),
      ...(model.rate === null ? {} : { rateMax: model.rate }),
      ratePeriod: model.periodMs / 1000,
      ratePeriodStart: Math.floor((startMs + periodStart) / 1000),
      ratePeriodStartMs: periodStart,
    };
  }

  private stop(code: Stop["code"], run: number, at: number, cause: Stop["cause"]): EngineResult {
    this.stopped = { code, run, at, cause };
    return this.result([]);
  }

  private result(points: readonly SeriesPoint[]): EngineResult {
    const { firstStart, end, attempts, outcome, tally, snapshots, events, eventsTruncated, stopped } = this;
    return { firstStart, end, attempts, outcome, tally, points, stepMs: this.sampler.stepMs, snapshots, events, eventsTruncated, stopped };
  }
}
