/*
 * The regression corpus for issue 18's rule "no new false alarms": every
 * valid expression in Upstash's docs and in this repository's tests (as of the
 * change that added the mistake diagnostics) that compiled with no error and
 * no warning. Bare numbers are left out: in the tests they are durations,
 * counts and timestamps far more often than retry delays, and a bare 1 to 100
 * as a retry delay is exactly what `short-delay` is for.
 *
 * Collected by compiling every string literal under test/ with the build
 * from before the change; each row names the file it came from.
 */

/** Upstash's documented expressions, with the page that shows each. */
export const UPSTASH_DOCUMENTED: ReadonlyArray<readonly [expression: string, page: string]> = [
  ["1000", "https://upstash.com/docs/workflow/rest/runs/trigger"],
  ["1000 * (1 + retried)", "https://upstash.com/docs/workflow/rest/runs/trigger"],
  ["pow(2, retried) * 1000", "https://upstash.com/docs/workflow/rest/runs/trigger"],
  ["max(1000, pow(2, retried) * 100)", "https://upstash.com/docs/workflow/rest/runs/trigger"],
  ["1000 * (1 + retried)", "https://upstash.com/docs/workflow/basics/client/trigger"],
];

/** The valid expressions of the existing tests, with the file each came from. */
export const TEST_EXPRESSIONS: ReadonlyArray<readonly [expression: string, file: string]> = [
  ["max(1000, pow(2, retried) * 100)", "test/browser/playground.test.ts"],
  ["1000 * (1 + retried)", "test/browser/playground.test.ts"],
  ["pow(2, retried) * 1000", "test/browser/playground.test.ts"],
  ["pow(2, retried)", "test/cli/cli.test.ts"],
  ["-1000 + 2000 * (retried + 1)", "test/cli/cli.test.ts"],
  ["pow(2,retried)*1000", "test/cli/cli.test.ts"],
  ["pow(10, retried*100)", "test/cli/cli.test.ts"],
  ["pow(2, retried) * 500", "test/delivery/properties.test.ts"],
  ["2500 - 1000 * retried", "test/delivery/properties.test.ts"],
  ["retried", "test/expression/diagnostics.test.ts"],
  ["min(86400000, pow(2, retried) * 1000)", "test/expression/domain-bounded.test.ts"],
  ["- -retried", "test/expression/fast-parse.test.ts"],
  ["1 + 1", "test/expression/limits.test.ts"],
  [" \tpow(2,\tretried) *  1000\t", "test/expression/limits.test.ts"],
  ["1\t+ 2", "test/expression/limits.test.ts"],
  ["1 + 2 * 3", "test/expression/semantics.test.ts"],
  ["(1 + 2) * 3", "test/expression/semantics.test.ts"],
  ["10 - 4 - 3", "test/expression/semantics.test.ts"],
  ["10 - (4 - 3)", "test/expression/semantics.test.ts"],
  ["64 / 4 / 2", "test/expression/semantics.test.ts"],
  ["64 / (4 / 2)", "test/expression/semantics.test.ts"],
  ["2 * 3 + 4 * 5", "test/expression/semantics.test.ts"],
  ["- -5", "test/expression/semantics.test.ts"],
  ["10 - -2", "test/expression/semantics.test.ts"],
  ["1 - 2 + 3", "test/expression/semantics.test.ts"],
  ["12 / 2 * 3", "test/expression/semantics.test.ts"],
  [" pow(\t2 ,retried )\t \t*1000\t", "test/expression/semantics.test.ts"],
  ["pow(2, 10)", "test/expression/semantics.test.ts"],
  ["exp(0)", "test/expression/semantics.test.ts"],
  ["sqrt(16)", "test/expression/semantics.test.ts"],
  ["abs(-3)", "test/expression/semantics.test.ts"],
  ["floor(2.7)", "test/expression/semantics.test.ts"],
  ["ceil(2.1)", "test/expression/semantics.test.ts"],
  ["min(3, 4)", "test/expression/semantics.test.ts"],
  ["max(3, 4)", "test/expression/semantics.test.ts"],
  ["round(retried / 2)", "test/expression/semantics.test.ts"],
  ["1 / 3 * 3", "test/expression/semantics.test.ts"],
  ["retried + 1", "test/expression/semantics.test.ts"],
  ["60 * 60 * 1000", "test/expression/semantics.test.ts"],
  ["retried + 1 + 2", "test/expression/semantics.test.ts"],
  ["1 + 2 + retried", "test/expression/semantics.test.ts"],
  ["pow(2, 10) * retried", "test/expression/semantics.test.ts"],
  ["-(-retried)", "test/expression/semantics.test.ts"],
  ["+retried", "test/expression/semantics.test.ts"],
  ["((pow(2,retried)))*1e3", "test/expression/semantics.test.ts"],
  ["1+(2+3)", "test/expression/semantics.test.ts"],
  ["1 + (2 + 3)", "test/expression/semantics.test.ts"],
  ["(1+2)+3", "test/expression/semantics.test.ts"],
  ["1 + 2 + 3", "test/expression/semantics.test.ts"],
  ["1-(2-3)", "test/expression/semantics.test.ts"],
  ["1 - (2 - 3)", "test/expression/semantics.test.ts"],
  ["(1*2)+3", "test/expression/semantics.test.ts"],
  ["1 * 2 + 3", "test/expression/semantics.test.ts"],
  ["1*(2+3)", "test/expression/semantics.test.ts"],
  ["1 * (2 + 3)", "test/expression/semantics.test.ts"],
  ["max(1000,pow(2,retried)*100)", "test/expression/semantics.test.ts"],
  ["1000 + retried", "test/fuzz/header-safety.test.ts"],
  ["max(1000, retried * 200)", "test/fuzz/header-safety.test.ts"],
  ["300 * (1 + retried)", "test/integration/bullmq.test.ts"],
  ["100 * pow(2, retried)", "test/integration/bullmq.test.ts"],
  ["min(3600000, pow(2, retried) * 1000)", "test/schedule/schedule.test.ts"],
  ["pow(3, retried) * 1000", "test/schedule/schedule.test.ts"],
  ["(retried * retried + retried + 2) * 500", "test/schedule/schedule.test.ts"],
  ["pow(10, retried * 100)", "test/schedule/schedule.test.ts"],
  ["1000 - 400 * retried", "test/server/cache.test.ts"],
  ["40 * (1 + retried)", "test/server/hooks.test.ts"],
  ["50 * pow(2, retried)", "test/server/hooks.test.ts"],
  ["1000 - 500 * retried", "test/trigger/build.test.ts"],
];
