import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT } from "./markdown.js";

/*
 * Every script in examples/ runs in CI: compile.mjs in test/package/bundle.test.ts,
 * bullmq.mjs against a real Redis in test/integration/bullmq-example.test.ts,
 * eslint/ through .ci/run (examples/eslint/check.mjs), and the rest here.
 */

const COVERED_ELSEWHERE = new Set(["compile.mjs", "bullmq.mjs"]);

function run(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [`examples/${file}`], { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : null, stdout, stderr });
    });
  });
}

describe("examples/", () => {
  it("has no script that nothing runs", () => {
    const scripts = readdirSync(`${ROOT}examples`).filter((name) => name.endsWith(".mjs"));
    expect(scripts.filter((name) => !COVERED_ELSEWHERE.has(name) && name !== "retry-libraries.mjs")).toEqual([]);
  });

  it("retry-libraries.mjs: ky and got retry on the expression's schedule against a local server", async () => {
    const { code, stdout, stderr } = await run("retry-libraries.mjs");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines.map((line) => line.replace(/ in \d+ ms/, " in N ms"))).toEqual([
      "ky:  ok after 2 retries in N ms (schedule: 100 + 200 ms)",
      "got: ok after 2 retries in N ms (schedule: 100 + 200 ms)",
    ]);
    // Two retries 100 and 200 ms apart: never sooner than the schedule.
    for (const line of lines) expect(Number(/ in (\d+) ms/.exec(line)?.[1])).toBeGreaterThanOrEqual(300);
  }, 60_000);
});
