/**
 * The candidate closest to `name`, for "did you mean …?" hints, or undefined
 * when none is close enough to be a likely typo. A case-only difference wins
 * outright (`Pow` → `pow`); then a prefix (`power` → `pow`, `maximum` → `max`);
 * then an abbreviation (`rnd` → `round`); then a shared start of four or more
 * letters (`retry` → `retried`); then the
 * smallest edit distance within a third of the name's length.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const caseOnly = candidates.find((c) => c.toLowerCase() === lower);
  if (caseOnly !== undefined) return caseOnly;
  if (name.length > 64) return undefined;
  const prefix = candidates.find((c) => c.length >= 3 && lower.startsWith(c));
  if (prefix !== undefined) return prefix;
  const abbreviated = lower.length >= 3 ? candidates.find((c) => isSubsequence(lower, c)) : undefined;
  if (abbreviated !== undefined) return abbreviated;
  const sharedStart = candidates.find((c) => commonPrefixLength(lower, c) >= 4);
  if (sharedStart !== undefined) return sharedStart;
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(name.length / 3));
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate);
    if (distance <= bestDistance && (best === undefined || distance < bestDistance)) {
      best = candidate;
      bestDistance = distance;
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
