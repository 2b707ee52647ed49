import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRetryAfter, readRetryAfter } from "../../src/index.js";

const now = Date.UTC(2026, 9, 21, 7, 27, 0);
const ok = (value: string) => {
  const result = parseRetryAfter(value, { now });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.value;
};

describe("parseRetryAfter", () => {
  it.each([
    ["30", { kind: "delay", ms: 30_000, form: "seconds" }],
    ["0", { kind: "delay", ms: 0, form: "seconds" }],
    [" 120 ", { kind: "delay", ms: 120_000, form: "seconds" }],
    ["1.5", { kind: "delay", ms: 1500, form: "seconds" }],
    ["86400", { kind: "delay", ms: 86_400_000, form: "seconds" }],
    ["86401", { kind: "ignore", ms: 86_401_000, form: "seconds" }],
    ["1m30s", { kind: "delay", ms: 90_000, form: "duration" }],
    ["6m0s", { kind: "delay", ms: 360_000, form: "duration" }],
    ["250ms", { kind: "delay", ms: 250, form: "duration" }],
    ["1.5h", { kind: "delay", ms: 5_400_000, form: "duration" }],
    ["25h", { kind: "ignore", ms: 90_000_000, form: "duration" }],
    ["Wed, 21 Oct 2026 07:28:00 GMT", { kind: "delay", ms: 60_000, form: "date" }],
    ["Wed, 21 Oct 2026 07:00:00 GMT", { kind: "delay", ms: 0, form: "date" }],
    ["Fri, 23 Oct 2026 07:27:00 GMT", { kind: "ignore", ms: 172_800_000, form: "date" }],
  ])("%j", (value, expected) => {
    expect(ok(value)).toEqual(expected);
  });

  it("notes a Unix timestamp read as seconds, which Upstash then ignores", () => {
    const result = parseRetryAfter("1792000000", { now });
    expect(result.ok && result.value.kind).toBe("ignore");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["retry-after-timestamp", "retry-after-ignored"]);
  });

  it.each([
    ["", "empty-retry-after"],
    ["soon", "invalid-retry-after"],
    ["-5", "invalid-retry-after"],
    ["1d", "invalid-retry-after"],
    ["Wed, 32 Oct 2026 07:28:00 GMT", "invalid-retry-after"],
    ["21 Oct 2026 07:28:00 GMT", "invalid-retry-after"],
    ["1".repeat(1_000_000), "retry-after-too-long"],
  ])("%j → %s", (value, code) => {
    const result = parseRetryAfter(value, { now });
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]?.code).toBe(code);
  });

  it("never throws, and keeps spans inside the value", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
        ),
        (value) => {
          for (const d of parseRetryAfter(value, { now }).diagnostics) {
            expect(d.span.start).toBeGreaterThanOrEqual(0);
            expect(d.span.end).toBeLessThanOrEqual(value.length);
          }
        },
      ),
    );
  });

  it("reads every date that toUTCString writes", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(2000, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }), (date) => {
        const result = parseRetryAfter(date.toUTCString(), { now });
        expect(result.ok).toBe(true);
        const expected = Math.max(0, Math.floor(date.getTime() / 1000) * 1000 - now);
        if (result.ok) expect(result.value.ms).toBe(expected);
      }),
    );
  });
});

describe("readRetryAfter", () => {
  it("takes Retry-After first, then the rate-limit headers in order", () => {
    expect(readRetryAfter(new Headers({ "retry-after": "5", "x-ratelimit-reset": "9" }))?.header).toBe("Retry-After");
    expect(readRetryAfter(new Headers({ "x-ratelimit-reset-tokens": "1s", "x-ratelimit-reset-requests": "2s" }))?.header).toBe(
      "X-RateLimit-Reset-Requests",
    );
    expect(readRetryAfter(new Headers({}))).toBeUndefined();
  });
});
