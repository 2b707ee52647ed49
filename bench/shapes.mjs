/**
 * The shapes of the bench's workload, each made distinct by `i`: the bench's distinct-expression
 * stream (contenders.mjs) and the checks' wording reference (test/expression/fixtures) read this one list.
 */
export const DISTINCT_SHAPES = [
  (i) => `pow(2, retried) * ${1000 + i}`,
  (i) => `max(${1000 + i}, pow(2, retried) * ${(i % 97) + 1})`,
  (i) => `${1000 + i} * (1 + retried)`,
  (i) => `min(${86_400_000 + i}, exp(2.5 * (retried + ${(i % 7) + 1})) * 1000)`,
  (i) =>
    `min(${3_600_000 + i}, max(1000, round(pow(2, retried) * ${(i % 50) + 50} * (1 + abs(sqrt(retried + 1) - 1) / 4)) + floor(retried / 2) * 250))`,
];
