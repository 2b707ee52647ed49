/**
 * Duration units, as Go's `time.ParseDuration` knows them plus Upstash's `d`.
 * Values are nanoseconds as BigInt, so sums stay exact up to Go's limit.
 */
export interface DurationUnit {
  /** The unit as written, e.g. `ms` or `µs`. */
  readonly name: string;
  /** Length in nanoseconds. */
  readonly nanoseconds: bigint;
  /** Larger units rank higher; parts should be written in falling rank. */
  readonly rank: number;
  /** Whether Upstash documents the unit (strict mode accepts only these). */
  readonly documented: boolean;
}

// Rows as object literals: a bare `true`/`false` in a row would not say which fact it is.
const UNITS: readonly DurationUnit[] = [
  { name: "ns", nanoseconds: 1n, rank: 1, documented: false },
  { name: "us", nanoseconds: 1_000n, rank: 2, documented: false },
  { name: "\u00b5s", nanoseconds: 1_000n, rank: 2, documented: false }, // µs, MICRO SIGN
  { name: "\u03bcs", nanoseconds: 1_000n, rank: 2, documented: false }, // μs, GREEK SMALL LETTER MU
  { name: "ms", nanoseconds: 1_000_000n, rank: 3, documented: false },
  { name: "s", nanoseconds: 1_000_000_000n, rank: 4, documented: true },
  { name: "m", nanoseconds: 60_000_000_000n, rank: 5, documented: true },
  { name: "h", nanoseconds: 3_600_000_000_000n, rank: 6, documented: true },
  { name: "d", nanoseconds: 86_400_000_000_000n, rank: 7, documented: true },
].map((row) => Object.freeze(row));

const byName: ReadonlyMap<string, DurationUnit> = new Map(UNITS.map((u) => [u.name, u]));

/** The unit called `name` (case-sensitive, as in Go), or undefined. */
export function lookupUnit(name: string): DurationUnit | undefined {
  return byName.get(name);
}

/** Go's limit: a time.Duration is an int64 of nanoseconds (about 292 years). */
export const MAX_NANOSECONDS = (1n << 63n) - 1n;

export const NANOSECONDS_PER_MILLISECOND = 1_000_000n;

/** Words people write for units, and the unit they mean. */
export function unitForWord(word: string): string | undefined {
  switch (word.toLowerCase()) {
    case "sec":
    case "secs":
    case "second":
    case "seconds":
      return "s";
    case "min":
    case "mins":
    case "minute":
    case "minutes":
      return "m";
    case "hr":
    case "hrs":
    case "hour":
    case "hours":
      return "h";
    case "day":
    case "days":
      return "d";
    case "msec":
    case "msecs":
    case "millisecond":
    case "milliseconds":
      return "ms";
    default:
      return undefined;
  }
}

export const DOCUMENTED_UNITS = UNITS.filter((u) => u.documented).map((u) => u.name);
export const GO_UNITS = UNITS.map((u) => u.name);
