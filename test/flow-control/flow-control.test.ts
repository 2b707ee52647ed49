import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkFlowControl,
  checkFlowControlKey,
  describeFlowControl,
  FLOW_CONTROL_CODES,
  formatFlowControlValue,
  MISSING_LIMIT_MESSAGE,
  parseFlowControlValue,
  RetryDelayError,
  type FlowControlCode,
} from "../../src/index.js";

describe("parseFlowControlValue", () => {
  it.each([
    ["parallelism=5, rate=10, period=1m", { parallelism: 5, rate: 10, periodMs: 60_000, periodGiven: true }],
    ["rate=10,parallelism=20,period=1m", { parallelism: 20, rate: 10, periodMs: 60_000, periodGiven: true }],
    ["rate=10", { rate: 10, periodMs: 1000, periodGiven: false }],
    ["parallelism=1", { parallelism: 1, periodMs: 1000, periodGiven: false }],
    ["period=30, rate=3", { rate: 3, periodMs: 30_000, periodGiven: true }],
    ["  rate=3 ,  period=1h30m  ", { rate: 3, periodMs: 5_400_000, periodGiven: true }],
    ["rate=1, period=7d", { rate: 1, periodMs: 604_800_000, periodGiven: true }],
  ])("%s", (text, value) => {
    const parsed = parseFlowControlValue(text);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.ok && parsed.value).toEqual(value);
  });

  it("uses the server's wording when neither limit is given", () => {
    const [d] = parseFlowControlValue("period=1m").diagnostics;
    expect(d).toMatchObject({ code: "missing-limit", message: MISSING_LIMIT_MESSAGE, span: { start: 0, end: 9 } });
  });

  it.each<[string, FlowControlCode, { start: number; end: number }, RegExp?]>([
    ["", "empty-value", { start: 0, end: 0 }],
    ["rate=10,", "empty-item", { start: 8, end: 8 }],
    ["rate=10,,parallelism=2", "empty-item", { start: 8, end: 8 }],
    ["rate", "missing-equals", { start: 0, end: 4 }, /rate=10/],
    ["Rate=10", "unknown-key", { start: 0, end: 4 }, /did you mean `rate`\?/],
    ["paralellism=3", "unknown-key", { start: 0, end: 11 }, /did you mean `parallelism`\?/],
    ["concurrency=3, rate=1", "unknown-key", { start: 0, end: 11 }, /the keys are/],
    ["rate=1, rate=2", "repeated-key", { start: 8, end: 12 }],
    ["rate=0", "invalid-count", { start: 5, end: 6 }, /unlimited/],
    ["rate=1.5", "invalid-count", { start: 5, end: 8 }, /rate=1/],
    ["rate=-1", "invalid-count", { start: 5, end: 7 }],
    ["rate=abc", "invalid-count", { start: 5, end: 8 }],
    ["rate=", "invalid-count", { start: 5, end: 5 }],
    ["parallelism=99999999999", "invalid-count", { start: 12, end: 23 }],
    ["rate=1, period=8d", "invalid-period", { start: 15, end: 17 }, /7d/],
    ["rate=1, period=0", "invalid-period", { start: 15, end: 16 }, /1s default/],
    ["rate=1, period=1.5m", "invalid-period", { start: 15, end: 19 }, /1m30s/],
    ["rate=1, period=500ms", "invalid-period", { start: 15, end: 20 }],
    ["rate=1, period=604801", "invalid-period", { start: 15, end: 21 }],
    ["rate = 10", "spaces-around-equals", { start: 0, end: 9 }, /rate=10/],
    ["x".repeat(300), "value-too-long", { start: 256, end: 300 }],
  ])("%j → %s", (text, code, span, hint) => {
    const d = parseFlowControlValue(text).diagnostics.find((x) => x.code === code);
    expect(d, JSON.stringify(parseFlowControlValue(text).diagnostics)).toBeDefined();
    expect(d?.span).toEqual(span);
    expect(d?.severity).toBe(FLOW_CONTROL_CODES[code].severity);
    if (hint) expect(d?.hint).toMatch(hint);
  });

  it("accepts spaces around = with a warning only", () => {
    const parsed = parseFlowControlValue("rate = 10");
    expect(parsed.ok && parsed.value.rate).toBe(10);
  });

  it("never throws, and keeps spans inside the text", () => {
    const soup = fc
      .array(
        fc.constantFrom("rate", "parallelism", "period", "=", ",", " ", "1", "0", "10", "1m", "7d", "x", "-", ".", "Rate", "__proto__"),
        { maxLength: 16 },
      )
      .map((p) => p.join(""));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), soup), (text) => {
        for (const d of parseFlowControlValue(text).diagnostics) {
          expect(d.span.start).toBeGreaterThanOrEqual(0);
          expect(d.span.end).toBeLessThanOrEqual(text.length);
        }
      }),
    );
  });
});

