import { describe, expect, it } from "vitest";
import { tryCompile } from "../../src/index.js";
import { closestName, editDistance } from "../../src/diagnostics/suggest.js";

const hintFor = (source: string): string | undefined => tryCompile(source).diagnostics[0]?.hint;

describe("did you mean …?", () => {
  it.each([
    ["Pow(2, retried)", "pow"],
    ["POW(2, retried)", "pow"],
    ["power(2, retried)", "pow"],
    ["pwo(2, retried)", "pow"],
    ["Max(1, retried)", "max"],
    ["maximum(1, retried)", "max"],
    ["minimum(1, retried)", "min"],
    ["Exp(retried)", "exp"],
    ["squrt(retried)", "sqrt"],
    ["rnd(retried)", "round"],
    ["flor(retried)", "floor"],
    ["cel(retried)", "ceil"],
    ["ABS(retried)", "abs"],
    ["retries * 1000", "retried"],
    ["Retried * 1000", "retried"],
    ["retired * 1000", "retried"],
    ["rtried * 1000", "retried"],
    ["retry * 1000", "retried"],
  ])("%s → %s", (source, suggestion) => {
    expect(hintFor(source)).toBe(`did you mean \`${suggestion}\`?`);
  });

  it("lists the functions when nothing is close", () => {
    expect(hintFor("frobnicate(1)")).toBe("the functions are `pow`, `exp`, `sqrt`, `abs`, `floor`, `ceil`, `round`, `min`, `max`");
    expect(hintFor("attempt * 1000")).toBe("the only variable is `retried`");
  });

  it("treats Object.prototype names as unknown like any other", () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "prototype", "__defineGetter__"]) {
      expect(tryCompile(`${name}(1)`).diagnostics[0]?.code).toBe("unknown-function");
      expect(tryCompile(`${name} * 2`).diagnostics[0]?.code).toBe("unknown-variable");
    }
  });

  it("names are case-sensitive: only `retried` and the lowercase functions exist", () => {
    expect(tryCompile("RETRIED").ok).toBe(false);
    expect(tryCompile("MAX(1, 2)").ok).toBe(false);
  });
});

describe("edit distance", () => {
  it.each([
    ["", "", 0],
    ["pow", "pow", 0],
    ["pow", "pwo", 1],
    ["retried", "retries", 1],
    ["kitten", "sitting", 3],
    ["ab", "ba", 1],
  ])("%s ↔ %s = %d", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it("suggests nothing for long unrelated names", () => {
    expect(closestName("x".repeat(1000), ["pow"])).toBeUndefined();
  });
});
