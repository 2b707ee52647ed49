import { describe, expect, it } from "vitest";
import {
  buildPublishRequest,
  buildTriggerRequest,
  describeFlowControl,
  FLOW_CONTROL_LIMITS,
  parseFlowControlValue,
  parseRequestHeaders,
  RetryDelayError,
} from "../../src/index.js";

/*
 * Exact words, spans and paths of the flow-control diagnostics and of the
 * request builder's `flowControl` row, so that a changed bound, message or
 * mapping fails a test (the suite is mutation-tested).
 */

const only = (text: string) => {
  const { diagnostics } = parseFlowControlValue(text);
  expect(diagnostics).toHaveLength(1);
  const [d] = diagnostics;
  return { code: d?.code, message: d?.message, span: d?.span, hint: d?.hint };
};

describe("the value's own limits", () => {
  it("refuses a value one character over the limit, and parses one at it", () => {
    const at = `${" ".repeat(FLOW_CONTROL_LIMITS.maxValueLength - 6)}rate=1`;
    expect(at).toHaveLength(256);
    expect(parseFlowControlValue(at).ok).toBe(true);
    expect(only(`${at} `)).toEqual({
      code: "value-too-long",
      message: "the value is 257 characters long; the limit is 256",
      span: { start: 256, end: 257 },
      hint: undefined,
    });
  });

  it("names a control character by its code point, and points at it", () => {
    expect(only("rate=1\u0000")).toEqual({
      code: "invalid-character",
      message: "the value holds U+0000, a control character",
      span: { start: 6, end: 7 },
      hint: "header values cannot carry line breaks or control characters; remove it",
    });
    expect(only("rate=1,\nperiod=1m").span).toEqual({ start: 7, end: 8 });
    expect(only("rate=1\u2028").message).toBe("the value holds U+2028, a control character");
    // A tab is the one control character HTTP allows, as whitespace.
    expect(parseFlowControlValue("rate=1,\tperiod=1m").diagnostics).toEqual([]);
  });

  it("says what to write in a blank value", () => {
    expect(only("   ")).toEqual({
      code: "empty-value",
      message: "the flow-control value is empty",
      span: { start: 0, end: 3 },
      hint: "write e.g. `parallelism=5, rate=10, period=1m`",
    });
  });
});

describe("counts", () => {
  it.each([
    ["rate=0", "`rate` must be at least 1", "remove `rate` to leave it unlimited; 0 would allow no calls"],
    ["parallelism=0", "`parallelism` must be at least 1", "remove `parallelism` to leave it unlimited; 0 would allow no calls"],
    ["rate=2147483648", "`rate` must be at most 2147483647", "`rate` is the number of calls started per period"],
    ["parallelism=2147483648", "`parallelism` must be at most 2147483647", "`parallelism` is the number of calls in flight at once"],
    ["rate=1.5", "`rate` must be a positive whole number, not `1.5`", "write a whole number, e.g. `rate=1`"],
    ["rate=0.5", "`rate` must be a positive whole number, not `0.5`", "write a whole number, e.g. `rate=1`"],
    ["parallelism=7.9", "`parallelism` must be a positive whole number, not `7.9`", "write a whole number, e.g. `parallelism=7`"],
    ["rate=", "`rate` must be a positive whole number, not ``", "write a number, e.g. `rate=10`"],
    ["parallelism=", "`parallelism` must be a positive whole number, not ``", "write a number, e.g. `parallelism=5`"],
    ["rate=ten", "`rate` must be a positive whole number, not `ten`", "`rate` is the number of calls started per period, a whole number"],
  ])("%j", (text, message, hint) => {
    expect(only(text)).toMatchObject({ code: "invalid-count", message, hint });
  });

  it("accepts both bounds", () => {
    expect(parseFlowControlValue("parallelism=1, rate=2147483647").ok).toBe(true);
  });
});

