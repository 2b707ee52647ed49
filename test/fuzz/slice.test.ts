// The CI slice of `npm run fuzz`: every reproducer in test/fuzz/corpus/ is
// replayed (each is its own test, and fails until its bug is fixed), then a
// seeded run of SLICE_RUNS generated inputs per language, with the same
// generators and oracle as test/fuzz/run.mjs, against src/. A failure whose
// signature a corpus file already reproduces is left to that file's test, so
// a slice test fails only on a new bug; fast-check then prints the shrunk input.
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";
import { loadCorpus, makeChecker } from "./check.mjs";
import { ARBITRARIES, LANGUAGES } from "./generators.mjs";

const SLICE_RUNS = 10_000;
const SEED = 20_261_101;
const corpus = loadCorpus(fileURLToPath(new URL("./corpus", import.meta.url)));
const checker = makeChecker(lib, { timeBoundMs: 50 });

describe("fuzz corpus replay", () => {
  it.each(corpus.map((entry) => [entry.file, entry] as const))("%s", (_file, entry) => {
    const failure = checker.check(entry.language, entry.input);
    expect(failure?.message, `was: ${entry.signature}`).toBeUndefined();
  });
  it("holds reproducers of known languages only", () => {
    for (const entry of corpus) expect(LANGUAGES).toContain(entry.language);
  });
});

describe("fuzz slice", () => {
  const known = new Set(corpus.map((entry) => entry.signature));
  it.each(LANGUAGES.map((language) => [language]))(
    `%s: ${SLICE_RUNS} seeded inputs`,
    (language) => {
      let target: string | undefined;
      let message = "";
      const property = fc.property(ARBITRARIES[language], (input) => {
        const failure = checker.check(language, input);
        if (failure === undefined || (target === undefined && known.has(failure.signature))) return true;
        if (target === undefined) {
          target = failure.signature;
          message = failure.message;
        }
        return failure.signature !== target;
      });
      const result = fc.check(property, { seed: SEED, numRuns: SLICE_RUNS });
      expect(result.failed ? `${message}\ninput: ${JSON.stringify(result.counterexample?.[0])}` : "no failure").toBe("no failure");
    },
    120_000,
  );
});
