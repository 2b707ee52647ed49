/**
 * How many problems of one kind are reported one by one before the rest are
 * counted in one more. Input from a request body can repeat a mistake
 * thousands of times, and each report may cost a did-you-mean search.
 */
const MAX_ITEMIZED = 20;

/** Reports the first {@link MAX_ITEMIZED} items one by one, then, if there are more, how many. */
export function reportBounded<T>(items: readonly T[], each: (item: T) => void, rest: (count: number) => void): void {
  for (const item of items.slice(0, MAX_ITEMIZED)) each(item);
  if (items.length > MAX_ITEMIZED) rest(items.length - MAX_ITEMIZED);
}
