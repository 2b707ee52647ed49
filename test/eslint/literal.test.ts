import fc from "fast-check";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { escapeFor, valueOffsets } from "../../src/eslint/literal.js";

/** How one character may be written in a JavaScript string literal, with its source text. */
function spellings(c: string): string[] {
  const code = c.codePointAt(0) ?? 0;
  const hex4 = code.toString(16).padStart(4, "0");
  const out = [`\\u{${code.toString(16)}}`];
  if (code <= 0xffff) out.push(`\\u${hex4}`);
  if (code <= 0xff) out.push(`\\x${hex4.slice(2)}`);
  if (c === "\t") out.push("\\t");
  if (c === "\n") out.push("\\n");
  if (!/["\\\n\r\u2028\u2029]/.test(c)) out.push(c);
  return out;
}

describe("valueOffsets", () => {
  it("maps each UTF-16 unit of the value to where its spelling starts, whatever the escapes", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.oneof(fc.string({ minLength: 1, maxLength: 1 }), fc.constantFrom("\t", "\n", "é", "😀", "\u2028")), fc.nat()),
          { maxLength: 30 },
        ),
        fc.boolean(),
        (chars, continuation) => {
          let raw = '"';
          let value = "";
          const starts: number[] = [];
          for (const [c, pick] of chars) {
            const options = spellings(c);
            const spelled = options[pick % options.length] ?? c;
            if (continuation) raw += "\\\n";
            // Written as is, each unit is its own source character; an escape starts every unit it makes.
            for (let i = 0; i < c.length; i++) starts.push(raw.length + (spelled === c ? i : 0));
            raw += spelled;
            value += c;
          }
          raw += '"';
          // The literal is what JavaScript reads it as.
          expect(runInNewContext(raw)).toBe(value);
          expect(valueOffsets(raw, "string")).toEqual([...starts, raw.length - 1]);
        },
      ),
    );
  });

  it("reads legacy octal escapes and folds CRLF in templates", () => {
    expect(valueOffsets('"\\0a\\101"', "string")).toEqual([1, 3, 4, 8]);
    expect(valueOffsets('"\\400"', "string")).toEqual([1, 4, 5]);
    expect(valueOffsets("`a\r\nb`", "template")).toEqual([1, 2, 4, 5]);
    expect(valueOffsets("`a\\\r\nb`", "template")).toEqual([1, 5, 6]);
  });
});

describe("escapeFor", () => {
  it("writes a value that reads back the same in each kind of quote", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), fc.constantFrom('"', "'", "`"), (value, quote) => {
        const raw = `${quote}${escapeFor(value, quote)}${quote}`;
        expect(runInNewContext(raw)).toBe(value);
        expect(valueOffsets(raw, quote === "`" ? "template" : "string")).toHaveLength(value.length + 1);
      }),
    );
  });
});
