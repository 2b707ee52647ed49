/*
 * The words people write for a backoff strategy in place of an expression
 * (`Upstash-Retry-Delay: exponential`), by the strategy each names. Name
 * resolution (name-problems.ts) reads only this, to decide `strategy-name`:
 * what to write instead is strategies.ts's, which the root's explanation
 * reads, so retry-delay/runtime, which leaves explanations to the root,
 * carries the words without the expressions.
 */

/** Each strategy's lower-case words. */
export const STRATEGY_WORDS = {
  exponential: ["exponential", "expo", "exponent"],
  linear: ["linear", "incremental"],
  fixed: ["fixed", "constant", "static"],
  default: ["default", "auto"],
  backoff: ["backoff"],
} as const;

/** A strategy people name: a key of {@link STRATEGY_WORDS}. */
export type StrategyKind = keyof typeof STRATEGY_WORDS;

const LONGEST_WORD = 16;

// A Map, never a plain object: `constructor` must find nothing.
const byWord: ReadonlyMap<string, StrategyKind> = new Map(
  (Object.keys(STRATEGY_WORDS) as StrategyKind[]).flatMap((kind) => STRATEGY_WORDS[kind].map((word) => [word, kind] as const)),
);

/** The strategy a name stands for (any case), or undefined. */
export function strategyKind(name: string): StrategyKind | undefined {
  return name.length > LONGEST_WORD ? undefined : byWord.get(name.toLowerCase());
}
