import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli, root } from "./run.js";

/*
 * Usage errors as a user meets them: in the CLI's own words, with a
 * did-you-mean from the expression language's suggestion engine, the help
 * line of the flag (or command) concerned, the usage, exit 2, every problem
 * of the command line at once, and never Node's util.parseArgs wording.
 */

/** Node's parseArgs wording, which must never reach a user. */
const NODE_WORDING = [/To specify a positional argument/, /ERR_PARSE_ARGS/, /Unknown option/, /Option '.*' argument/, /\n\s+at /];

/** A wide terminal, so that the assertions read whole messages (wrapping has its own tests). */
function usageError(args: readonly string[]) {
  const result = cli(args, { env: { COLUMNS: "1000" } });
  expect(result.code, `${args.join(" ")}\n${result.stderr}`).toBe(2);
  expect(result.stdout).toBe("");
  for (const pattern of NODE_WORDING) expect(result.stderr).not.toMatch(pattern);
  return result.stderr;
}

describe("did-you-mean", () => {
  it("a mistyped command: the nearest command and its summary line", () => {
    const stderr = usageError(["chekc", "1000"]);
    expect(stderr.split("\n").slice(0, 2)).toEqual([
      "retry-delay: unknown command 'chekc'; did you mean 'check'?",
      "  check    validate an Upstash-Retry-Delay expression",
    ]);
    expect(stderr).toContain("Run 'retry-delay help' for the commands.");
    expect(usageError(["simulte", "1000"])).toContain("did you mean 'simulate'?");
    expect(usageError(["flowcontrol", "rate=1"])).toContain("did you mean 'flow-control'?");
  });

  it("a command nothing resembles gets no guess", () => {
    expect(usageError(["frobnicate"]).split("\n")[0]).toBe("retry-delay: unknown command 'frobnicate'");
  });

  it("a mistyped flag: the nearest flag of that command and its help line", () => {
    const stderr = usageError(["simulate", "1000", "--retires", "3"]);
    expect(stderr.split("\n").slice(0, 2)).toEqual([
      "retry-delay: unknown option '--retires'; did you mean '--retries'?",
      "  -r, --retries N  retries after the first delivery (default 3, at most 1000)",
    ]);
    expect(stderr).toContain("Run 'retry-delay help simulate' for its options and examples.");
    expect(usageError(["trigger", "--url", "https://e.com/wf", "--flow-contrl", "rate=1"])).toContain("did you mean '--flow-control'?");
    expect(usageError(["deliver", "--runs", "5", "--failrate", "0.1"])).toContain("did you mean '--fail-rate'?");
  });

  it("a flag of another command says whose it is", () => {
    expect(usageError(["check", "1000", "--tz", "UTC"]).split("\n")[0]).toBe(
      "retry-delay: unknown option '--tz'; it is an option of 'simulate'",
    );
  });

  it("a long flag written with one dash", () => {
    expect(usageError(["check", "1000", "-retries", "5"]).split("\n")[0]).toBe(
      "retry-delay: unknown option '-retries'; did you mean '--retries'? (long options start with --)",
    );
  });

  it("a value outside a flag's choices, with the nearest", () => {
    expect(usageError(["trigger", "--url", "https://e.com/wf", "--plan", "fre"])).toContain(
      "--plan must be one of free, pay-as-you-go, fixed, not 'fre'; did you mean 'free'?",
    );
    expect(usageError(["check", "1", "--color=alway"])).toContain("did you mean 'always'?");
    expect(usageError(["completion", "bsh"])).toContain("the shells are bash, zsh, fish; did you mean 'bash'?");
    expect(usageError(["help", "simulat"])).toContain("unknown command 'simulat'; did you mean 'simulate'?");
  });
});

