import { describe, expect, it } from "vitest";
import { compile, simulateDelivery, type DeliveryScenario } from "../../src/index.js";

/*
 * Cases whose answer follows from the documented limits by arithmetic alone:
 * the simulator must reproduce them exactly.
 */

function run(scenario: DeliveryScenario) {
  const result = simulateDelivery(scenario);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.value;
}

describe("closed-form cases", () => {
  it("rate=10, period=1m, 100 runs at once, 1 s handler: the last start is at 9 min", () => {
    const { summary, runs } = run({ arrivals: { count: 100 }, flowControl: "rate=10, period=1m", endpoint: { duration: "1s" } });
    expect(summary.lastStartMs).toBe(9 * 60_000);
    expect(summary.makespanMs).toBe(9 * 60_000 + 1000);
    expect(summary.completed).toBe(100);
    // Bursts of 10 at the start of each window, not one call every 6 s.
    expect(runs.map((r) => r.firstStartMs)).toEqual(Array.from({ length: 100 }, (_, i) => Math.floor(i / 10) * 60_000));
    expect(summary.maxWaitList).toBe(90);
    expect(summary.callsPerPeriod).toEqual({ periodMs: 60_000, max: 10, mean: 10, maxAtMs: 0 });
  });

  it("parallelism=3, 10 s handler, 30 runs: 100 s", () => {
    const { summary } = run({ arrivals: { count: 30 }, flowControl: "parallelism=3", endpoint: { duration: "10s" } });
    expect(summary.makespanMs).toBe(100_000);
    expect(summary.maxInFlight).toBe(3);
    expect(summary.lastStartMs).toBe(90_000);
  });

  it("fail the first 2 attempts with retries=2 and retryDelay=1000: every run succeeds on attempt 3, 1 s after each failure", () => {
    const value = run({
      arrivals: { count: 4 },
      retries: 2,
      retryDelay: "1000",
      endpoint: { duration: "1s", script: [500, 500] },
      output: { events: true },
    });
    expect(value.runs.every((r) => r.outcome === "completed" && r.attempts === 3)).toBe(true);
    const starts = (value.events ?? []).filter((e) => e.run === 0 && e.kind === "start").map((e) => e.t);
    const ends = (value.events ?? []).filter((e) => e.run === 0 && e.kind === "end").map((e) => [e.t, e.status, e.next]);
    expect(starts).toEqual([0, 2000, 4000]);
    expect(ends).toEqual([
      [1000, 500, "retry"],
      [3000, 500, "retry"],
      [5000, 200, "completed"],
    ]);
    expect(value.summary.completionMs).toEqual({ p50: 5000, p90: 5000, p99: 5000, max: 5000 });
  });

  it("both limits bind at once: rate 10/min with parallelism 20 and 2 min calls (Upstash's own example)", () => {
    // "QStash will trigger 10 calls in the first minute and another 10 in the next. Since none of them will have finished, the system will wait until one completes."
    const { runs } = run({ arrivals: { count: 30 }, flowControl: "rate=10, parallelism=20, period=1m", endpoint: { duration: "150s" } });
    const starts = runs.map((r) => r.firstStartMs);
    expect(starts.slice(0, 10).every((t) => t === 0)).toBe(true);
    expect(starts.slice(10, 20).every((t) => t === 60_000)).toBe(true);
    expect(starts[20]).toBe(150_000);
  });

  it("retries follow the expression, exhaust, and fail; 489 fails at once", () => {
    const delay = compile("pow(2, retried) * 1000", { retries: 3 });
    const value = run({
      arrivals: { count: 1 },
      retries: 3,
      retryDelay: "pow(2, retried) * 1000",
      endpoint: { duration: 0, script: [500, 500, 500, 500] },
      output: { events: true },
    });
    const starts = (value.events ?? []).filter((e) => e.kind === "start").map((e) => e.t);
    expect(starts).toEqual([0, delay(0), delay(0) + delay(1), delay(0) + delay(1) + delay(2)]);
    expect(value.summary).toMatchObject({ failed: 1, completed: 0, nonRetryable: 0, attempts: 4 });
    const fatal = run({ arrivals: { count: 1 }, retries: 3, endpoint: { script: [489] } });
    expect(fatal.summary).toMatchObject({ failed: 1, nonRetryable: 1, attempts: 1 });
    expect(fatal.runs[0]?.outcome).toBe("non-retryable");
  });

  it("uses Upstash's default backoff without an expression, and Retry-After over it", () => {
    const value = run({
      arrivals: { count: 1 },
      retries: 2,
      endpoint: { duration: 0, script: [500, { status: 429, retryAfter: "30" }] },
      output: { events: true },
    });
    expect((value.events ?? []).filter((e) => e.kind === "start").map((e) => e.t)).toEqual([0, 12_000, 42_000]);
    // Over 1 day, Retry-After is ignored (with Upstash's own info diagnostic) and the backoff applies.
    const ignored = simulateDelivery({
      arrivals: { count: 1 },
      retries: 1,
      retryDelay: "5000",
      endpoint: { duration: 0, script: [{ status: 429, retryAfter: "172800" }] },
      output: { events: true },
    });
    expect(ignored.ok && ignored.value.events?.filter((e) => e.kind === "start").map((e) => e.t)).toEqual([0, 5000]);
    expect(ignored.diagnostics.map((d) => [d.code, d.path])).toEqual([["retry-after-ignored", "endpoint.script[0].retryAfter"]]);
  });

  it("delays and notBefore: a run joins the wait list only when due", () => {
    const delayed = run({ arrivals: { count: 3 }, delay: "10s", flowControl: "parallelism=1", endpoint: { duration: "1s" } });
    expect(delayed.runs.map((r) => r.firstStartMs)).toEqual([10_000, 11_000, 12_000]);
    const pinned = run({
      arrivals: { times: [0, 5000, 30_000] },
      start: 1_000_000_000_000,
      notBefore: 1_000_000_020,
      endpoint: { duration: "1s" },
    });
    expect(pinned.runs.map((r) => r.firstStartMs)).toEqual([20_000, 20_000, 30_000]);
  });

  it("arrivals at a rate are spread evenly", () => {
    const { runs } = run({ arrivals: { count: 5, rate: 2, period: "1s" }, endpoint: { duration: "100ms" } });
    expect(runs.map((r) => r.arrivalMs)).toEqual([0, 500, 1000, 1500, 2000]);
  });

  it("fixed windows: first-dispatch anchoring restarts the window after an idle gap; back-to-back keeps the grid", () => {
    const scenario = (anchor: "first-dispatch" | "back-to-back"): DeliveryScenario => ({
      arrivals: { times: [0, 0, 90_000, 90_000, 90_000] },
      flowControl: "rate=2, period=1m",
      endpoint: { duration: "1s" },
      model: { anchor },
    });
    expect(run(scenario("first-dispatch")).runs.map((r) => r.firstStartMs)).toEqual([0, 0, 90_000, 90_000, 150_000]);
    expect(run(scenario("back-to-back")).runs.map((r) => r.firstStartMs)).toEqual([0, 0, 90_000, 90_000, 120_000]);
  });

  it("a sliding window allows `rate` starts in any period-long span", () => {
    const { runs } = run({
      arrivals: { times: [0, 30_000, 30_000, 30_000] },
      flowControl: "rate=2, period=1m",
      endpoint: { duration: "1s" },
      model: { window: "sliding" },
    });
    expect(runs.map((r) => r.firstStartMs)).toEqual([0, 30_000, 60_000, 90_000]);
  });

  it("a retry that holds its slot keeps others waiting (model.retryHoldsSlot)", () => {
    const base: DeliveryScenario = {
      arrivals: { count: 2 },
      flowControl: "parallelism=1",
      retries: 1,
      retryDelay: "10000",
      endpoint: { duration: "1s", script: [500] },
    };
    expect(run(base).runs.map((r) => r.endMs)).toEqual([12_000, 13_000]);
    expect(run({ ...base, model: { retryHoldsSlot: true } }).runs.map((r) => r.endMs)).toEqual([12_000, 24_000]);
  });

  it("the plan's global parallelism caps the key's", () => {
    expect(
      run({ arrivals: { count: 20 }, flowControl: "parallelism=100", endpoint: { duration: "1s" }, model: { planParallelism: 10 } }).summary
        .makespanMs,
    ).toBe(2000);
  });

  it("reports the key as Upstash's API would, at the requested moments", () => {
    const { snapshots } = run({
      arrivals: { count: 100 },
      flowControl: "parallelism=5, rate=10, period=1m",
      endpoint: { duration: "2s" },
      start: Date.UTC(2026, 0, 1),
      output: { snapshots: ["3m", "3m1s", 0] },
    });
    expect(snapshots).toEqual([
      {
        atMs: 0,
        waitListSize: 95,
        parallelismCount: 5,
        parallelismMax: 5,
        rateCount: 5,
        rateMax: 10,
        ratePeriod: 60,
        ratePeriodStart: Date.UTC(2026, 0, 1) / 1000,
        ratePeriodStartMs: 0,
      },
      {
        atMs: 180_000,
        waitListSize: 65,
        parallelismCount: 5,
        parallelismMax: 5,
        rateCount: 5,
        rateMax: 10,
        ratePeriod: 60,
        ratePeriodStart: Date.UTC(2026, 0, 1) / 1000 + 180,
        ratePeriodStartMs: 180_000,
      },
      {
        atMs: 181_000,
        waitListSize: 65,
        parallelismCount: 5,
        parallelismMax: 5,
        rateCount: 5,
        rateMax: 10,
        ratePeriod: 60,
        ratePeriodStart: Date.UTC(2026, 0, 1) / 1000 + 180,
        ratePeriodStartMs: 180_000,
      },
    ]);
  });

  it("samples the series at the step, merging points past the limit", () => {
    const { series, summary } = run({
      arrivals: { count: 100 },
      flowControl: "rate=10, period=1m",
      endpoint: { duration: "1s" },
      output: { sampleEvery: "1m" },
    });
    expect(series.stepMs).toBe(60_000);
    expect(series.points.map((p) => p.calls)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
    expect(series.points.map((p) => p.waitListSize)).toEqual([90, 80, 70, 60, 50, 40, 30, 20, 10, 0]);
    expect(series.points.reduce((sum, p) => sum + p.calls, 0)).toBe(summary.attempts);
    const long = run({ arrivals: { count: 3000 }, flowControl: "parallelism=1", endpoint: { duration: "1s" } });
    expect(long.series.points.length).toBeLessThanOrEqual(2048);
    expect(long.series.stepMs).toBe(2000);
    expect(long.series.points.reduce((sum, p) => sum + p.calls, 0)).toBe(3000);
  });
});
