import { describe, expect, it } from "vitest";
import { buildTriggerRequest, renderOptionDiagnostics, type OptionDiagnostic } from "../../src/index.js";

describe("renderOptionDiagnostics", () => {
  it("draws each diagnostic against its own input, separated by a blank line", () => {
    const { diagnostics } = buildTriggerRequest({ url: "https://example.com/wf", retryDelay: "pow(2, retries) * 1000", delay: "10x" });
    const text = renderOptionDiagnostics(diagnostics);
    const blocks = text.split("\n\n");
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toContain(" --> retryDelay\n 1 | pow(2, retries) * 1000");
    expect(blocks[1]).toContain(" --> delay\n 1 | 10x");
  });

  it("labels a diagnostic about the options as a whole `options`", () => {
    const { diagnostics } = buildTriggerRequest(42 as never);
    expect(diagnostics[0]?.path).toBe("");
    expect(renderOptionDiagnostics(diagnostics)).toContain(" --> options");
  });

  it("passes the render options on", () => {
    const { diagnostics } = buildTriggerRequest({ url: "https://example.com/wf", retryDelay: "pow(2, retries) * 1000" });
    expect(renderOptionDiagnostics(diagnostics, { color: true })).toContain("\u001b[");
    expect(renderOptionDiagnostics(diagnostics)).not.toContain("\u001b[");
  });

  it("names the argument that is wrong", () => {
    const ok: OptionDiagnostic = {
      code: "missing-url",
      severity: "error",
      message: "m",
      span: { start: 0, end: 0 },
      path: "url",
      input: "",
    };
    expect(() => renderOptionDiagnostics(null as never)).toThrow("diagnostics must be an array, not null");
    expect(() => renderOptionDiagnostics([ok, 1] as never)).toThrow("diagnostics[1] must be an object, not a number");
    expect(() => renderOptionDiagnostics([ok, { ...ok, path: 1 }] as never)).toThrow("diagnostics[1].path must be a string, not a number");
    expect(() => renderOptionDiagnostics([ok, { ...ok, input: 1 }] as never)).toThrow(
      "diagnostics[1].input must be a string, not a number",
    );
    expect(() => renderOptionDiagnostics([ok], 5 as never)).toThrow("the render options must be an object, not a number");
  });
});
