import { expectNumber } from "../diagnostics/arguments.js";

const PARTS: ReadonlyArray<readonly [unit: string, ms: number]> = [
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["m", 60_000],
  ["s", 1000],
  ["ms", 1],
];

/**
 * Milliseconds as a canonical duration: largest unit first, zero parts
 * dropped, `0s` for zero (`124200000` → `1d10h30m`). Whole seconds give the
 * documented format, which {@link parseDuration} reads back exactly; a
 * sub-second rest is written in `ms`, which only Go mode parses. Fractions of
 * a millisecond are truncated. NaN and ±Infinity, which no duration can
 * express, are written as `NaN`, `Infinity` and `-Infinity`.
 *
 * @example
 * ```ts
 * formatDuration(148_000);  // "2m28s"
 * formatDuration(0);        // "0s"
 * formatDuration(1500);     // "1s500ms"
 * formatDuration(-60_000);  // "-1m"
 * ```
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(expectNumber(ms, "the duration in milliseconds"))) return String(ms);
  let rest = Math.trunc(Math.abs(ms));
  if (rest === 0) return "0s";
  let out = ms < 0 ? "-" : "";
  for (const [unit, size] of PARTS) {
    const count = Math.floor(rest / size);
    if (count > 0) {
      out += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return out;
}
