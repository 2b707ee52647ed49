/**
 * The candidate closest to `name`, for "did you mean …?" hints, or undefined
 * when none is close enough to be a likely typo. Comparison ignores case.
 * In order:
 *
 * 1. a case-only difference (`Pow` → `pow`);
 * 2. the smallest edit distance within a third of the name's length
 *    (`retries` → `retried`, `pwo` → `pow`);
 * 3. a prefix either way (`power` → `pow`, `maximum` → `max`);
 * 4. an abbreviation (`rnd` → `round`);
 * 5. the longest shared start of four or more letters (`retry` → `retried`).
 *
 * `candidates` may be a {@link CandidateNames}, lowered once for a list
 * searched on every call.
 */
export function closestName(name: string, candidates: readonly string[] | CandidateNames): string | undefined {
  if (name.length === 0 || name.length > 64) return undefined;
  const lower = name.toLowerCase();
  const entries = candidates instanceof CandidateNames ? candidates.entries : lowered(candidates);
  const caseOnly = entries.find((e) => e.lower === lower);
  if (caseOnly !== undefined) return caseOnly.candidate;

  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
  for (const e of entries) {
    // The distance is at least the difference in length: skip what cannot win.
    if (Math.abs(e.lower.length - lower.length) >= bestDistance) continue;
    // Only a distance under the best so far matters: the search stops once it cannot be.
    const distance = editDistance(lower, e.lower, bestDistance - 1);
    if (distance < bestDistance) {
      best = e.candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined) return best;

  const prefix = entries.find((e) => e.lower.length >= 3 && lower.length >= 3 && (lower.startsWith(e.lower) || e.lower.startsWith(lower)));
  if (prefix !== undefined) return prefix.candidate;
  const abbreviated = lower.length >= 3 ? entries.find((e) => isSubsequence(lower, e.lower)) : undefined;
  if (abbreviated !== undefined) return abbreviated.candidate;
  let longest = 3;
  for (const e of entries) {
    const shared = commonPrefixLength(lower, e.lower);
    if (shared > longest) {
      longest = shared;
      best = e.candidate;
    }
  }
  return best;
}

/** A candidate and its lower case, which every comparison reads. */
interface Candidate {
  readonly candidate: string;
  readonly lower: string;
}

function lowered(candidates: readonly string[]): readonly Candidate[] {
  return candidates.map((candidate) => ({ candidate, lower: candidate.toLowerCase() }));
}

/**
 * A fixed list of candidates for {@link closestName}, lowered once: for a
 * caller that searches the same names on every call, such as an
 * expression's unknown names against the builtin table.
 *
 * @example
 * ```ts
 * const NAMES = new CandidateNames(["retried", "pow", "max"]);
 * closestName("retries", NAMES); // "retried"
 * ```
 */
export class CandidateNames {
  readonly entries: readonly Candidate[];

  constructor(names: readonly string[]) {
    this.entries = Object.freeze(lowered(names));
  }
}

/**
 * Optimal-string-alignment distance: Levenshtein plus adjacent swaps
 * (`rtereid`). Given a `limit`, any distance over it is reported as
 * `limit + 1`, and the search stops as soon as it must be over.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const cols = b.length + 1;
  // Three rows, reused: the one before the previous (for swaps), the previous, and this one.
  let twoBack = new Array<number>(cols).fill(0);
  let previous = new Array<number>(cols);
  let row = new Array<number>(cols).fill(0);
  for (let j = 0; j < cols; j++) previous[j] = j;
  let previousMinimum = 0;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let minimum = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (twoBack[j - 2] as number) + 1);
      row[j] = value;
      if (value < minimum) minimum = value;
    }
    // A row's values are at least the smaller of the last row's least and the one before's least plus one:
    // once two rows in a row are over the limit, every later one is too.
    if (minimum > limit && previousMinimum > limit) return limit + 1;
    previousMinimum = minimum;
    const reused = twoBack;
    twoBack = previous;
    previous = row;
    row = reused;
  }
  const distance = previous[b.length] as number;
  return distance > limit ? limit + 1 : distance;
}

/** True when every character of `short` appears in `long`, in order. */
function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (let j = 0; j < long.length && i < short.length; j++) if (long[j] === short[i]) i++;
  return i === short.length;
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
