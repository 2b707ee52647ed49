import { describe, expect, it } from "vitest";
import { parseFlowControlValue, type Fix } from "../../src/index.js";

/*
 * The repairs of an item's shape, as data: a `fix` where the repair is
 * certain, `suggestions` where the user must choose. Each is applied and
 * the result parsed again.
 */

const apply = (text: string, fix: Fix): string => text.slice(0, fix.span.start) + fix.text + text.slice(fix.span.end);
const first = (text: string, code: string) => parseFlowControlValue(text).diagnostics.find((d) => d.code === code);

describe("fixes of an item's shape", () => {
  it.each([
    ["rate=10,", "rate=10"],
    ["rate=10,,parallelism=2", "rate=10,parallelism=2"],
    [",rate=1", "rate=1"],
    ["rate=1, ,period=1m", "rate=1,period=1m"],
  ])("empty-item %j: the fix removes the stray comma → %j", (text, fixed) => {
    const d = first(text, "empty-item");
    expect(d?.fix).toEqual({ span: expect.anything() as unknown, text: "", message: "remove the extra comma" });
    expect(d?.suggestions).toBeUndefined();
    expect(apply(text, d?.fix as Fix)).toBe(fixed);
    expect(parseFlowControlValue(fixed).diagnostics).toEqual([]);
  });

  it.each([
    ["rate = 10", { start: 0, end: 9 }, "rate=10", "rate=10"],
    ["parallelism=5, rate =10", { start: 15, end: 23 }, "rate=10", "parallelism=5, rate=10"],
    ["period= 1m, rate=2", { start: 0, end: 10 }, "period=1m", "period=1m, rate=2"],
  ])("spaces-around-equals %j: the fix writes the item without them", (text, span, written, fixed) => {
    const d = first(text, "spaces-around-equals");
    expect(d?.fix).toEqual({ span, text: written, message: `write \`${written}\`` });
    expect(apply(text, d?.fix as Fix)).toBe(fixed);
    expect(parseFlowControlValue(fixed).diagnostics).toEqual([]);
  });

  it("unknown-key: a case slip is a fix, a misspelling a suggestion, a stranger neither", () => {
    const rate = first("Rate=10", "unknown-key");
    expect(rate?.fix).toEqual({ span: { start: 0, end: 4 }, text: "rate", message: "replace `Rate` with `rate`" });
    expect(rate?.suggestions).toBeUndefined();
    expect(apply("Rate=10", rate?.fix as Fix)).toBe("rate=10");

    const typo = first("paralellism=3, rate=1", "unknown-key");
    expect(typo?.fix).toBeUndefined();
    expect(typo?.suggestions).toEqual([
      { span: { start: 0, end: 11 }, text: "parallelism", message: "replace `paralellism` with `parallelism`" },
    ]);
    expect(parseFlowControlValue(apply("paralellism=3, rate=1", typo?.suggestions?.[0] as Fix)).diagnostics).toEqual([]);

    const stranger = first("concurrency=3, rate=1", "unknown-key");
    expect([stranger?.fix, stranger?.suggestions, stranger?.hint]).toEqual([
      undefined,
      undefined,
      "the keys are `parallelism`, `rate` and `period`",
    ]);
  });

  it("repeated-key: suggests keeping either one, and both leave a clean value", () => {
    const text = "rate=1, parallelism=2, rate=5";
    const d = first(text, "repeated-key");
    expect(d).toMatchObject({ span: { start: 23, end: 27 }, related: [{ span: { start: 0, end: 4 }, message: "first given here" }] });
    expect(d?.fix).toBeUndefined();
    expect(d?.suggestions?.map((s) => [s.message, apply(text, s)])).toEqual([
      ["remove `rate=5`, keep `rate=1`", "rate=1, parallelism=2"],
      ["remove `rate=1`, keep `rate=5`", "parallelism=2, rate=5"],
    ]);
    for (const s of d?.suggestions ?? []) expect(parseFlowControlValue(apply(text, s)).diagnostics).toEqual([]);
  });
});
