import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

// Used by stryker.config.mjs: the project's vitest settings, restricted to the
// tests of the mutated modules (src/trigger, src/flow-control). Stryker's
// vitest runner overrides the pool (one thread per worker) and coverage.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["test/trigger/**/*.test.ts", "test/request/**/*.test.ts", "test/flow-control/**/*.test.ts"],
    // The never-throws fuzz checks no value, so it kills no mutant a value test misses; it only costs time per mutant.
    exclude: ["test/trigger/fuzz.test.ts"],
  },
});
