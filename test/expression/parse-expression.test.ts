import { describe, expect, it } from "vitest";
import { parseExpression, tryCompile } from "../../src/index.js";
import { parseExpression as parseFromAst } from "../../src/ast.js";

// The public parser explains a failure the way tryCompile does: the mistake classes
// (issue 18) belong to the language, not to one entry point.
describe("parseExpression", () => {
  it.each(["30s", "exponential", "'2s'"])("explains %s as tryCompile does", (source) => {
    const parsed = parseExpression(source);
    expect(parsed.ok).toBe(false);
    expect(parsed.diagnostics).toEqual(tryCompile(source).diagnostics);
    expect(parseFromAst(source).diagnostics).toEqual(parsed.diagnostics);
  });

  it("returns the tree of a valid expression", () => {
    const parsed = parseExpression("pow(2, retried) * 1000");
    expect(parsed.ok && parsed.value.kind).toBe("binary");
  });
});
