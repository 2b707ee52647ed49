import type { ResolvedModel } from "./types.js";

/**
 * The `rate` limit over time. Upstash documents `rate` calls started per
 * `period`; whether a window is fixed (and how it is anchored) or sliding is
 * a model choice (docs/delivery.md).
 */
export interface RateWindow {
  /** Whether one more start is allowed at `t`. Call it last before a start: a fixed window may roll over here. */
  allows(t: number): boolean;
  /** The earliest time after `t` at which a start may be allowed again (when `allows(t)` was false). */
  opensAt(t: number): number;
  record(t: number): void;
  /** Starts that count at `t`, as the API's `rateCount` would show. */
  count(t: number): number;
  /** The start of the period in force at `t`, ms (the API's `ratePeriodStart`). */
  periodStart(t: number): number;
}

/** No `rate`: every start is allowed. */
const UNLIMITED: RateWindow = {
  allows: () => true,
  opensAt: (t) => t,
  record: () => undefined,
  count: () => 0,
  periodStart: () => 0,
};

/**
 * Fixed windows `[start, start + period)`, each allowing `rate` starts.
 * `first-dispatch`: after a window ends, the next start opens a new one.
 * `back-to-back`: windows follow each other from the first start on.
 */
function fixedWindow(rate: number, period: number, anchor: ResolvedModel["anchor"]): RateWindow {
  let start = Number.NaN;
  let used = 0;
  const rolled = (t: number): number => (anchor === "back-to-back" ? start + Math.floor((t - start) / period) * period : t);
  return {
    allows(t) {
      if (Number.isNaN(start)) {
        start = t;
        used = 0;
      } else if (t >= start + period) {
        start = rolled(t);
        used = 0;
      }
      return used < rate;
    },
    opensAt: () => start + period,
    record() {
      used++;
    },
    count: (t) => (Number.isNaN(start) || t >= start + period ? 0 : used),
    periodStart: (t) => (Number.isNaN(start) ? 0 : anchor === "back-to-back" && t >= start + period ? rolled(t) : start),
  };
}

/** A sliding window: at most `rate` starts in any `(t − period, t]`. Keeps the starts still inside the window. */
function slidingWindow(rate: number, period: number): RateWindow {
  let starts = new Float64Array(16);
  let head = 0;
  let size = 0;
  const trim = (t: number): void => {
    while (size > 0 && (starts[head] as number) <= t - period) {
      head = (head + 1) % starts.length;
      size--;
    }
  };
  return {
    allows(t) {
      trim(t);
      return size < rate;
    },
    opensAt: () => (starts[head] as number) + period,
    record(t) {
      if (size === starts.length) {
        const bigger = new Float64Array(starts.length * 2);
        for (let i = 0; i < size; i++) bigger[i] = starts[(head + i) % starts.length] as number;
        starts = bigger;
        head = 0;
      }
      starts[(head + size++) % starts.length] = t;
    },
    count(t) {
      trim(t);
      return size;
    },
    periodStart: (t) => Math.max(0, t - period),
  };
}

/** The window the model asks for. */
export function rateWindow(model: ResolvedModel): RateWindow {
  if (model.rate === null) return UNLIMITED;
  return model.window === "sliding" ? slidingWindow(model.rate, model.periodMs) : fixedWindow(model.rate, model.periodMs, model.anchor);
}
