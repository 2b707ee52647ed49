import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BULLMQ_MAJORS, describeWithRedis, startRedis, type RedisServer } from "./redis.js";

/*
 * examples/bullmq.mjs as a user runs it: copied into a project whose
 * node_modules holds only what its header says to install (retry-delay, the
 * built package; bullmq, one major at a time; ioredis), against a real
 * redis-server.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const LATE_MS = 500;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A project directory with examples/bullmq.mjs and the given packages linked into node_modules. */
function project(packages: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), "retry-delay-bullmq-example-"));
  mkdirSync(join(dir, "node_modules"));
  for (const [name, target] of Object.entries(packages)) symlinkSync(target, join(dir, "node_modules", name), "dir");
  copyFileSync(`${root}examples/bullmq.mjs`, join(dir, "bullmq.mjs"));
  return dir;
}

function runExample(dir: string, port: number): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["bullmq.mjs", String(port)], { cwd: dir, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : null, stdout, stderr });
    });
  });
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("examples/bullmq.mjs without ioredis installed", () => {
  it("stops at its own import of ioredis, naming the package to install", async () => {
    const dir = project({ "retry-delay": root, bullmq: `${root}node_modules/bullmq-6` });
    dirs.push(dir);
    const run = await runExample(dir, 1);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("Cannot find package 'ioredis' imported from");
    expect(run.stdout).toBe("");
  });
});

for (const { alias, major } of BULLMQ_MAJORS) {
  describeWithRedis(`examples/bullmq.mjs on BullMQ ${major}`, () => {
    let redis: RedisServer | undefined;
    beforeAll(async () => {
      redis = await startRedis();
    }, 20_000);
    afterAll(async () => {
      await redis?.stop();
    });

    it("retries after 200, 400 and 800 ms, completes on the fourth attempt and exits by itself", async () => {
      const dir = project({
        "retry-delay": root,
        bullmq: `${root}node_modules/${alias}`,
        ioredis: `${root}node_modules/ioredis`,
      });
      dirs.push(dir);
      const run = await runExample(dir, redis?.port ?? 0);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);

      const lines = run.stdout.trim().split("\n");
      expect(lines.map((line) => line.replace(/^\+\d+ ms {2}/, ""))).toEqual([
        "attempt 1 of 5",
        "attempt 2 of 5",
        "attempt 3 of 5",
        "attempt 4 of 5",
        "completed after 4 attempts",
      ]);
      const times = lines.slice(0, 4).map((line) => Number(/^\+(\d+) ms/.exec(line)?.[1]));
      const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
      [200, 400, 800].forEach((ms, i) => {
        expect(gaps[i], `gap ${i + 1} of ${JSON.stringify(gaps)}`).toBeGreaterThanOrEqual(ms - 10);
        expect(gaps[i], `gap ${i + 1} of ${JSON.stringify(gaps)}`).toBeLessThan(ms + LATE_MS);
      });
    }, 40_000);
  });
}
