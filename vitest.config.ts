import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    // Property tests run 10x more iterations in CI; give them room on 2 cores.
    testTimeout: process.env.CI ? 120_000 : 30_000,
    pool: "forks",
  },
});
