import { partNanoseconds } from "./go-arithmetic.js";
import { MAX_DURATION_LENGTH } from "./parse.js";
import { lookupUnit, MAX_NANOSECONDS, NANOSECONDS_PER_MILLISECOND } from "./units.js";

/*
 * A duration's value without its diagnostics, for code that only asks
 * "is this a duration, and how long?" (the expression parser's `30s` hint).
 * parseDuration explains every problem, with hints and did-you-means, and is
 * most of the duration code's size; this answers the one question in a
 * tenth of it, from the same unit table and Go arithmetic. A property test
 * holds the two to the same answers (test/duration/clean.test.ts).
 */

const PART = /(\d*)(?:\.(\d*))?([A-Za-z\u00b5\u03bc]*)/y;

/**
 * The whole milliseconds of `text` read as a Go-mode duration, when
 * `parseDuration(text, { mode: "go" })` accepts it with no diagnostics at
 * all (no warning, no dropped nanoseconds); otherwise undefined. Never throws.
 */
export function cleanDurationMs(text: unknown): number | undefined {
  if (typeof text !== "string" || text.length === 0 || text.length > MAX_DURATION_LENGTH) return undefined;
  const start = text.startsWith("+") ? 1 : 0;
  if (text.slice(start) === "0") return 0;
  if (start === text.length) return undefined;
  let total = 0n;
  let previousRank = Number.POSITIVE_INFINITY;
  for (let at = start; at < text.length;) {
    PART.lastIndex = at;
    const [whole = "", integer = "", fraction, name = ""] = PART.exec(text) ?? [];
    const unit = lookupUnit(name);
    // No digits, no unit, an unknown unit, or a unit not below the one before: parseDuration reports each.
    if ((integer === "" && (fraction ?? "") === "") || unit === undefined || unit.rank >= previousRank) return undefined;
    total += partNanoseconds(integer, fraction ?? "", unit.nanoseconds);
    if (total > MAX_NANOSECONDS) return undefined;
    previousRank = unit.rank;
    at += whole.length;
  }
  return total % NANOSECONDS_PER_MILLISECOND === 0n ? Number(total / NANOSECONDS_PER_MILLISECOND) : undefined;
}
