import { describe, expect, it } from "vitest";
import { renderDiagnostic, renderDiagnostics, RetryDelayError, tryCompile, type Diagnostic } from "../../src/index.js";

const base: Diagnostic = {
  code: "unit-in-expression",
  severity: "error",
  message: "`30s` is a duration",
  span: { start: 0, end: 3 },
  hint: "write `30000`",
};

function thrownCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof RetryDelayError ? error.diagnostics[0]?.message : "not a RetryDelayError";
  }
  return undefined;
}

describe("fixes and suggestions in the rendering", () => {
  it("draws one `= help:` line for the fix, then one per suggestion, in order", () => {
    const d: Diagnostic = {
      ...base,
      fix: { span: { start: 0, end: 3 }, text: "30000", message: "replace `30s` with `30000`" },
      suggestions: [
        { span: { start: 0, end: 3 }, text: "30", message: "write `30` if you meant milliseconds" },
        { span: { start: 0, end: 3 }, text: "1000 * 30", message: "write `1000 * 30`" },
      ],
    };
    expect(renderDiagnostic("30s", d).split("\n").slice(-3)).toEqual([
      "   = help: replace `30s` with `30000`",
      "   = help: write `30` if you meant milliseconds",
      "   = help: write `1000 * 30`",
    ]);
  });

  it("aligns the help lines with a wide gutter, after a multi-line hint's notes", () => {
    const source = "1 +\n".repeat(11) + "5s";
    const d: Diagnostic = {
      ...base,
      span: { start: 44, end: 46 },
      hint: "two\nlines",
      fix: { span: { start: 44, end: 46 }, text: "5000", message: "replace `5s` with `5000`" },
    };
    expect(renderDiagnostic(source, d).split("\n").slice(-4)).toEqual([
      "    | ",
      "    = two",
      "    = lines",
      "    = help: replace `5s` with `5000`",
    ]);
  });

  it("colours the word help, and never prints a control character from a fix message", () => {
    const d: Diagnostic = { ...base, fix: { span: { start: 0, end: 3 }, text: "30000", message: "go\u001b[2J" } };
    const plain = renderDiagnostic("30s", d);
    expect(plain).toContain("= help: go\uFFFD[2J");
    expect(renderDiagnostic("30s", d, { color: true })).toContain("\u001b[1m\u001b[32mhelp\u001b[0m: ");
  });

  it("renders what tryCompile returns for the issue's examples, fix included", () => {
    expect(renderDiagnostics("30s", tryCompile("30s").diagnostics)).toBe(
      [
        "error[unit-in-expression]: `30s` is a duration, but the expression is a number of milliseconds",
        " 1 | 30s",
        "   | ^^^ expressions are in milliseconds and have no units: write `30000`",
        "   = help: replace `30s` with `30000`",
      ].join("\n"),
    );
  });

  it("refuses a malformed fix or suggestion with invalid-argument naming the field, from the renderer and from RetryDelayError", () => {
    const badFix = { ...base, fix: { span: { start: 0, end: 3 }, text: 30000, message: "m" } } as unknown as Diagnostic;
    expect(thrownCode(() => renderDiagnostic("30s", badFix))).toBe("the diagnostic.fix.text must be a string, not a number");
    const badSuggestions = { ...base, suggestions: { text: "x" } } as unknown as Diagnostic;
    expect(thrownCode(() => renderDiagnostics("30s", [badSuggestions]))).toBe("diagnostics[0].suggestions must be an array, not an object");
    expect(thrownCode(() => new RetryDelayError("30s", [badFix]).render())).toBe("diagnostics[0].fix.text must be a string, not a number");
    expect(thrownCode(() => new RetryDelayError("30s", [base]).render({ color: "yes" } as never))).toBe(
      "options.color must be true or false, not a string",
    );
  });

  it("draws a RetryDelayError's own diagnostics with their fixes", () => {
    const error = new RetryDelayError("30s", tryCompile("30s").diagnostics);
    expect(error.render()).toContain("= help: replace `30s` with `30000`");
    expect(error.message).toBe("`30s` is a duration, but the expression is a number of milliseconds");
  });
});
