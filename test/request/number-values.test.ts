import { describe, expect, it } from "vitest";
import {
  buildPublishRequest,
  buildTriggerRequest,
  parseRequestHeaders,
  type BuildOptions,
  type RequestBuildResult,
} from "../../src/index.js";

/*
 * The numeric and duration options (src/request/values/numbers.ts):
 * retries, delay, timeout and notBefore, as sent and as refused.
 */

const url = "https://example.com/wf";
const NOW = 1_900_000_000_000;
const publish = (options: object, build: BuildOptions = {}): RequestBuildResult =>
  buildPublishRequest({ url, ...options }, { now: NOW, ...build });
const trigger = (options: object): RequestBuildResult => buildTriggerRequest({ url, ...options }, { now: NOW });
const only = (result: RequestBuildResult) => {
  expect(result.diagnostics).toHaveLength(1);
  return result.diagnostics[0];
};
const sent = (result: RequestBuildResult, header: string) => result.request?.headers[header];

describe("retries", () => {
  it("is a whole number from 0 to 1,000,000", () => {
    for (const bad of [-1, 1.5, "3", 1_000_001, Number.NaN]) {
      expect(only(publish({ retries: bad }))).toMatchObject({
        code: "invalid-retries",
        severity: "error",
        message: `\`retries\` must be a whole number from 0 to 1000000, not ${String(bad)}`,
        path: "retries",
      });
    }
    expect(sent(publish({ retries: 0 }), "Upstash-Retries")).toBe("0");
    expect(sent(publish({ retries: 1_000_000 }), "Upstash-Retries")).toBe("1000000");
  });

  it("a trigger leaves out the SDK's default 3; qstash-js always writes it", () => {
    expect(trigger({ retries: 3 }).request?.headers).not.toHaveProperty("Upstash-Retries");
    expect(sent(trigger({ retries: 4 }), "Upstash-Retries")).toBe("4");
    expect(sent(publish({ retries: 3 }), "Upstash-Retries")).toBe("3");
  });

  it("an incoming Upstash-Retries is digits up to 1,000,000", () => {
    const parse = (value: string) => parseRequestHeaders({ "upstash-retries": value }, { endpoint: "publish" });
    expect(parse("1000000").options.retries).toBe(1_000_000);
    expect(parse("0").options.retries).toBe(0);
    for (const bad of ["1000001", "-1", "1.5", "3 ", "abc", "12345678"]) {
      const result = parse(bad);
      expect(result.options).not.toHaveProperty("retries");
      expect(result.diagnostics).toEqual([
        {
          code: "invalid-header-value",
          severity: "error",
          message: `\`Upstash-Retries\` must be a whole number from 0 to 1000000, not \`${bad}\``,
          span: { start: 0, end: bad.length },
          path: "Upstash-Retries",
          input: bad,
        },
      ]);
    }
  });
});

