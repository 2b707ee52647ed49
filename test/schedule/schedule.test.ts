import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compile,
  defaultBackoffDelay,
  formatDuration,
  normalizeDelay,
  printExpression,
  simulateSchedule,
  type ScheduleOptions,
} from "../../src/index.js";
import { arbitraryExpression } from "../support/ast.js";

const start = Date.UTC(2026, 10, 23, 8, 0, 0);
function simulate(options: ScheduleOptions) {
  const result = simulateSchedule({ start, ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.value;
}

describe("the default backoff", () => {
  it("reproduces Upstash's documented table: 12s, 2m28s, 30m8s, 6h7m6s, 24h, 24h", () => {
    const schedule = simulate({ retries: 6 });
    expect(schedule.entries.slice(1).map((e) => formatDuration(e.delayMs))).toEqual(["12s", "2m28s", "30m8s", "6h7m6s", "1d", "1d"]);
    expect(schedule.entries.slice(1).map((e) => e.delayMs)).toEqual([12_000, 148_000, 1_808_000, 22_026_000, 86_400_000, 86_400_000]);
    expect(schedule.entries.every((e) => e.source === "trigger" || e.source === "default-backoff")).toBe(true);
    expect([0, 1, 2].map(defaultBackoffDelay)).toEqual([12_000, 148_000, 1_808_000]);
  });
});

describe("documented examples", () => {
  it.each([
    ["1000", [1000, 1000, 1000, 1000, 1000]],
    ["1000 * (1 + retried)", [1000, 2000, 3000, 4000, 5000]],
    ["pow(2, retried) * 1000", [1000, 2000, 4000, 8000, 16000]],
    ["max(1000, pow(2, retried) * 100)", [1000, 1000, 1000, 1000, 1600]],
  ])("%s", (retryDelay, delays) => {
    const schedule = simulate({ retryDelay, retries: 5 });
    expect(schedule.entries.map((e) => e.attempt)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(schedule.entries.map((e) => e.retried)).toEqual([undefined, 0, 1, 2, 3, 4]);
    expect(schedule.entries.slice(1).map((e) => e.delayMs)).toEqual(delays);
    let cumulative = 0;
    for (const entry of schedule.entries) {
      cumulative += entry.delayMs;
      expect(entry.cumulativeMs).toBe(cumulative);
      expect(entry.at).toBe(start + cumulative);
    }
  });

  it("summarizes: total span, longest gap, last attempt", () => {
    const { summary } = simulate({ retryDelay: "pow(2, retried) * 1000", retries: 5 });
    expect(summary).toEqual({
      attempts: 6,
      totalSpanMs: 31_000,
      longestGapMs: 16_000,
      longestGapBefore: 6,
      lastAttemptAt: start + 31_000,
      endedBy: "retries-exhausted",
    });
  });
});

describe("explain", () => {
  it.each<[string | undefined, number, string]>([
    ["pow(2, retried) * 1000", 5, "doubles every retry, starting at 1s; 5 retries over 31s"],
    [
      "min(3600000, pow(2, retried) * 1000)",
      15,
      "doubles every retry, starting at 1s, capped at 1h from retry 13; 15 retries over 4h8m15s",
    ],
    ["1000 * (1 + retried)", 4, "grows by 1s every retry, starting at 1s; 4 retries over 10s"],
    ["max(1000, pow(2, retried) * 100)", 8, "1s for the first 4 retries, then doubles every retry from 1s600ms; 8 retries over 28s"],
    ["1000", 3, "a fixed delay of 1s; 3 retries over 3s"],
    ["pow(3, retried) * 1000", 3, "triples every retry, starting at 1s; 3 retries over 13s"],
    ["pow(2, retried) * 1000", 2, "1s, then 2s; 2 retries over 3s"],
    ["1000", 0, "no retries"],
    [undefined, 6, "grows about ×12.3 every retry, starting at 12s, capped at 1d from retry 5; 6 retries over 2d6h39m54s"],
    ["sqrt(retried - 1) * 1000", 3, "varies between 0s and 12s; 3 retries over 13s; 1 delay normalized (non-finite)"],
  ])("%s × %d", (retryDelay, retries, text) => {
    expect(simulate({ ...(retryDelay === undefined ? {} : { retryDelay }), retries }).explanation).toBe(text);
  });

  it("never claims a pattern it did not see", () => {
    // 1, 2, 4 then 7: not doubling, not linear.
    expect(simulate({ retryDelay: "(retried * retried + retried + 2) * 500", retries: 4 }).explanation).toBe(
      "grows every retry, starting at 1s; 4 retries over 14s",
    );
  });
});

describe("normalization", () => {
  it("clamps negatives to 0, truncates fractions, and replaces non-finite values with the default backoff", () => {
    expect(normalizeDelay(-5, 0)).toEqual({ ms: 0, reason: "negative" });
    expect(normalizeDelay(1500.7, 0)).toEqual({ ms: 1500, reason: "fraction" });
    expect(normalizeDelay(Number.NaN, 1)).toEqual({ ms: 148_000, reason: "non-finite" });
    expect(normalizeDelay(Infinity, 0)).toEqual({ ms: 12_000, reason: "non-finite" });
    expect(normalizeDelay(-0, 0)).toEqual({ ms: 0, reason: "" });
    expect(normalizeDelay(2000, 0)).toEqual({ ms: 2000, reason: "" });
  });

  it("is configurable", () => {
    expect(normalizeDelay(1500.5, 0, { fraction: "round" }).ms).toBe(1501);
    expect(normalizeDelay(1500.1, 0, { fraction: "ceil" }).ms).toBe(1501);
    expect(normalizeDelay(Number.NaN, 0, { fallback: 5000 }).ms).toBe(5000);
    expect(normalizeDelay(-1, 3, { negative: "fallback" })).toEqual({ ms: 22_026_000, reason: "negative" });
  });

  it("marks every entry it changed, with the raw value", () => {
    const { entries } = simulate({ retryDelay: "1000 - 600 * retried + 0.5", retries: 3 });
    expect(entries.slice(1).map((e) => [e.delayMs, e.normalized, e.normalizedBecause, e.rawDelayMs])).toEqual([
      [1000, true, "fraction", 1000.5],
      [400, true, "fraction", 400.5],
      [0, true, "negative", -199.5],
    ]);
    const nan = simulate({ retryDelay: "sqrt(retried - 1) * 1000", retries: 2 }).entries[1];
    expect(nan).toMatchObject({ delayMs: 12_000, normalized: true, normalizedBecause: "non-finite", source: "fallback" });
    expect(nan?.rawDelayMs).toBeNaN();
  });
});

describe("delay and notBefore", () => {
  it("delays the first delivery by a duration or a number of seconds", () => {
    expect(simulate({ delay: "1m30s", retryDelay: "1000", retries: 1 }).entries.map((e) => e.cumulativeMs)).toEqual([90_000, 91_000]);
    expect(simulate({ delay: 10, retryDelay: "1000", retries: 1 }).entries[0]?.delayMs).toBe(10_000);
  });

  it("lets notBefore take precedence, with a warning", () => {
    const result = simulateSchedule({ start, delay: "1h", notBefore: start / 1000 + 120, retryDelay: "1000", retries: 1 });
    expect(result.ok && result.value.entries[0]?.delayMs).toBe(120_000);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["not-before-overrides-delay"]);
  });

  it("delivers at once when notBefore has passed", () => {
    expect(simulate({ notBefore: start / 1000 - 60, retries: 0 }).entries[0]?.delayMs).toBe(0);
  });
});

describe("Retry-After", () => {
  it("uses the destination's Retry-After for the next delay", () => {
    const { entries } = simulate({ retryDelay: "pow(2, retried) * 1000", retries: 3, responses: [{ attempt: 2, retryAfter: "30" }] });
    expect(entries.map((e) => [e.delayMs, e.source])).toEqual([
      [0, "trigger"],
      [1000, "expression"],
      [30_000, "retry-after"],
      [4000, "expression"],
    ]);
  });

  it("ignores a Retry-After over 1 day, and applies the normal backoff", () => {
    const result = simulateSchedule({ start, retryDelay: "1000", retries: 1, responses: [{ attempt: 1, retryAfter: "172800" }] });
    expect(result.ok && result.value.entries[1]?.source).toBe("expression");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["retry-after-ignored"]);
  });

  it("reads a Retry-After date relative to the failed attempt", () => {
    const at = new Date(start + 1000 + 45_000).toUTCString();
    const { entries } = simulate({ retryDelay: "1000", retries: 2, responses: [{ attempt: 2, retryAfter: at }] });
    expect(entries[2]?.delayMs).toBe(45_000);
  });

  it("stops on success or a non-retryable error", () => {
    expect(simulate({ retries: 5, responses: [{ attempt: 2, outcome: "success" }] }).summary).toMatchObject({
      attempts: 2,
      endedBy: "success",
    });
    expect(simulate({ retries: 5, responses: [{ attempt: 1, outcome: "non-retryable" }] }).summary).toMatchObject({
      attempts: 1,
      endedBy: "non-retryable",
    });
  });
});

describe("invalid input", () => {
  it.each<[ScheduleOptions, string, string]>([
    [{ retries: -1 }, "retries", "invalid-retries"],
    [{ retries: 5000 }, "retries", "invalid-retries"],
    [{ retryDelay: "Pow(2, retried)" }, "retryDelay", "unknown-function"],
    [{ delay: "10" }, "delay", "missing-unit"],
    [{ delay: -1 }, "delay", "invalid-delay"],
    [{ notBefore: Number.NaN }, "notBefore", "invalid-not-before"],
    [{ start: Number.NaN }, "start", "invalid-start"],
    [{ normalization: { fallback: -5 } }, "normalization.fallback", "invalid-option"],
    [{ responses: [{ attempt: 0 }] }, "responses[0]", "invalid-option"],
  ])("%j", (options, path, code) => {
    const result = simulateSchedule({ start, ...options });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.path, d.code])).toContainEqual([path, code]);
  });
});

