import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BUILTINS,
  compile,
  compileExpression,
  interpret,
  parse,
  printExpression,
  RetryDelayError,
  tabulate,
  tryCompile,
} from "../../src/index.js";
import { arbitraryExpression, arbitraryRetried, withoutSpans } from "../support/ast.js";

// The function names come from the builtin table; units, quotes and strategy words reach the mistake recognizers.
const tokens = [
  ...BUILTINS.map((b) => b.name),
  "retried",
  "retries",
  "Pow",
  "s",
  "ms",
  "m",
  "h",
  "d",
  "seconds",
  "'",
  "exponential",
  "linear",
  "Default",
  "(",
  ")",
  ",",
  "+",
  "-",
  "*",
  "/",
  "^",
  "%",
  "**",
  ".",
  "_",
  "e",
  "1e3",
  ".5",
  "5.",
  "1_0",
  "0",
  "7",
  "2.5",
  "1e400",
  " ",
  "\t",
  "\n",
  '"',
  "$",
  "constructor",
  "__proto__",
  "toString",
  "×",
  "\u0000",
  "\u001b",
  "😀",
  "\uD800",
];
const tokenSoup = fc.array(fc.constantFrom(...tokens), { maxLength: 40 }).map((parts) => parts.join(""));
const anyString = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: "binary", maxLength: 60 }), tokenSoup);

describe("properties", () => {
  it("print ∘ parse round-trips: parse(print(tree)) equals tree, spans aside", () => {
    fc.assert(
      fc.property(arbitraryExpression, (tree) => {
        const printed = printExpression(tree);
        const reparsed = parse(printed);
        expect(reparsed.ok, `${printed}: ${JSON.stringify(reparsed.diagnostics)}`).toBe(true);
        if (reparsed.ok) {
          expect(withoutSpans(reparsed.value)).toEqual(withoutSpans(tree));
          expect(printExpression(reparsed.value)).toBe(printed);
        }
      }),
    );
  });

  it("the compiled closure equals the reference interpreter (Object.is: NaN and -0 count)", () => {
    fc.assert(
      fc.property(arbitraryExpression, fc.array(arbitraryRetried, { minLength: 1, maxLength: 8 }), (tree, retriedValues) => {
        const delay = compileExpression(tree);
        for (const retried of retriedValues) {
          const compiled = delay(retried);
          const reference = interpret(tree, retried);
          expect(Object.is(compiled, reference), `${printExpression(tree)} at ${retried}: ${compiled} vs ${reference}`).toBe(true);
        }
      }),
    );
  });

  it("compiling from source equals interpreting the parsed tree", () => {
    fc.assert(
      fc.property(arbitraryExpression, arbitraryRetried, (tree, retried) => {
        const source = printExpression(tree);
        const result = tryCompile(source, { retries: 0 });
        // Constant division by zero is rejected; everything else compiles.
        if (!result.ok) {
          expect(result.diagnostics.map((d) => d.code)).toEqual(result.diagnostics.map(() => "division-by-zero"));
          return;
        }
        expect(Object.is(result.value(retried), interpret(tree, retried))).toBe(true);
      }),
    );
  });

  it("table mode equals the closure for every count", () => {
    fc.assert(
      fc.property(arbitraryExpression, fc.integer({ min: 0, max: 64 }), (tree, size) => {
        const delay = compileExpression(tree);
        const table = tabulate(delay, size);
        for (let retried = 0; retried < size + 3; retried++) expect(Object.is(table(retried), delay(retried))).toBe(true);
        expect(Object.is(table(1.5), delay(1.5))).toBe(true);
      }),
    );
  });

  it("parse and tryCompile never throw, and compile throws only RetryDelayError", () => {
    fc.assert(
      fc.property(anyString, (source) => {
        parse(source);
        tryCompile(source);
        try {
          compile(source);
        } catch (error) {
          expect(error).toBeInstanceOf(RetryDelayError);
        }
      }),
    );
  });

  it("every diagnostic span lies inside the source, and every error has a code and message", () => {
    fc.assert(
      fc.property(anyString, (source) => {
        for (const d of tryCompile(source).diagnostics) {
          expect(d.span.start).toBeGreaterThanOrEqual(0);
          expect(d.span.start).toBeLessThanOrEqual(d.span.end);
          expect(d.span.end).toBeLessThanOrEqual(source.length);
          for (const related of d.related ?? []) expect(related.span.end).toBeLessThanOrEqual(source.length);
          expect(d.code).toMatch(/^[a-z-]+$/);
          expect(d.message.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
