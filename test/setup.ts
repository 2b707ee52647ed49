import fc from "fast-check";

// More iterations in CI (CI=true), fewer locally. fast-check prints the seed
// and the shrunk counterexample on failure; replay with `{ seed, path }`.
fc.configureGlobal({ numRuns: process.env.CI ? 1000 : 100 });