describe("properties", () => {
  it("for any valid expression, cumulative times never decrease and each delay is the normalized compiled value", () => {
    fc.assert(
      fc.property(arbitraryExpression, fc.integer({ min: 0, max: 12 }), (tree, retries) => {
        const source = printExpression(tree);
        const result = simulateSchedule({ retryDelay: source, retries, start });
        if (!result.ok) return; // constant division by zero
        const delay = compile(source, { retries: 0 });
        let previous = -Infinity;
        for (const entry of result.value.entries) {
          expect(entry.cumulativeMs).toBeGreaterThanOrEqual(previous);
          previous = entry.cumulativeMs;
          if (entry.retried !== undefined) expect(entry.delayMs).toBe(normalizeDelay(delay(entry.retried), entry.retried).ms);
          expect(Number.isInteger(entry.delayMs) && entry.delayMs >= 0).toBe(true);
        }
      }),
    );
  });
});

describe("times beyond the range of JavaScript dates", () => {
  it.each([
    [{ retryDelay: "1e40", retries: 3 }, "retryDelay"],
    [{ retryDelay: "pow(10, retried * 100)", retries: 3 }, "retryDelay"],
    [{ retryDelay: "1000", retries: 1, start: 8.64e15 }, "retryDelay"],
    [{ retries: 1, delay: 1e300 }, "delay"],
  ])("%j is refused with schedule-out-of-range, never an invalid Date", (options, path) => {
    const result = simulateSchedule({ start, ...options });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.path, d.code])).toContainEqual([path, "schedule-out-of-range"]);
  });

  it("refuses a start outside the range, a fake Date and a revoked Proxy", () => {
    const revoked = Proxy.revocable(new Date(0), {});
    revoked.revoke();
    for (const bad of [8.64e15 + 1, Object.create(Date.prototype) as Date, new Date(Number.NaN), revoked.proxy]) {
      expect(simulateSchedule({ retries: 1, start: bad }).diagnostics.map((d) => d.code)).toEqual(["invalid-start"]);
    }
    expect(simulateSchedule({ retries: 1, start: new Date(8.64e15 - 10_000), retryDelay: "1000" }).ok).toBe(true);
  });

  it("turns a delay function that throws into a diagnostic", () => {
    const throwing = Object.assign(
      () => {
        throw new TypeError("boom");
      },
      { source: "custom" },
    );
    const result = simulateSchedule({ retries: 1, start, retryDelay: throwing as never });
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]?.message).toContain("boom");
  });
});