describe("periods", () => {
  it.each([
    ["rate=1, period=0", "`period` must be at least 1s, not 0s", "remove `period` for the 1s default"],
    ["rate=1, period=604801", "`period` may be at most 1 week (7d), not 7d1s", "use `period=7d` or less"],
    ["rate=1, period=168h1s", "`period` may be at most 1 week (7d), not 7d1s", "use `period=7d` or less"],
  ])("%j", (text, message, hint) => {
    expect(only(text)).toMatchObject({ code: "invalid-period", message, hint });
  });

  it("passes the duration parser's reason and hint through", () => {
    const d = only("rate=1, period=1x");
    expect(d.code).toBe("invalid-period");
    expect(d.message).toMatch(/^`period` must be a duration such as `1m` or a number of seconds: /);
    expect(d.span).toEqual({ start: 15, end: 17 });
  });

  it("accepts both bounds, as seconds and as durations", () => {
    for (const text of ["rate=1, period=1", "rate=1, period=1s", "rate=1, period=604800", "rate=1, period=7d", "rate=1, period=168h"])
      expect(parseFlowControlValue(text).diagnostics).toEqual([]);
  });
});

describe("item shapes", () => {
  it("missing-equals suggests the nearest key with its example, or rate", () => {
    expect(only("rate").hint).toBe("write e.g. `rate=10`");
    expect(only("parallelism").hint).toBe("write e.g. `parallelism=5`");
    expect(only("rate=1, period").hint).toBe("write e.g. `period=1m`");
    expect(only("burst").hint).toBe("write e.g. `rate=10`");
    expect(only("burst").message).toBe("expected `key=value`, found `burst`");
  });

  it("an unknown key or a bare word stands in for the missing limit", () => {
    expect(parseFlowControlValue("concurrency=3").diagnostics.map((d) => d.code)).toEqual(["unknown-key"]);
    expect(parseFlowControlValue("period=1m, burst").diagnostics.map((d) => d.code)).toEqual(["missing-equals"]);
    expect(parseFlowControlValue("period=1m,").diagnostics.map((d) => d.code)).toEqual(["empty-item", "missing-limit"]);
  });

  it("missing-limit spans the value and names both counts", () => {
    expect(only("period=1m")).toMatchObject({
      span: { start: 0, end: 9 },
      hint: "add `parallelism=<calls in flight at once>`, `rate=<calls started per period>`, or both",
    });
  });
});

describe("describeFlowControl", () => {
  it("reads each count, singular and plural, and the period or its default", () => {
    expect(describeFlowControl({ parallelism: 1, rate: 2, periodMs: 90_000, periodGiven: true })).toBe(
      "at most 1 call in flight at once; at most 2 calls started per 1m30s",
    );
    expect(describeFlowControl({ parallelism: 3, periodMs: 1000, periodGiven: false })).toBe("at most 3 calls in flight at once");
    expect(describeFlowControl({ parallelism: 3, periodMs: 1000, periodGiven: true })).toBe(
      "at most 3 calls in flight at once; the period (1s) has no effect without `rate`",
    );
    expect(describeFlowControl({ rate: 5, periodMs: 1000 } as never)).toBe("at most 5 calls started per 1s (the default period)");
    expect(() => describeFlowControl({ rate: "5", periodMs: 1000, periodGiven: false } as never)).toThrow(RetryDelayError);
  });
});