describe("formatFlowControlValue", () => {
  it("writes exactly what the SDK writes", () => {
    expect(formatFlowControlValue({ parallelism: 5, rate: 10, period: "1m" })).toBe("parallelism=5, rate=10, period=1m");
    expect(formatFlowControlValue({ rate: 10, parallelism: 5, period: "1m", key: "k" })).toBe("parallelism=5, rate=10, period=1m");
    expect(formatFlowControlValue({ parallelism: 2, period: 30 })).toBe("parallelism=2, period=30s");
    expect(formatFlowControlValue({ rate: 3 })).toBe("rate=3");
  });

  it("throws RetryDelayError for invalid options", () => {
    expect(() => formatFlowControlValue({ period: "1m" })).toThrowError(RetryDelayError);
    expect(() => formatFlowControlValue({ rate: 1.5 })).toThrowError(/positive whole number/);
    expect(() => formatFlowControlValue({ rate: 1, period: "8d" })).toThrowError(/at most 1 week/);
    expect(() => formatFlowControlValue({})).toThrowError(RetryDelayError);
  });

  it("round-trips: parse(format(options)) gives the options back", () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 1, max: 2_147_483_647 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 2_147_483_647 }), { nil: undefined }),
        fc.option(fc.oneof(fc.integer({ min: 1, max: 604_800 }), fc.constantFrom("1s", "1m", "1h", "7d", "1d12h")), { nil: undefined }),
        (parallelism, rate, period) => {
          fc.pre(parallelism !== undefined || rate !== undefined);
          const options = {
            ...(parallelism === undefined ? {} : { parallelism }),
            ...(rate === undefined ? {} : { rate }),
            ...(period === undefined ? {} : { period }),
          };
          const parsed = parseFlowControlValue(formatFlowControlValue(options));
          expect(parsed.ok).toBe(true);
          if (parsed.ok) {
            expect(parsed.value.parallelism).toBe(parallelism);
            expect(parsed.value.rate).toBe(rate);
            if (typeof period === "number") expect(parsed.value.periodMs).toBe(period * 1000);
          }
        },
      ),
    );
  });
});

describe("checkFlowControl", () => {
  it("warns that flow control without a key is dropped, as the SDK does", () => {
    expect(checkFlowControl({ rate: 1 }).map((d) => d.code)).toEqual(["missing-key"]);
    expect(checkFlowControl({ key: "k", rate: 1 })).toEqual([]);
  });
});

describe("checkFlowControlKey", () => {
  it.each(["user-42", "tenant_acme.queue-1", "A", "0"])("accepts %j", (key) => {
    expect(checkFlowControlKey(key)).toEqual([]);
  });

  it.each<[string, { start: number; end: number }, RegExp?]>([
    ["", { start: 0, end: 0 }],
    ["user:42", { start: 4, end: 5 }, /`user-42`/],
    ["a b", { start: 1, end: 2 }],
    ["ключ", { start: 0, end: 1 }],
    ["k😀", { start: 1, end: 3 }],
    ["a\nb", { start: 1, end: 2 }],
    ["k".repeat(600), { start: 512, end: 600 }],
  ])("%j → invalid-key", (key, span, hint) => {
    const [d] = checkFlowControlKey(key);
    expect(d?.code).toBe("invalid-key");
    expect(d?.span).toEqual(span);
    if (hint) expect(d?.hint).toMatch(hint);
  });
});

describe("describeFlowControl", () => {
  it("reads the value in plain English", () => {
    expect(describeFlowControl({ parallelism: 5, rate: 10, periodMs: 60_000, periodGiven: true })).toBe(
      "at most 5 calls in flight at once; at most 10 calls started per 1m",
    );
    expect(describeFlowControl({ rate: 1, periodMs: 1000, periodGiven: false })).toBe("at most 1 call started per 1s (the default period)");
    expect(describeFlowControl({ parallelism: 2, periodMs: 60_000, periodGiven: true })).toBe(
      "at most 2 calls in flight at once; the period (1m) has no effect without `rate`",
    );
  });
});
