import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildPublishRequest,
  buildTriggerRequest,
  FLOW_CONTROL_CODES,
  parseFlowControlValue,
  parseRequestHeaders,
  renderDiagnostics,
  tryFormatFlowControlValue,
  type Diagnostic,
  type Fix,
} from "../../src/index.js";
import { propertyRuns } from "../setup.js";

/*
 * Issue 18, item 4: values that are legal but cannot do what they seem to
 * say. Each case is a value someone would really write; the repairs are
 * checked by applying them.
 */

const apply = (text: string, fix: Fix): string => text.slice(0, fix.span.start) + fix.text + text.slice(fix.span.end);
const codes = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => d.code);

describe("period-without-rate", () => {
  it("warns for the reported value, and says why, what to write and where", () => {
    const result = parseFlowControlValue("parallelism=2,period=60");
    expect(result).toEqual({
      ok: true,
      value: { parallelism: 2, periodMs: 60_000, periodGiven: true },
      diagnostics: [
        {
          code: "period-without-rate",
          severity: "warning",
          message: "`period=60` has no effect without `rate`: `period` is only the window that `rate` counts calls in",
          span: { start: 14, end: 23 },
          hint: "remove `period`, or add `rate=<calls per 1m>` to limit how many calls start per 1m",
          suggestions: [
            { span: { start: 13, end: 23 }, text: "", message: "remove `period=60`: without `rate` it changes nothing" },
            {
              span: { start: 0, end: 11 },
              text: "rate",
              message: "write `rate=2`: at most 2 calls started per 1m, instead of 2 calls in flight at once",
            },
          ],
        },
      ],
    });
    expect(FLOW_CONTROL_CODES["period-without-rate"].severity).toBe("warning");
  });

  it.each<[string, string, string]>([
    // value, after the first suggestion (remove), after the second (make it a rate)
    ["parallelism=2,period=60", "parallelism=2", "rate=2,period=60"],
    ["parallelism=10, period=1m", "parallelism=10", "rate=10, period=1m"],
    ["period=30s, parallelism=1", "parallelism=1", "period=30s, rate=1"],
    ["  parallelism=5 ,  period=1h  ", "  parallelism=5  ", "  rate=5 ,  period=1h  "],
    ["parallelism=100, period=7d", "parallelism=100", "rate=100, period=7d"],
  ])("%j: each suggestion, applied, gives a clean value", (text, removed, renamed) => {
    const [d] = parseFlowControlValue(text).diagnostics;
    expect(d?.code).toBe("period-without-rate");
    expect(d?.fix).toBeUndefined();
    const [remove, rename] = d?.suggestions ?? [];
    expect(remove && apply(text, remove)).toBe(removed);
    expect(rename && apply(text, rename)).toBe(renamed);
    for (const fixed of [removed, renamed]) expect(parseFlowControlValue(fixed).diagnostics).toEqual([]);
  });

  it("says `1 call`, not `1 calls`, and names the window in canonical form", () => {
    const [d] = parseFlowControlValue("parallelism=1, period=90").diagnostics;
    expect(d?.hint).toBe("remove `period`, or add `rate=<calls per 1m30s>` to limit how many calls start per 1m30s");
    expect(d?.suggestions?.[1]?.message).toBe("write `rate=1`: at most 1 call started per 1m30s, instead of 1 call in flight at once");
  });

  it("stays quiet when the period shapes a rate, or when another diagnostic already says more", () => {
    for (const text of ["rate=10, period=1m", "parallelism=2, rate=1, period=60", "rate=3", "parallelism=3"])
      expect(parseFlowControlValue(text).diagnostics).toEqual([]);
    // No limit at all: the server's missing-limit error, not a warning on top.
    expect(codes(parseFlowControlValue("period=1m").diagnostics)).toEqual(["missing-limit"]);
    // An invalid period is refused already.
    expect(codes(parseFlowControlValue("parallelism=2, period=8d").diagnostics)).toEqual(["invalid-period"]);
    // A rate that is written but wrong still counts as written.
    expect(codes(parseFlowControlValue("parallelism=2, rate=0, period=1m").diagnostics)).toEqual(["invalid-count"]);
  });

  it("comes with other warnings, and renders its suggestions as help lines", () => {
    const text = "parallelism = 2, period=1m";
    const result = parseFlowControlValue(text);
    expect(codes(result.diagnostics)).toEqual(["spaces-around-equals", "period-without-rate"]);
    expect(renderDiagnostics(text, result.diagnostics.slice(1))).toBe(
      [
        "warning[period-without-rate]: `period=1m` has no effect without `rate`: `period` is only the window that `rate` counts calls in",
        " 1 | parallelism = 2, period=1m",
        "   |                  ^^^^^^^^^ remove `period`, or add `rate=<calls per 1m>` to limit how many calls start per 1m",
        "   = help: remove `period=1m`: without `rate` it changes nothing",
        "   = help: write `rate=2`: at most 2 calls started per 1m, instead of 2 calls in flight at once",
      ].join("\n"),
    );
  });

  it("is reported for the object form, with spans into the text the SDK sends", () => {
    const result = tryFormatFlowControlValue({ key: "user-42", parallelism: 3, period: 60 });
    expect(result.ok && result.value).toBe("parallelism=3, period=60s");
    const [d] = result.diagnostics;
    expect(d).toMatchObject({ code: "period-without-rate", span: { start: 15, end: 25 } });
    expect(d?.suggestions?.map((s) => apply("parallelism=3, period=60s", s))).toEqual(["parallelism=3", "rate=3, period=60s"]);
  });

  it("reaches the request builders and the header parser, at the period's path", () => {
    const built = buildPublishRequest({ url: "https://example.com/hook", flowControl: { key: "k", parallelism: 2, period: "1m" } });
    expect(built.ok).toBe(true);
    expect(built.request?.headers["Upstash-Flow-Control-Value"]).toBe("parallelism=2, period=1m");
    expect(built.diagnostics.map((d) => [d.path, d.code, d.input])).toEqual([
      ["flowControl.period", "period-without-rate", "parallelism=2, period=1m"],
    ]);
    const parsed = parseRequestHeaders(
      { "Upstash-Flow-Control-Key": "k", "Upstash-Flow-Control-Value": "parallelism=2,period=60" },
      { endpoint: "publish" },
    );
    expect(parsed.diagnostics.map((d) => [d.path, d.code])).toEqual([["Upstash-Flow-Control-Value", "period-without-rate"]]);
    // The period keeps its spelling, so building the parsed options sends the same header.
    expect(parsed.options.flowControl).toEqual({ key: "k", parallelism: 2, period: "60" });
  });

  it("warns exactly when a period stands with counts but without rate (property)", () => {
    const value = fc.record({
      parallelism: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
      rate: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
      period: fc.option(fc.integer({ min: 1, max: 604_800 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(value, fc.boolean(), ({ parallelism, rate, period }, periodFirst) => {
        fc.pre(parallelism !== undefined || rate !== undefined);
        const parts = [parallelism === undefined ? [] : [`parallelism=${parallelism}`], rate === undefined ? [] : [`rate=${rate}`]].flat();
        const all = period === undefined ? parts : periodFirst ? [`period=${period}`, ...parts] : [...parts, `period=${period}`];
        const text = all.join(", ");
        const result = parseFlowControlValue(text);
        const warned = period !== undefined && rate === undefined;
        expect(codes(result.diagnostics)).toEqual(warned ? ["period-without-rate"] : []);
        for (const s of result.diagnostics[0]?.suggestions ?? [])
          expect(codes(parseFlowControlValue(apply(text, s)).diagnostics)).toEqual([]);
      }),
      { numRuns: propertyRuns(100) },
    );
  });
});

describe("rate-per-second-with-period", () => {
  it("warns that the deprecated per-second name counts per period when a period is given", () => {
    const result = tryFormatFlowControlValue({ key: "k", ratePerSecond: 5, period: "1m" });
    expect(result).toEqual({
      ok: true,
      value: "rate=5, period=1m",
      diagnostics: [
        {
          code: "rate-per-second-with-period",
          severity: "warning",

          message: "`ratePerSecond: 5` is sent as `rate=5`, so with `period: 1m` it starts at most 5 calls per 1m, not per 1s",
          span: { start: 0, end: 6 },
          hint: "write `rate: 5` to mean per 1m, or remove `period` for 5 calls per 1s",
          suggestions: [{ span: { start: 6, end: 17 }, text: "", message: "remove `period`: 5 calls per 1s, as `ratePerSecond` says" }],
        },
      ],
    });
    expect(apply("rate=5, period=1m", result.diagnostics[0]?.suggestions?.[0] as Fix)).toBe("rate=5");
  });

  it("stays quiet for a 1s period, no period, or when `rate` is what is sent", () => {
    for (const options of [
      { key: "k", ratePerSecond: 5 },

      { key: "k", ratePerSecond: 5, period: "1s" },

      { key: "k", ratePerSecond: 5, period: 1 },
      { key: "k", rate: 5, period: "1m" },

      { key: "k", rate: 5, ratePerSecond: 2, period: "1m" },
    ])
      expect(tryFormatFlowControlValue(options).diagnostics).toEqual([]);
  });

  it("meets parallelism and a numeric period too", () => {
    const result = tryFormatFlowControlValue({ key: "k", parallelism: 4, ratePerSecond: 20, period: 3600 });
    expect(result.ok && result.value).toBe("parallelism=4, rate=20, period=3600s");

    expect(result.diagnostics.map((d) => [d.code, d.span, d.message])).toEqual([
      [
        "rate-per-second-with-period",
        { start: 15, end: 22 },
        "`ratePerSecond: 20` is sent as `rate=20`, so with `period: 3600` it starts at most 20 calls per 1h, not per 1s",
      ],
    ]);
    expect(apply("parallelism=4, rate=20, period=3600s", result.diagnostics[0]?.suggestions?.[0] as Fix)).toBe("parallelism=4, rate=20");
  });

  it("is reported by the request builders at the alias, beside the deprecation", () => {
    const built = buildTriggerRequest({ url: "https://example.com/wf", flowControl: { key: "k", ratePerSecond: 5, period: "1m" } });
    expect(built.ok).toBe(true);
    expect(built.diagnostics.map((d) => [d.path, d.code])).toEqual([
      ["flowControl.ratePerSecond", "deprecated-option"],
      ["flowControl.ratePerSecond", "rate-per-second-with-period"],
    ]);
  });
});
