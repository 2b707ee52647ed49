import { describe, expect, it } from "vitest";
import { renderDiagnostic, renderDiagnostics, tryCompile, type Diagnostic } from "../../src/index.js";

function render(source: string, options = {}): string {
  return renderDiagnostics(source, tryCompile(source).diagnostics, options);
}

const diagnostic = (span: { start: number; end: number }, extra: Partial<Diagnostic> = {}): Diagnostic => ({
  code: "test-code",
  severity: "error",
  message: "something is wrong",
  span,
  ...extra,
});

describe("renderDiagnostic", () => {
  it("draws the issue's example exactly", () => {
    expect(render("Pow(2, retried) * 1000")).toBe(
      [
        "error[unknown-function]: unknown function `Pow`",
        " 1 | Pow(2, retried) * 1000",
        "   | ^^^ did you mean `pow`?",
        "   = help: replace `Pow` with `pow`",
      ].join("\n"),
    );
  });

  it("draws warnings and related spans", () => {
    expect(render("max(1000, (retried * 2)")).toBe(
      [
        "error[unclosed-paren]: expected `)`, found end of input",
        " 1 | max(1000, (retried * 2)",
        "   |                        ^ add `)` to close the `(`",
        "   |    - this `(` is not closed",
      ].join("\n"),
    );
    expect(render("1000 - 600 * retried")).toMatch(/^warning\[negative-delay\]/);
  });

  it("points into the right line of a multi-line source, with a wide gutter", () => {
    // The expression lexers refuse line breaks (unexpected-character), so the
    // diagnostic is made by hand: other inputs (a JSON file, a config) do span lines.
    const source = "1 +\n".repeat(11) + "foo";
    const d = diagnostic(
      { start: 44, end: 47 },
      { code: "unknown-variable", message: "unknown variable `foo`", hint: "did you mean `floor`?" },
    );
    expect(renderDiagnostic(source, d)).toBe(
      ["error[unknown-variable]: unknown variable `foo`", " 12 | foo", "    | ^^^ did you mean `floor`?"].join("\n"),
    );
  });

  it("handles \\r\\n and lone \\r line breaks", () => {
    expect(renderDiagnostic("1 +\r\n2 +\rbar", diagnostic({ start: 9, end: 12 }))).toContain(" 3 | bar\n   | ^^^");
  });

  it("marks end of input with one caret past the text", () => {
    expect(render("1 +")).toContain(" 1 | 1 +\n   |    ^ ");
  });

  it("lines carets up after tabs", () => {
    expect(renderDiagnostic("\tfoo", diagnostic({ start: 1, end: 4 }))).toContain(" 1 |     foo\n   |     ^^^");
  });

  it("never prints control characters from the source or the message", () => {
    const out = renderDiagnostic("1\u001b[2J + x", diagnostic({ start: 1, end: 2 }, { message: "bad \u001b[31m", hint: "\u0007" }));

    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(out).toContain("\uFFFD");
  });

  it("cuts a long line to a window around the span", () => {
    const source = `${"1 + ".repeat(500)}foo`;
    const out = renderDiagnostic(source, diagnostic({ start: 2000, end: 2003 }));
    const [, line, carets] = out.split("\n");
    expect(line?.length).toBeLessThan(120);
    expect(line).toMatch(/^ 1 \| …[ 1+]*foo$/);
    expect(line?.indexOf("foo")).toBe(carets?.indexOf("^^^"));
  });

  it("colours only when asked", () => {
    expect(render("Pow(1, 2)")).not.toContain("\u001b[");
    expect(render("Pow(1, 2)", { color: true })).toContain("\u001b[31m");
  });

  it("prints a label naming the input", () => {
    expect(renderDiagnostic("x", diagnostic({ start: 0, end: 1 }), { label: "Upstash-Retry-Delay" })).toContain(
      "\n --> Upstash-Retry-Delay\n 1 | x",
    );
  });

  it("puts a multi-line hint below as notes", () => {
    const out = renderDiagnostic("x", diagnostic({ start: 0, end: 1 }, { hint: "first\nsecond" }));
    expect(out).toContain("   = first\n   = second");
  });

  it("survives spans outside the source", () => {
    expect(() => renderDiagnostic("abc", diagnostic({ start: 10, end: 20 }))).not.toThrow();
    expect(() => renderDiagnostic("", diagnostic({ start: -5, end: 0 }))).not.toThrow();
  });

  it("separates several diagnostics with a blank line", () => {
    expect(render("foo + bar").split("\n\n")).toHaveLength(2);
  });
});
