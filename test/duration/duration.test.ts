import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkDelayForPlan,
  DURATION_CODES,
  formatDuration,
  parseDuration,
  type DurationCode,
  type DurationOptions,
} from "../../src/index.js";
import { cpuTime } from "../support/cpu-time.js";

const ms = (text: string, options?: DurationOptions): number => {
  const parsed = parseDuration(text, options);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.value.ms;
};
const codeOf = (text: string, options?: DurationOptions) => parseDuration(text, options).diagnostics.map((d) => d.code);

describe("strict mode (the documented format)", () => {
  it.each([
    ["50s", 50_000],
    ["1d10h30m", 124_200_000],
    ["10h", 36_000_000],
    ["1d", 86_400_000],
    ["1d10m", 87_000_000],
    ["0s", 0],
    ["90s", 90_000],
    ["0001s", 1000],
  ])("%s = %d ms", (text, value) => {
    expect(ms(text)).toBe(value);
    expect(parseDuration(text).diagnostics).toEqual([]);
  });

  it("answers a bare number with the server's words and a fix", () => {
    const [d] = parseDuration("10").diagnostics;
    expect(d).toMatchObject({
      code: "missing-unit",
      message: 'time: missing unit in duration "10"',
      hint: "add a unit, e.g. `10s`",
      span: { start: 0, end: 2 },
    });
    expect(codeOf("0")).toEqual(["missing-unit"]);
  });

  it("warns on units out of order or repeated, and still adds them as Go does", () => {
    const outOfOrder = parseDuration("1m1h");
    expect(outOfOrder.ok && outOfOrder.value.ms).toBe(3_660_000);
    expect(outOfOrder.diagnostics).toEqual([
      expect.objectContaining({ code: "units-out-of-order", severity: "warning", span: { start: 2, end: 4 } }),
    ]);
    const repeated = parseDuration("1s1s");
    expect(repeated.ok && repeated.value.ms).toBe(2000);
    expect(repeated.diagnostics.map((d) => d.code)).toEqual(["repeated-unit"]);
  });

  it.each<[string, DurationCode, { start: number; end: number }, RegExp?]>([
    ["", "empty-duration", { start: 0, end: 0 }],
    ["1.5h", "fractional-value", { start: 0, end: 4 }, /write `1h30m`/],
    ["500ms", "unknown-unit", { start: 3, end: 5 }, /needs Go mode/],
    ["10sec", "unknown-unit", { start: 2, end: 5 }, /write `s`/],
    ["2 hours", "unexpected-character", { start: 1, end: 2 }, /remove the space/],
    ["2hours", "unknown-unit", { start: 1, end: 6 }, /write `h`/],
    ["1H", "unknown-unit", { start: 1, end: 2 }, /lowercase/],
    ["1w", "unknown-unit", { start: 1, end: 2 }, /7d/],
    ["-5s", "negative-duration", { start: 0, end: 1 }],
    ["+5s", "unexpected-character", { start: 0, end: 1 }],
    ["h", "missing-number", { start: 0, end: 0 }],
    ["1h30", "missing-unit", { start: 2, end: 4 }, /a unit after the last number/],
    ["1h,30m", "unexpected-character", { start: 2, end: 3 }],
    ["x".repeat(200), "duration-too-long", { start: 128, end: 200 }],
    ["1h 30m", "unexpected-character", { start: 2, end: 3 }],
    [".", "unexpected-character", { start: 0, end: 1 }],
    ["1h.", "unexpected-character", { start: 2, end: 3 }],
  ])("%j → %s", (text, code, span, hint) => {
    const result = parseDuration(text);
    expect(result.ok).toBe(false);
    const d = result.diagnostics.find((x) => x.code === code);
    expect(d?.span).toEqual(span);
    if (hint) expect(d?.hint).toMatch(hint);
  });
});

describe("Go mode (time.ParseDuration plus d)", () => {
  it.each([
    ["1.5h", 5_400_000],
    ["300ms", 300],
    ["1h2m3s4ms", 3_723_004],
    [".5s", 500],
    ["1.s", 1000],
    ["2us", 0],
    ["1500us", 1],
    ["1500µs", 1],
    ["1500μs", 1],
    ["0", 0],
    ["+5s", 5000],
    ["1.5d", 129_600_000],
  ])("%s = %d ms", (text, value) => {
    expect(ms(text, { mode: "go" })).toBe(value);
  });

  it("says when sub-millisecond parts are dropped", () => {
    const parsed = parseDuration("1500us", { mode: "go" });
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({
        code: "sub-millisecond",
        severity: "info",
        message: "500000 ns below one millisecond are dropped: the value is 1ms (1 ms)",
      }),
    ]);
  });

  it("accepts a sign only when asked to", () => {
    expect(codeOf("-5s", { mode: "go" })).toEqual(["negative-duration"]);
    expect(ms("-1.5s", { mode: "go", allowNegative: true })).toBe(-1500);
  });

  it("rejects overflow past Go's int64 nanoseconds", () => {
    expect(ms("2562047h", { mode: "go" })).toBe(2_562_047 * 3_600_000);
    expect(codeOf("2562048h", { mode: "go" })).toEqual(["duration-overflow"]);
    expect(codeOf("99999999999999999999999d")).toEqual(["duration-overflow"]);
  });

  it("rejects what Go rejects", () => {
    for (const text of [".", ".s", "1", "1x", "1.5", "--1s", "1s-", "s"]) expect(parseDuration(text, { mode: "go" }).ok, text).toBe(false);
  });
});