describe("usage errors in the CLI's own words", () => {
  it.each([
    [["check", "1", "--retries"], "--retries needs a value (N)"],
    [["check", "1", "--retries", "--json"], "--retries needs a value (N) (to give a value that starts with '-', write --retries=--json)"],
    [["simulate", "--default=yes"], "--default takes no value, but was given 'yes'"],
    [["simulate", "1000", "--delay", "1s", "--delay", "2s"], "--delay was given twice ('1s' and '2s'); give it once"],
    [["check"], "missing the expression"],
    [["check", "1", "2"], "expected one expression, got 2 arguments (quote the expression if it has spaces)"],
    [["trigger"], "missing --url: where the request goes"],
    [["deliver"], "missing --runs: how many runs to trigger"],
    [["check", "1", "--width", "5"], "--width must be 0 (no wrapping) or a whole number from 20 to 1000, not '5'"],
    [["completion"], "missing the shell: bash, zsh, fish"],
  ])("%j", (args, message) => {
    const stderr = usageError(args);
    expect(stderr).toContain(`retry-delay: ${message}`);
    expect(stderr).toMatch(/^Usage: retry-delay /m);
  });

  it("a value that starts with - is a value, and -- ends the flags", () => {
    expect(cli(["check", "-1000 + 2000"]).code).toBe(0);
    expect(cli(["check", "--", "-1000 + 2000"]).code).toBe(0);
    expect(cli(["check", "1", "--retries=5"]).code).toBe(0);
    expect(cli(["check", "1", "-r5"]).stdout).toContain("delay over 5 retries");
  });

  it("reports every invalid value of a request at once: usage problems and diagnostics together", () => {
    const stderr = usageError([
      "trigger",
      "--url",
      "https://example.com/wf",
      "--flow-control",
      "rate=abc, parallelism=-1",
      "--delay",
      "10x",
      "--retries",
      "many",
      "--plan",
      "gold",
      "--header",
      "no-colon",
      "--bogus",
    ]);
    for (const part of [
      "error[invalid-count]: `rate` must be a positive whole number, not `abc`",
      "error[invalid-count]: `parallelism` must be a positive whole number, not `-1`",
      "error[unknown-unit]: unknown unit `x`",
      "--retries must be a whole number from 0 to 1,000,000, not 'many'",
      "--plan must be one of free, pay-as-you-go, fixed, not 'gold'",
      "--header must look like 'Name: value', not 'no-colon'",
      "unknown option '--bogus'",
    ])
      expect(stderr).toContain(part);
  });

  it("reports every bad flag of simulate and deliver at once", () => {
    const simulate = usageError([
      "simulate",
      "1000",
      "--retries",
      "x",
      "--start",
      "yesterday",
      "--tz",
      "Mars/Olympus",
      "--not-before",
      "-",
    ]);
    for (const flag of ["--retries", "--start", "--tz", "--not-before"]) expect(simulate).toContain(`retry-delay: ${flag} `);
    const deliver = usageError(["deliver", "--runs", "0", "--fail-rate", "2", "--arrival-rate", "fast", "--seed", "x", "extra"]);
    for (const part of ["--runs must", "--fail-rate must", "--arrival-rate must", "--seed must", "unexpected argument 'extra'"])
      expect(deliver).toContain(part);
  });

  it("--help wins over the other problems of the line", () => {
    const result = cli(["simulate", "--retires", "3", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: retry-delay simulate/);
  });
});

describe("an unknown flag's value", () => {
  it("is taken as the value of the flag it was meant to be, not reported again as a stray argument", () => {
    for (const args of [
      ["simulate", "1000", "--retires", "5"],
      ["check", "1000", "-retries", "5"],
      ["check", "1000", "--tz", "UTC"],
      ["trigger", "--url", "https://e.com/wf", "--dealy", "10s"],
    ]) {
      const stderr = usageError(args);
      expect(stderr.match(/^retry-delay: /gm), stderr).toHaveLength(1);
    }
  });

  it("is left alone when nothing says the flag takes one", () => {
    expect(usageError(["check", "1000", "--frobnicate", "5"]).match(/^retry-delay: /gm)).toHaveLength(2);
  });
});

describe("docs/cli-errors.txt", () => {
  it("is what the CLI answers today to five mistyped commands and flags (regenerate with `npm run docs:cli`)", () => {
    const fresh = execFileSync(process.execPath, [`${root}/scripts/cli-docs.mjs`, "--errors-stdout"], { encoding: "utf8" });
    expect(readFileSync(`${root}/docs/cli-errors.txt`, "utf8")).toBe(fresh);
    const transcripts = fresh.split("\n$ ").slice(1);
    expect(transcripts).toHaveLength(5);
    for (const transcript of transcripts) {
      expect(transcript).toMatch(/did you mean|it is an option of/);
      expect(transcript.trimEnd().endsWith("[exit 2]")).toBe(true);
    }
  }, 60_000);
});
