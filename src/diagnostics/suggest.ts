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
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  if (name.length === 0 || name.length > 64) return undefined;
  const lower = name.toLowerCase();
  const entries = candidates.map((candidate) => ({ candidate, lower: candidate.toLowerCase() }));
  const caseOnly = entries.find((e) => e.lower === lower);
  if (caseOnly !== undefined) return caseOnly.candidate;

  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
  for (const e of entries) {
    // The distance is at least the difference in length: skip what cannot win.
    if (Math.abs(e.lower.length - lower.length) >= bestDistance) continue;
    const distance = editDistance(lower, e.lower);
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

/** Optimal-string-alignment distance: Levenshtein plus adjacent swaps (`rtereid`). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, at(i - 2, j - 2) + 1);
      d[i * cols + j] = value;
    }
  }
  return at(a.length, b.length);
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
