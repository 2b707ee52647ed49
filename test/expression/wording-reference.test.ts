import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkExpression, formatExpression, parseExpression, tryCompile } from "../../src/index.js";
// A plain module, shared with the fixture's generator, which runs on dist/.
import { everythingSaid } from "./fixtures/wording-said.mjs";

/*
 * The checks' wording was made faster (fewer strings, arrays and
 * evaluations); what they say must stay byte for byte what it was. The
 * fixture holds, for 1,760 sources (the bench's shapes and others that give
 * every kind of finding, and 1,400 trees fast-check generated, printed),
 * each with a `retries` from 0 to 200,000, a hash of everything said about
 * it (fixtures/wording-said.mjs), made by fixtures/wording-reference.mjs at a
 * commit before the change.
 */

type Row = [source: string, retries: number, hash: string];
const rows = readFileSync(new URL("./fixtures/wording-reference.tsv", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line !== "")
  .map((line): Row => {
    const [retries = "", said = "", ...source] = line.split("\t");
    return [source.join("\t"), Number(retries), said];
  });
const hash = (value: unknown): string => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);
const said = (source: string, retries: number): unknown =>
  everythingSaid({ tryCompile, parse: parseExpression, checkExpression, formatExpression }, source, retries);

/*
 * ECMA-262 leaves `Math.pow` and `Math.exp` "implementation-approximated",
 * and V8 changes them between versions: Node 24's `Math.pow(1e21, 14)` is
 * 1e294 where Node 20's is 9.999999999999999e293, and a range or a warning
 * quoting such a value differs by that last digit. The reference was made
 * on Node 20 (V8 11.3); on another V8 the sources that call `pow` or `exp`
 * are left out, and everything else must still match byte for byte.
 */
const REFERENCE_V8 = "11.3.";
const APPROXIMATED_CALL = /\b(?:pow|exp)\(/;
const comparable = process.versions.v8.startsWith(REFERENCE_V8) ? rows : rows.filter(([source]) => !APPROXIMATED_CALL.test(source));

describe("the checks' wording against the reference", () => {
  it("covers every kind of finding", () => {
    const codes = new Set(rows.flatMap(([source, retries]) => tryCompile(source, { retries }).diagnostics.map((d) => d.code)));
    for (const code of [
      "flat-delay",
      "short-delay",
      "nan-delay",
      "infinite-delay",
      "negative-delay",
      "fractional-delay",
      "domain-check-sampled",
    ])
      expect(codes).toContain(code);
  });

  it("says the same as before about every source, byte for byte", () => {
    expect(comparable.length).toBeGreaterThan(1_400);
    const differing = comparable
      .filter(([source, retries, expected]) => hash(said(source, retries)) !== expected)
      .map(([source, retries]) => ({ source, retries }));
    expect(differing).toEqual([]);
  });
});
