import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { formatDuration, simulateDelivery } from "../../src/index.js";

/*
 * `retry-delay deliver` as a user runs it: the built binary in a child
 * process. Its --json output is validated against the published schema.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = `${root}/dist/cli.js`;
const schema = JSON.parse(readFileSync(`${root}/docs/schema/deliver-output.schema.json`, "utf8")) as object;
const validate = new Ajv2020({ strict: true, allErrors: true, strictTypes: false }).compile(schema);

function cli(args: readonly string[]) {
  if (!existsSync(bin)) throw new Error("dist/cli.js is missing: run `npm run build` (npm test does)");
  const result = spawnSync(process.execPath, [bin, "deliver", ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "", FORCE_COLOR: undefined, COLUMNS: undefined },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const QUESTION = [
  "--runs",
  "10000",
  "--flow-control",
  "parallelism=5, rate=10, period=1m",
  "--handler",
  "2s",
  "--fail-rate",
  "0.1",
  "--retries",
  "3",
  "--retry-delay",
  "pow(2, retried) * 1000",
  "--at",
  "3m",
];

describe("retry-delay deliver", () => {
  it("answers the issue's question with a summary, charts and the key at minute 3", () => {
    const { code, stdout, stderr } = cli(QUESTION);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const expected = simulateDelivery({
      arrivals: { count: 10_000 },
      flowControl: "parallelism=5, rate=10, period=1m",
      retries: 3,
      retryDelay: "pow(2, retried) * 1000",
      endpoint: { duration: "2s", failures: [{ probability: 0.1, status: 500 }] },
      output: { snapshots: ["3m"] },
    });
    if (!expected.ok) throw new Error("the scenario is valid");
    const { summary, snapshots } = expected.value;
    const at3m = snapshots[0];
    expect(stdout).toContain(`completed      ${summary.completed.toLocaleString("en-US")} of 10,000`);
    expect(stdout).toContain(`last run ends  ${formatDuration(summary.makespanMs)}`);
    expect(stdout).toMatch(/calls in flight \(parallelism 5\)\n5 ┤█+/);
    expect(stdout).toContain(`wait list\n${summary.maxWaitList} ┤`);
    expect(stdout).toContain("calls per 1m (rate 10 per 1m)\n10 ┤");
    expect(stdout).toContain(
      `at 3m: waitListSize ${at3m?.waitListSize.toLocaleString("en-US") ?? ""} · parallelismCount 5/5 · rateCount ${String(at3m?.rateCount)}/10 · period 60s from 3m`,
    );
  });

  it("prints --json that follows the published schema, with the required summary fields", () => {
    const { code, stdout } = cli([...QUESTION, "--retry-after", "30", "--json"]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { summary: Record<string, unknown>; scenario: { endpoint: unknown } };
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    for (const field of ["makespanMs", "completed", "failed", "maxInFlight", "maxWaitList"])
      expect(typeof doc.summary[field]).toBe("number");
    // --retry-after turns the failures into 429s carrying it.
    expect(doc.scenario.endpoint).toEqual({ duration: "2s", failures: [{ probability: 0.1, status: 429, retryAfter: 30 }] });
  });

  it("--fail-first 2 with --retries 2: every run succeeds on attempt 3", () => {
    const { stdout } = cli(["--runs", "5", "--fail-first", "2", "--retries", "2", "--retry-delay", "1000", "--json", "--events"]);
    const doc = JSON.parse(stdout) as {
      summary: { completed: number; attempts: number; makespanMs: number };
      events: { run: number; kind: string; t: number }[];
    };
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.summary).toMatchObject({ completed: 5, attempts: 15, makespanMs: 5000 });
    expect(doc.events.filter((e) => e.run === 0 && e.kind === "start").map((e) => e.t)).toEqual([0, 2000, 4000]);
  });

  it("reports an invalid scenario with the path, exit 1, and schema-valid --json", () => {
    const text = cli(["--runs", "3", "--flow-control", "rate=0"]);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain("error[invalid-count]: `rate` must be at least 1");
    expect(text.stderr).toContain("--> flowControl");
    const { code, stdout } = cli(["--runs", "3", "--retry-delay", "Pow(2, retried)", "--json"]);
    expect(code).toBe(1);
    const doc = JSON.parse(stdout) as { valid: boolean; diagnostics: { code: string; path: string }[] };
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.valid).toBe(false);
    expect(doc.diagnostics.map((d) => [d.code, d.path])).toEqual([["unknown-function", "retryDelay"]]);
  });

  it("refuses malformed flags as usage errors (exit 2)", () => {
    expect(cli([]).stderr).toContain("missing --runs");
    for (const args of [
      ["--runs", "0"],
      ["--runs", "5", "--fail-rate", "2"],
      ["--runs", "5", "--arrival-rate", "fast"],
      ["--runs", "5", "extra"],
    ])
      expect(cli(args).code).toBe(2);
  });

  it("the schema refuses a document without the required summary fields", () => {
    const { stdout } = cli(["--runs", "2", "--json"]);
    const doc = JSON.parse(stdout) as { summary: Record<string, unknown> };
    expect(validate(doc)).toBe(true);
    delete doc.summary.maxWaitList;
    expect(validate(doc)).toBe(false);
  });
});
