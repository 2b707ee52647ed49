// @ts-check
/**
 * Mutation testing of the request-option table and its builders, the trigger
 * and flow-control modules (issue 12).
 * Run with `npm run mutation` (= `stryker run`); check that it starts with
 * `npx stryker run --dryRunOnly`.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: {
    // Only test/trigger/** and test/flow-control/**, with the project's setup file.
    configFile: "vitest.mutation.config.ts",
  },
  mutate: ["src/request/**/*.ts", "src/trigger/**/*.ts", "src/flow-control/**/*.ts"],
  coverageAnalysis: "perTest",
  // Module-level code (the table's rows, code summaries) runs on import, so each of its
  // mutants would need every test; Stryker reports them as ignored instead of timing them.
  ignoreStatic: true,
  concurrency: 2,
  incremental: false,
  reporters: ["clear-text", "json", "progress"],
  // clear-text goes to stdout; the JSON report (mutation-testing-elements schema) goes to reports/.
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
  // fast-check properties make a dry run slow; give each test run room.
  timeoutMS: 60_000,
};
