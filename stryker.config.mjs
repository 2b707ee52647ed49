// @ts-check
/**
 * Mutation testing of the request-option table and its builders, the trigger
 * and flow-control modules (issue 12). See docs/mutation-testing.md.
 *
 * `npm run mutation` (= `stryker run`) mutates the whole scope (~1.5 h on two
 * cores). `MUTATION_GROUP=<group> npx stryker run` mutates one group of
 * `GROUPS` and keeps its own JSON report and incremental file, so a re-run
 * after adding tests only re-tests the mutants those tests cover.
 * Check that it starts with `npx stryker run --dryRunOnly`.
 */
const GROUPS = {
  all: ["src/request/**/*.ts", "src/trigger/**/*.ts", "src/flow-control/**/*.ts"],
  "request-values": ["src/request/values/**/*.ts", "!src/request/values/flow.ts"],
  request: ["src/request/*.ts"],
  trigger: ["src/trigger/**/*.ts"],
  "flow-control": ["src/flow-control/**/*.ts", "src/request/values/flow.ts"],
};
const group = process.env.MUTATION_GROUP ?? "all";
if (!Object.hasOwn(GROUPS, group)) {
  throw new Error(`MUTATION_GROUP must be one of ${Object.keys(GROUPS).join(", ")}; got ${group}`);
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: {
    // Only test/request/**, test/trigger/** and test/flow-control/**, with the project's
    // setup file; it sets MUTATION_RUN, so properties try fewer cases and do not shrink.
    configFile: "vitest.mutation.config.ts",
  },
  mutate: GROUPS[/** @type {keyof typeof GROUPS} */ (group)],
  coverageAnalysis: "perTest",
  // Module-level code (the table's rows, code summaries) runs on import, so each of its
  // mutants would need every test; Stryker reports them as ignored instead of timing them.
  ignoreStatic: true,
  concurrency: 2,
  // Reuse the last run's result for a mutant whose code and covering tests did not change.
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${group}.json`,
  reporters: ["clear-text", "json", "progress"],
  // clear-text goes to stdout; the JSON report (mutation-testing-elements schema) goes to reports/.
  jsonReporter: { fileName: `reports/mutation/${group}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
  // Added to 1.5x a mutant's covering tests' own time; room for a loaded machine.
  timeoutMS: 15_000,
};
