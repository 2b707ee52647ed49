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

const unit = (name: string, nanoseconds: bigint, rank: number, documented: boolean): DurationUnit => Object.freeze({ name, nanoseconds, rank, documented });

const UNITS: readonly DurationUnit[] = [
  unit("ns", 1n, 1, false),
  unit("us", 1_000n, 2, false),
  unit("\u00b5s", 1_000n, 2, false), // µs, MICRO SIGN
  unit("\u03bcs", 1_000n, 2, false), // μs, GREEK SMALL LETTER MU
  unit("ms", 1_000_000n, 3, false),
  unit("s", 1_000_000_000n, 4, true),
  unit("m", 60_000_000_000n, 5, true),
  unit("h", 3_600_000_000_000n, 6, true),
  unit("d", 86_400_000_000_000n, 7, true),
];

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
