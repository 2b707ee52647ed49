import { describe, expect, it } from "vitest";
import { applyFix, codeParts } from "../../playground/fixes.js";

/* The playground's fix button and hint rendering, as pure functions (no browser needed). */

describe("applyFix", () => {
  it("replaces exactly the span", () => {
    expect(applyFix("30s", { span: { start: 0, end: 3 }, text: "30000", message: "write `30000`" })).toBe("30000");
    expect(applyFix("Pow(2, retried)", { span: { start: 0, end: 3 }, text: "pow", message: "" })).toBe("pow(2, retried)");
    expect(applyFix("1000", { span: { start: 4, end: 4 }, text: " * 2", message: "" })).toBe("1000 * 2");
  });

  it("refuses a span that no longer fits the source", () => {
    expect(applyFix("abc", { span: { start: 2, end: 9 }, text: "x", message: "" })).toBeUndefined();
    expect(applyFix("abc", { span: { start: 2, end: 1 }, text: "x", message: "" })).toBeUndefined();
    expect(applyFix("abc", { span: { start: -1, end: 1 }, text: "x", message: "" })).toBeUndefined();
  });
});

describe("codeParts", () => {
  it("splits code from text", () => {
    expect(codeParts("did you mean `pow`?")).toEqual([
      { code: false, text: "did you mean " },
      { code: true, text: "pow" },
      { code: false, text: "?" },
    ]);
    expect(codeParts("`a` and `b`")).toEqual([
      { code: true, text: "a" },
      { code: false, text: " and " },
      { code: true, text: "b" },
    ]);
  });

  it("keeps a lone backtick as text", () => {
    expect(codeParts("a ` b")).toEqual([{ code: false, text: "a ` b" }]);
    expect(codeParts("")).toEqual([]);
  });
});