describe("the request builders' flowControl row", () => {
  const url = "https://example.com/hook";
  const rows = (flowControl: unknown) =>
    buildPublishRequest({ url, flowControl } as never).diagnostics.map((d) => ({
      path: d.path,
      code: d.code,
      message: d.message,
      hint: d.hint,
      input: d.input,
    }));

  it("refuses a non-object, naming the fields", () => {
    expect(rows("rate=1")).toEqual([
      {
        path: "flowControl",
        code: "invalid-option-type",
        message: "`flowControl` must be an object such as `{ key, parallelism, rate, period }`",
        hint: undefined,
        input: "rate=1",
      },
    ]);
  });

  it("warns about an unknown field and lists the current ones", () => {
    expect(rows({ key: "k", rate: 1, burst: 3 })).toEqual([
      {
        path: "flowControl.burst",
        code: "unknown-option",
        message: "unknown option `flowControl.burst`; the SDKs ignore it",
        hint: "the fields are `key`, `parallelism`, `rate` and `period`",
        input: "burst",
      },
    ]);
  });

  it("words the deprecation by whether `rate` is also given", () => {
    expect(rows({ key: "k", ratePerSecond: 4 })).toEqual([
      {
        path: "flowControl.ratePerSecond",
        code: "deprecated-option",
        message: "`flowControl.ratePerSecond` is deprecated",
        hint: "write `rate: 4`; with no `period`, rate is per second",
        input: "4",
      },
    ]);
    expect(rows({ key: "k", rate: 2, ratePerSecond: 4 })).toEqual([
      {
        path: "flowControl.ratePerSecond",
        code: "deprecated-option",
        message: "`flowControl.ratePerSecond` is ignored: `rate` is also given",
        hint: "remove `ratePerSecond`",
        input: "4",
      },
    ]);
  });

  it("drops an empty period with a note, but sends and refuses an empty count", () => {
    const empty = buildPublishRequest({ url, flowControl: { key: "k", rate: 2, period: "" } });
    expect(empty.request?.headers["Upstash-Flow-Control-Value"]).toBe("rate=2");
    expect(empty.diagnostics.map((d) => [d.path, d.code, d.severity, d.message])).toEqual([
      ["flowControl.period", "empty-value-omitted", "info", "an empty `flowControl.period` is not sent"],
    ]);
    expect(rows({ key: "k", parallelism: "" }).map((r) => [r.path, r.code])).toEqual([["flowControl.parallelism", "invalid-count"]]);
  });

  it("reports each value problem at the option it came from", () => {
    const at = (flowControl: unknown) => rows(flowControl).map((r) => [r.path, r.code, r.input]);
    expect(at({ key: "k", ratePerSecond: 0 })).toEqual([
      ["flowControl.ratePerSecond", "deprecated-option", "0"],
      ["flowControl.ratePerSecond", "invalid-count", "rate=0"],
    ]);
    expect(at({ key: "k", parallelism: 2, rate: 0 })).toEqual([["flowControl.rate", "invalid-count", "parallelism=2, rate=0"]]);
    expect(at({ key: "k", rate: 1, period: "8d" })).toEqual([["flowControl.period", "invalid-period", "rate=1, period=8d"]]);
    expect(at({ key: "k" })).toEqual([["flowControl", "missing-limit", ""]]);
    expect(at({ key: "k", period: "1m" })).toEqual([["flowControl", "missing-limit", "period=1m"]]);
  });

  it("checks the key with the SDK's rule, and the plan's parallelism", () => {
    expect(rows({ key: "user:42", rate: 1 })).toEqual([
      {
        path: "flowControl.key",
        code: "invalid-key",
        message: "the flow-control key holds `:`; only letters, digits, `-`, `_` and `.` are allowed",
        hint: "e.g. `user-42`",
        input: "user:42",
      },
    ]);
    expect(
      buildTriggerRequest({ url, flowControl: { key: "k", parallelism: 11 } }, { plan: "free" }).diagnostics.map((d) => [
        d.path,
        d.code,
        d.message,
      ]),
    ).toEqual([
      ["flowControl.parallelism", "parallelism-over-plan-limit", "parallelism 11 is over the free plan's maximum parallelism, 10"],
    ]);
    expect(buildTriggerRequest({ url, flowControl: { key: "k", parallelism: 10 } }, { plan: "free" }).diagnostics).toEqual([]);
  });

  it("reads the headers back: an invalid key, an invalid value, and a period as written", () => {
    const read = (headers: Record<string, string>) => parseRequestHeaders(headers, { endpoint: "publish" });
    const badKey = read({ "Upstash-Flow-Control-Key": "a b", "Upstash-Flow-Control-Value": "rate=1" });
    expect(badKey.diagnostics.map((d) => [d.path, d.code, d.span])).toEqual([
      ["Upstash-Flow-Control-Key", "invalid-key", { start: 1, end: 2 }],
    ]);
    const badValue = read({ "Upstash-Flow-Control-Key": "k", "Upstash-Flow-Control-Value": "rate=0" });
    expect(badValue.options.flowControl).toEqual({ key: "k" });
    expect(read({ "Upstash-Flow-Control-Key": "k", "Upstash-Flow-Control-Value": "period = 90s, rate=3" }).options.flowControl).toEqual({
      key: "k",
      rate: 3,
      period: "90s",
    });
  });
});
