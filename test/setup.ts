import fc from "fast-check";
import { beforeEach } from "vitest";

/**
 * Under Stryker (vitest.mutation.config.ts sets MUTATION_RUN=1) the suite runs
 * once per mutant, so properties try fewer cases and stop at the first
 * failure: a killed mutant needs no shrunk counterexample.
 */
const MUTATION_RUN = process.env.MUTATION_RUN === "1";

/**
 * Cases for a property that names its own count: `local` normally, five times
 * that in CI (CI=true), a third of it (at least 10) under Stryker.
 */
export function propertyRuns(local: number): number {
  if (process.env.CI) return local * 5;
  return MUTATION_RUN ? Math.max(10, Math.round(local / 3)) : local;
}

// More iterations in CI, fewer locally. fast-check prints the seed and the
// shrunk counterexample on failure; replay with `{ seed, path }`.
fc.configureGlobal({ numRuns: process.env.CI ? 1000 : MUTATION_RUN ? 30 : 100, endOnFailure: MUTATION_RUN });

/**
 * Tests that hold work to a time budget (CPU time, test/support/cpu-time.ts). Under
 * Stryker's instrumentation the budget measures the instrumentation, not the code: such a test
 * fails the initial run or "kills" a mutant by being slow. Stryker has its own
 * timeout for mutants that loop; what these tests check besides time is
 * asserted without a clock in test/request/incoming-headers.test.ts and
 * test/request/build-messages.test.ts.
 */
const WALL_CLOCK_TESTS: ReadonlySet<string> = new Set([
  "bounds the unknown-option warnings: 20 with suggestions, then one count",
  "bounds the unknown-header warnings: 20 with suggestions, then one count",
  "refuses a 1 MB header value quickly",
  "trimming a value with a long interior run of spaces is linear (the edge regex was quadratic)",
]);

if (MUTATION_RUN) {
  beforeEach((context) => {
    if (WALL_CLOCK_TESTS.has(context.task.name)) context.skip();
  });
}
