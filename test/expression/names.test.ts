import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUILTINS, tryCompile } from "../../src/index.js";
import { MISTAKEN_NAMES } from "../../src/expression/mistaken-names.js";
import { STRATEGIES } from "../../src/expression/strategies.js";
import { CandidateNames, closestName, editDistance } from "../../src/diagnostics/suggest.js";

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
    // The list comes from the builtin table, in its order.
    expect(hintFor("frobnicate(1)")).toBe(`the functions are ${BUILTINS.map((b) => `\`${b.name}\``).join(", ")}`);
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

describe("the near-miss tables derive from the builtin table", () => {
  const names = new Set<string>(["retried", ...BUILTINS.map((b) => b.name)]);

  it("lists no builtin, and no real name, as a mistake", () => {
    for (const row of MISTAKEN_NAMES) for (const name of row.names) expect(names.has(name), name).toBe(false);
    for (const strategy of STRATEGIES) for (const word of strategy.words) expect(names.has(word), word).toBe(false);
  });

  it("writes every function a hint names as the table signs it", () => {
    const hint = (source: string): string => tryCompile(source).diagnostics[0]?.hint ?? "";
    const signature = (name: string): string => BUILTINS.find((b) => b.name === name)?.signature ?? "missing";
    expect(hint("log(retried)")).toBe(`there is no logarithm; the functions are ${BUILTINS.map((b) => `\`${b.name}\``).join(", ")}`);
    expect(hint("trunc(retried)")).toContain(`\`${signature("floor")}\``);
    expect(hint("trunc(retried)")).toContain(`\`${signature("ceil")}\``);
    expect(hint("e * retried")).toContain(`\`${signature("exp")}\``);
    expect(hint("e * retried")).toContain("`exp(1)`");
    expect(hint("Math * 2")).toContain("`pow(2, retried)`");
  });

  it("gives a table-derived hint for every mistaken name, where it applies", () => {
    for (const row of MISTAKEN_NAMES) {
      for (const name of row.names) {
        const source = row.use === "call" ? `${name}(1)` : `${name} * 2`;
        expect(tryCompile(source).diagnostics[0]?.hint, name).toBe(row.hint());
      }
    }
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

  /** The full optimal-string-alignment table, as a reference for the bounded search. */
  function referenceDistance(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) =>
      Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
    );
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        const row = d[i] as number[];
        const up = d[i - 1] as number[];
        row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
    return (d[a.length] as number[])[b.length] as number;
  }

  const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "r", "e"), maxLength: 9 });

  it("matches the full table, and reports anything over a limit as the limit plus one", () => {
    fc.assert(
      fc.property(word, word, fc.nat({ max: 6 }), (a, b, limit) => {
        const full = referenceDistance(a, b);
        expect(editDistance(a, b)).toBe(full);
        expect(editDistance(a, b, limit)).toBe(Math.min(full, limit + 1));
      }),
    );
  });

  it("finds the same name in a list lowered once as in the plain list", () => {
    const names = fc.array(fc.string({ unit: fc.constantFrom("a", "B", "c", "r", "E", "d"), minLength: 1, maxLength: 8 }), {
      maxLength: 8,
    });
    fc.assert(
      fc.property(word, names, (name, list) => {
        expect(closestName(name, new CandidateNames(list))).toBe(closestName(name, list));
      }),
    );
  });
});