describe("bounds", () => {
  it("applies a context's maximum and minimum", () => {
    const week = { ms: 7 * 86_400_000, label: "the maximum period" };
    expect(parseDuration("7d", { max: week }).ok).toBe(true);
    expect(parseDuration("8d", { max: week }).diagnostics[0]).toMatchObject({
      code: "duration-too-large",
      message: "8d is longer than the maximum period, 7d",
    });
    expect(codeOf("0s", { min: { ms: 1000, label: "the minimum period" } })).toEqual(["duration-too-small"]);
  });

  it("rejects a 1 MB value quickly by the length limit", () => {
    const { value, ms } = cpuTime(() => codeOf("1s".repeat(500_000)));
    expect(value).toEqual(["duration-too-long"]);
    expect(ms).toBeLessThan(50);
  });

  it("checks plan limits", () => {
    expect(checkDelayForPlan(7 * 86_400_000, "free")).toEqual({ ok: true, value: 7 * 86_400_000, diagnostics: [] });
    const over = checkDelayForPlan(7 * 86_400_000 + 1000, "free", { start: 2, end: 9 });
    expect(over.ok).toBe(false);
    expect(over.diagnostics.map((d) => [d.code, d.severity, d.span])).toEqual([["delay-over-plan-limit", "error", { start: 2, end: 9 }]]);
    expect(checkDelayForPlan(365 * 86_400_000, "pay-as-you-go").ok).toBe(true);
    expect(checkDelayForPlan(366 * 86_400_000, "pay-as-you-go").diagnostics[0]?.message).toBe(
      "366d is longer than the pay-as-you-go plan's maximum delay, 365d",
    );
    expect(checkDelayForPlan(10_000 * 86_400_000, "fixed")).toEqual({ ok: true, value: 10_000 * 86_400_000, diagnostics: [] });
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0s"],
    [12_000, "12s"],
    [148_000, "2m28s"],
    [1_808_000, "30m8s"],
    [22_026_000, "6h7m6s"],
    [86_400_000, "1d"],
    [124_200_000, "1d10h30m"],
    [1500, "1s500ms"],
    [-60_000, "-1m"],
    [1.9, "1ms"],
    [Number.NaN, "NaN"],
  ])("%d → %s", (value, text) => {
    expect(formatDuration(value)).toBe(text);
  });

  // Go's limit, 2^63-1 ns, is 9223372036854 ms; beyond it a duration overflows.
  const maxMs = 9_223_372_036_854;

  it("round-trips every whole number of seconds up to Go's limit: parse(format(ms)) === ms", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0, max: Math.floor(maxMs / 1000) }),
          fc.constantFrom(0, 1, 59, 60, 3599, 86_399, 86_400, Math.floor(maxMs / 1000)),
        ),
        (seconds) => {
          const parsed = parseDuration(formatDuration(seconds * 1000));
          expect(parsed.ok && parsed.value.ms).toBe(seconds * 1000);
          expect(parsed.diagnostics).toEqual([]);
        },
      ),
    );
  });

  it("round-trips whole milliseconds in Go mode", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: maxMs }), (value) => {
        const parsed = parseDuration(formatDuration(value), { mode: "go" });
        expect(parsed.ok && parsed.value.ms).toBe(value);
      }),
    );
    expect(parseDuration(formatDuration(maxMs + 1), { mode: "go" }).diagnostics[0]?.code).toBe("duration-overflow");
  });
});

describe("never throws", () => {
  const soup = fc
    .array(
      fc.constantFrom(
        "1",
        "0",
        ".",
        "5",
        "s",
        "m",
        "h",
        "d",
        "ms",
        "us",
        "µs",
        "ns",
        "-",
        "+",
        " ",
        "x",
        "H",
        "99999999999",
        "é",
        "\u0000",
      ),
      { maxLength: 20 },
    )
    .map((p) => p.join(""));
  it("on random strings, in both modes, with spans inside the text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), soup), fc.constantFrom<DurationOptions["mode"]>("strict", "go"), (text, mode) => {
        const result = parseDuration(text, { mode: mode ?? "strict" });
        for (const d of result.diagnostics) {
          expect(d.span.start).toBeGreaterThanOrEqual(0);
          expect(d.span.end).toBeLessThanOrEqual(text.length);
          expect(Object.keys(DURATION_CODES)).toContain(d.code);
        }
        if (result.ok) expect(Number.isInteger(result.value.ms)).toBe(true);
      }),
    );
  });
});
