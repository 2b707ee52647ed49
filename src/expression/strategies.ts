import { STRATEGY_WORDS, strategyKind, type StrategyKind } from "./strategy-words.js";

/*
 * Backoff strategies by name, as people write them in place of an
 * expression (`Upstash-Retry-Delay: exponential`), with the expressions to
 * write instead. Which words name a strategy is strategy-words.ts's, which
 * name resolution reads to decide `strategy-name`; the root's explanation
 * of it offers these expressions, and the docs' "Common mistakes" section
 * shows them.
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

/** What to write instead of each strategy's words, best first. */
const OFFERS: { readonly [K in StrategyKind]: Strategy["offers"] } = {
  exponential: [EXPONENTIAL],
  linear: [{ expression: "1000 * (1 + retried)", describes: "linear backoff: 1s, 2s, 3s, …" }],
  fixed: [{ expression: "1000", describes: "a fixed delay of 1s" }],
  default: [DEFAULT],
  backoff: [DEFAULT, EXPONENTIAL],
};

const byKind: ReadonlyMap<StrategyKind, Strategy> = new Map(
  (Object.keys(STRATEGY_WORDS) as StrategyKind[]).map((kind) => [kind, { words: STRATEGY_WORDS[kind], offers: OFFERS[kind] }]),
);

/** The strategy words, each with what to write instead. */
export const STRATEGIES: readonly Strategy[] = [...byKind.values()];

/** The strategy a name stands for (any case), or undefined. */
export function strategyNamed(name: string): Strategy | undefined {
  const kind = strategyKind(name);
  return kind === undefined ? undefined : byKind.get(kind);
}