describe("delay", () => {
  it("a number is seconds, rounded to whole seconds with a warning", () => {
    expect(sent(publish({ delay: 10 }), "Upstash-Delay")).toBe("10s");
    expect(sent(publish({ delay: 0 }), "Upstash-Delay")).toBe("0s");
    const rounded = publish({ delay: 1.5 });
    expect(sent(rounded, "Upstash-Delay")).toBe("2s");
    expect(rounded.diagnostics).toEqual([
      {
        code: "rounded-value",
        severity: "warning",
        message: "a numeric `delay` is whole seconds; 1.5 is sent as 2s",
        span: { start: 0, end: 3 },
        path: "delay",
        input: "1.5",
      },
    ]);
  });

  it("refuses a number the SDK cannot write, saying what it would send", () => {
    const message = (shown: string) =>
      `a numeric \`delay\` must be a finite, non-negative number of seconds that the SDK can write, not ${shown}`;
    expect(only(publish({ delay: -1 }))).toEqual({
      code: "invalid-delay",
      severity: "error",
      message: message("-1"),
      span: { start: 0, end: 2 },
      path: "delay",
      input: "-1",
      hint: "use 0 for no delay",
    });
    expect(only(publish({ delay: 1e21 }))).toMatchObject({
      code: "invalid-delay",
      message: message("1e+21"),
      hint: "the SDK would send `1e+21s`",
    });
    expect(only(publish({ delay: Number.NaN }))).toMatchObject({
      code: "invalid-delay",
      message: message("NaN"),
      hint: "the SDK would send `NaNs`",
    });
    expect(only(publish({ delay: Number.POSITIVE_INFINITY }))).toMatchObject({
      code: "invalid-delay",
      hint: "the SDK would send `Infinitys`",
    });
  });

  it("refuses what is neither a string nor a number", () => {
    expect(only(publish({ delay: true }))).toEqual({
      code: "invalid-delay",
      severity: "error",
      message: "`delay` must be a duration string such as `10s` or a number of seconds, not true",
      span: { start: 0, end: 4 },
      path: "delay",
      input: "true",
    });
  });

  it("a string is trimmed and sent as written, checked as the server parses it", () => {
    expect(sent(publish({ delay: "1d10h30m" }), "Upstash-Delay")).toBe("1d10h30m");
    const trimmed = publish({ delay: " 10s" });
    expect(sent(trimmed, "Upstash-Delay")).toBe("10s");
    expect(trimmed.diagnostics.map((d) => d.code)).toEqual(["header-value-trimmed"]);
    expect(only(publish({ delay: "10x" }))).toMatchObject({
      code: "unknown-unit",
      severity: "error",
      path: "delay",
      input: "10x",
      span: { start: 2, end: 3 },
    });
  });

  it("warns about a duration outside the documented form that the server's Go-style parser accepts", () => {
    const result = publish({ delay: "90ms" });
    expect(sent(result, "Upstash-Delay")).toBe("90ms");
    expect(result.diagnostics.filter((d) => d.code === "undocumented-duration")).toEqual([
      expect.objectContaining({
        severity: "warning",
        message: "`90ms` is not in the documented `<number><unit>` form (units s, m, h, d)",
        path: "delay",
        input: "90ms",
      }),
    ]);
    expect(result.diagnostics.find((d) => d.code === "undocumented-duration")?.hint).toMatch(
      /Go's time\.ParseDuration\); .+ is the documented spelling$/,
    );
    expect(result.ok).toBe(true);
  });

  it("is checked against the named plan, numbers and strings alike", () => {
    expect(only(publish({ delay: "8d" }, { plan: "free" }))).toMatchObject({
      code: "delay-over-plan-limit",
      severity: "error",
      message: "8d is longer than the free plan's maximum delay, 7d",
      span: { start: 0, end: 2 },
      path: "delay",
      input: "8d",
    });
    expect(only(publish({ delay: 700_000 }, { plan: "free" }))).toMatchObject({
      code: "delay-over-plan-limit",
      span: { start: 0, end: 7 },
      input: "700000s",
    });
    expect(sent(publish({ delay: "7d" }, { plan: "free" }), "Upstash-Delay")).toBe("7d");
    expect(sent(publish({ delay: "8d" }), "Upstash-Delay")).toBe("8d");
  });
});

describe("timeout", () => {
  it("a number is written unrounded, as qstash-js writes it", () => {
    const result = publish({ timeout: 1.5 });
    expect(sent(result, "Upstash-Timeout")).toBe("1.5s");
    // A fraction of a second is outside the documented form, which Upstash's parser still reads.
    expect(result.diagnostics.map((d) => d.code)).toEqual(["undocumented-duration"]);
    expect(sent(publish({ timeout: 30 }), "Upstash-Timeout")).toBe("30s");
  });

  it("is capped by the plan's maximum HTTP response duration", () => {
    expect(only(publish({ timeout: "16m" }, { plan: "free" }))).toEqual({
      code: "timeout-over-plan-limit",
      severity: "error",
      message: "16m is longer than the free plan's maximum HTTP response duration, 15m",
      span: { start: 0, end: 3 },
      path: "timeout",
      input: "16m",
      hint: "Upstash-Timeout can only shorten the plan's limit (upstash.com/pricing/qstash)",
    });
    expect(sent(publish({ timeout: "15m" }, { plan: "free" }), "Upstash-Timeout")).toBe("15m");
    expect(sent(publish({ timeout: "16m" }), "Upstash-Timeout")).toBe("16m");
    expect(only(publish({ timeout: "x" }, { plan: "free" }))?.path).toBe("timeout");
  });
});

