import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import base from "./vitest.config.js";

/**
 * Runs the unit tests before the fast-check properties (the SDK differential
 * and round-trip files). Stryker stops at a mutant's first failing test, so a
 * mutant a unit test kills never waits for the properties.
 */
class UnitTestsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const properties = (file: TestSpecification): boolean => /(differential|round-trip)[^/]*\.test\.ts$/.test(file.moduleId);
    return [...sorted.filter((file) => !properties(file)), ...sorted.filter(properties)];
  }
}

// Used by stryker.config.mjs: the project's vitest settings, restricted to the
// tests of the mutated modules (src/request, src/trigger, src/flow-control).
// Stryker's vitest runner overrides the pool (one thread per worker) and coverage.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["test/trigger/**/*.test.ts", "test/request/**/*.test.ts", "test/flow-control/**/*.test.ts"],
    // The never-throws fuzz checks no value, so it kills no mutant a value test misses; it only costs time per mutant.
    exclude: ["test/trigger/fuzz.test.ts"],
    // test/setup.ts: a third of the property cases, and no shrinking (a killed mutant needs no minimal counterexample).
    env: { MUTATION_RUN: "1" },
    // Stryker runs the covering tests once per mutant. Without isolation the worker keeps its
    // imported modules (the SDKs, the library) between runs instead of importing them again each
    // time; mutants switch at run time, and the mutated modules keep no state between calls.
    isolate: false,
    sequence: { sequencer: UnitTestsFirst },
  },
});
