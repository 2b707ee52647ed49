import { describe, expect, it } from "vitest";
import { tryCompile, type ExpressionCode } from "../../src/index.js";
import { TEST_EXPRESSIONS, UPSTASH_DOCUMENTED } from "./corpus.js";

/**
 * Corpus expressions that the mistake diagnostics flag on purpose, with the
 * one code each gets: tiny delays that are the seconds/milliseconds mix-up of
 * issue 18 (1 to 100 ms), written in the tests as arithmetic or as that very
 * mistake. Nothing else in the corpus may get an error or a warning.
 */
const INTENDED: ReadonlyMap<string, ExpressionCode> = new Map([
  // The parser's arithmetic tests: constants of 1 to 100, which as a retry delay are milliseconds meant as seconds.
  ["1 + 1", "short-delay"],
  ["1\t+ 2", "short-delay"],
  ["1 + 2 * 3", "short-delay"],
  ["(1 + 2) * 3", "short-delay"],
  ["10 - 4 - 3", "short-delay"],
  ["10 - (4 - 3)", "short-delay"],
  ["64 / 4 / 2", "short-delay"],
  ["64 / (4 / 2)", "short-delay"],
  ["2 * 3 + 4 * 5", "short-delay"],
  ["- -5", "short-delay"],
  ["10 - -2", "short-delay"],
  ["1 - 2 + 3", "short-delay"],
  ["12 / 2 * 3", "short-delay"],
  ["exp(0)", "short-delay"],
  ["sqrt(16)", "short-delay"],
  ["abs(-3)", "short-delay"],
  ["floor(2.7)", "short-delay"],
  ["ceil(2.1)", "short-delay"],
  ["min(3, 4)", "short-delay"],
  ["max(3, 4)", "short-delay"],
  ["1 / 3 * 3", "short-delay"],
  ["1+(2+3)", "short-delay"],
  ["1 + (2 + 3)", "short-delay"],
  ["(1+2)+3", "short-delay"],
  ["1 + 2 + 3", "short-delay"],
  ["1-(2-3)", "short-delay"],
  ["1 - (2 - 3)", "short-delay"],
  ["(1*2)+3", "short-delay"],
  ["1 * 2 + 3", "short-delay"],
  ["1*(2+3)", "short-delay"],
  ["1 * (2 + 3)", "short-delay"],
  // Growing delays that never pass 100 ms over the default 3 retries (1–4 ms, 1–3 ms, 3–5 ms).
  ["pow(2, retried)", "short-delay"],
  ["retried + 1", "short-delay"],
  ["retried + 1 + 2", "short-delay"],
  ["1 + 2 + retried", "short-delay"],
]);

/** Every error and warning, as `code: message`; infos are notes and allowed. */
function alarms(source: string, retries: number): string[] {
  return tryCompile(source, { retries })
    .diagnostics.filter((d) => d.severity !== "info")
    .map((d) => `${d.code}: ${d.message}`);
}

describe("no new false alarms", () => {
  it.each(UPSTASH_DOCUMENTED)("Upstash's %s (%s) is clean for 1 to 20 retries", (source) => {
    for (let retries = 1; retries <= 20; retries++) expect(alarms(source, retries), `retries ${retries}`).toEqual([]);
  });

  it.each(TEST_EXPRESSIONS.filter(([source]) => !INTENDED.has(source)))("%j (from %s) is clean", (source) => {
    expect(tryCompile(source).ok).toBe(true);
    expect(alarms(source, 3)).toEqual([]);
  });

  it.each([...INTENDED])("%j gets only its intended %s", (source, code) => {
    expect(tryCompile(source).diagnostics.map((d) => d.code)).toEqual([code]);
  });
});
