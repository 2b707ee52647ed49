/*
 * The same few option values recur across a code base and across the calls
 * of one program (a shared `delay: "10s"`, the same flow-control period), and
 * the ESLint plugin and the validating client check every call. The pure
 * parts of their checks are kept here, per text, in small bounded maps.
 */

/**
 * `compute`, remembered by a key that stands for its whole input, for the last `maxEntries` keys (the oldest goes
 * first); a key longer than `maxKeyLength` is computed and not kept, so the
 * memory held stays bounded whatever the caller passes. Each result is
 * frozen, deeply, before it is kept: every caller gets the same object, and
 * `Report.adopt` copies a diagnostic before tagging it.
 */
export function memoized<I, T>(
  { maxEntries, maxKeyLength }: { readonly maxEntries: number; readonly maxKeyLength: number },
  compute: (input: I) => T,
): (key: string | undefined, input: I) => T {
  const kept = new Map<string, T>();
  return (key, input) => {
    // No key: an input that has none (a value that is not a primitive) is computed every time.
    if (key === undefined || key.length > maxKeyLength) return compute(input);
    const known = kept.get(key);
    if (known !== undefined || kept.has(key)) return known as T;
    const result = deepFreeze(compute(input));
    if (kept.size >= maxEntries) kept.delete(kept.keys().next().value as string);
    kept.set(key, result);
    return result;
  };
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
  return value;
}