describe("notBefore", () => {
  it("is Unix seconds from 0 to the last date JavaScript holds", () => {
    for (const bad of [-1, 8.64e12 + 1, Number.NaN, Number.POSITIVE_INFINITY, "1900000000"]) {
      expect(only(publish({ notBefore: bad }))).toMatchObject({
        code: "invalid-not-before",
        severity: "error",
        message: `\`notBefore\` must be a Unix time in seconds from 0 to 8640000000000 (the last date JavaScript can hold), not ${String(bad)}`,
        path: "notBefore",
        hint: "e.g. `Math.floor(Date.now() / 1000) + 60` for one minute from now",
      });
    }
    expect(sent(publish({ notBefore: 1_900_000_060 }), "Upstash-Not-Before")).toBe("1900000060");
  });

  it("rounds to whole seconds, with a warning", () => {
    const result = publish({ notBefore: 1_900_000_000.4 });
    expect(sent(result, "Upstash-Not-Before")).toBe("1900000000");
    expect(result.diagnostics).toEqual([
      {
        code: "rounded-value",
        severity: "warning",
        message: "`notBefore` is whole seconds; 1900000000.4 is sent as 1900000000",
        span: { start: 0, end: 12 },
        path: "notBefore",
        input: "1900000000.4",
      },
    ]);
  });

  it("warns when it looks like milliseconds (past the year 5138)", () => {
    expect(publish({ notBefore: 100_000_000_000 }).diagnostics).toEqual([]);
    expect(only(publish({ notBefore: 100_000_000_001 }))).toEqual({
      code: "not-before-in-milliseconds",
      severity: "warning",
      message: "`notBefore` 100000000001 is in the year 5138; it looks like milliseconds",
      span: { start: 0, end: 12 },
      path: "notBefore",
      input: "100000000001",
      hint: "Unix seconds: `100000000`",
    });
  });

  it("warns when it is before now", () => {
    expect(only(publish({ notBefore: 1000 }))).toEqual({
      code: "not-before-in-past",
      severity: "warning",
      message: "`notBefore` is 1970-01-01T00:16:40.000Z, before now; the message is delivered at once",
      span: { start: 0, end: 4 },
      path: "notBefore",
      input: "1000",
    });
    expect(publish({ notBefore: NOW / 1000 }).diagnostics).toEqual([]);
    expect(only(publish({ notBefore: NOW / 1000 - 1 }))?.code).toBe("not-before-in-past");
  });

  it("is checked against the plan's maximum delay from now", () => {
    const week = 7 * 86_400;
    expect(publish({ notBefore: NOW / 1000 + week }, { plan: "free" }).diagnostics).toEqual([]);
    expect(only(publish({ notBefore: NOW / 1000 + week + 1 }, { plan: "free" }))).toEqual({
      code: "delay-over-plan-limit",
      severity: "error",
      message: "7d1s is longer than the free plan's maximum delay, 7d",
      span: { start: 0, end: 10 },
      path: "notBefore",
      input: String(NOW / 1000 + week + 1),
      hint: "upgrade to pay-as-you-go for delays up to 1 year, or use a shorter delay",
    });
  });

  it("an incoming Upstash-Not-Before is digits up to the last JavaScript date", () => {
    const parse = (value: string) => parseRequestHeaders({ "upstash-not-before": value }, { endpoint: "publish" });
    expect(parse("8640000000000").options.notBefore).toBe(8.64e12);
    for (const bad of ["8640000000001", "-1", "1.5", "x", "12345678901234"]) {
      expect(parse(bad).diagnostics).toEqual([
        {
          code: "invalid-header-value",
          severity: "error",
          message: `\`Upstash-Not-Before\` must be Unix seconds, not \`${bad}\``,
          span: { start: 0, end: bad.length },
          path: "Upstash-Not-Before",
          input: bad,
        },
      ]);
    }
  });
});
