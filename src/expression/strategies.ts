/*
 * Backoff strategies by name, as people write them in place of an
 * expression (`Upstash-Retry-Delay: exponential`), with the expression each
 * name stands for. Name resolution reads this table for the
 * `strategy-name` diagnostic; the docs' "Common mistakes" section shows it.
 */

/**
 * Upstash's documented default backoff, written in the expression language:
 * `min(86400, e^(2.5·n))` seconds for retry n = 1, 2, …, truncated to whole
 * seconds (the docs' table: 12s, 2m28s, 30m8s, 6h7m6s, 24h, 24h). With
 * `retried = n - 1`, that is this expression, in milliseconds.
 *
 * @example
 * ```ts
 * compile(DEFAULT_BACKOFF_EXPRESSION)(0); // 12000, the documented 12s
 * ```
 */
export const DEFAULT_BACKOFF_EXPRESSION = "min(86400, floor(exp(2.5 * (retried + 1)))) * 1000";

/** One named strategy: the words that name it, and the expressions to offer, best first. */
export interface Strategy {
  /** Lower-case words that name it. */
  readonly words: readonly string[];
  readonly offers: readonly { readonly expression: string; readonly describes: string }[];
}

const EXPONENTIAL = { expression: "pow(2, retried) * 1000", describes: "exponential backoff: 1s, 2s, 4s, 8s, …" } as const;
const DEFAULT = {
  expression: DEFAULT_BACKOFF_EXPRESSION,
  describes: "Upstash's default backoff written out: 12s, 2m28s, 30m8s, … at most 1 day",
} as const;

/** The strategy words, each with what to write instead. */
export const STRATEGIES: readonly Strategy[] = [
  { words: ["exponential", "expo", "exponent"], offers: [EXPONENTIAL] },
  { words: ["linear", "incremental"], offers: [{ expression: "1000 * (1 + retried)", describes: "linear backoff: 1s, 2s, 3s, …" }] },
  { words: ["fixed", "constant", "static"], offers: [{ expression: "1000", describes: "a fixed delay of 1s" }] },
  { words: ["default", "auto"], offers: [DEFAULT] },
  { words: ["backoff"], offers: [DEFAULT, EXPONENTIAL] },
];

const byWord: ReadonlyMap<string, Strategy> = new Map(STRATEGIES.flatMap((s) => s.words.map((w) => [w, s] as const)));

/** The strategy a name stands for (any case), or undefined. */
export function strategyNamed(name: string): Strategy | undefined {
  return name.length > 16 ? undefined : byWord.get(name.toLowerCase());
}
