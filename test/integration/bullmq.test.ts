import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { Queue, type Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKOFF_TYPE_PREFIX, retryDelayBackoff, retryDelayBackoffStrategy } from "../../src/adapters/bullmq.js";
import { RetryDelayError } from "../../src/index.js";

/*
 * The BullMQ adapter against a real redis-server (started here on a free
 * loopback port, without persistence) and real worker processes, one of
 * which is SIGKILLed between a job's retries. `.ci/run` installs
 * redis-server from Debian; locally: `apt-get install -y redis-server`.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const redisBinary = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].find(existsSync);
// Timers only run late; an attempt may not come early, and may come this much late.
const LATE_MS = 500;

describe("retryDelayBackoffStrategy (unit)", () => {
  const strategy = retryDelayBackoffStrategy();
  it("maps attemptsMade to retried = attemptsMade - 1", () => {
    const type = `${BACKOFF_TYPE_PREFIX}pow(2, retried) * 1000`;
    expect([1, 2, 3].map((n) => strategy(n, type, new Error("x"), { opts: { attempts: 4 } }))).toEqual([1000, 2000, 4000]);
  });

  it("fails the job with the diagnostics for an invalid expression, without throwing", () => {
    const job: { opts: { attempts: number }; failedReason?: string } = { opts: { attempts: 3 }, failedReason: "planned failure" };
    expect(strategy(1, `${BACKOFF_TYPE_PREFIX}Pow(2, retried)`, new Error("x"), job)).toBe(-1);
    expect(job.failedReason).toContain("unknown function `Pow`");
    expect(job.failedReason).toContain("^^^ did you mean `pow`?");
  });

  it("fails unknown types, or hands them to another strategy", () => {
    const job: { failedReason?: string } = {};
    expect(strategy(1, "jitter", undefined, job)).toBe(-1);
    expect(job.failedReason).toMatch(/unknown backoff type "jitter"/);
    expect(retryDelayBackoffStrategy({ otherTypes: () => 77 })(1, "jitter")).toBe(77);
  });

  it("checks the expression when the job is added", () => {
    expect(retryDelayBackoff("1000 * (1 + retried)")).toEqual({ type: "retry-delay:1000 * (1 + retried)" });
    expect(() => retryDelayBackoff("1000 *")).toThrow(RetryDelayError);
  });
});

describe.runIf(redisBinary !== undefined || process.env.CI !== undefined)("BullMQ on a real Redis", () => {
  let redis: ChildProcess | undefined;
  let port = 0;
  const workers: ChildProcess[] = [];
  let queue: Queue;

  beforeAll(async () => {
    if (redisBinary === undefined) throw new Error("redis-server is not installed: apt-get install -y redis-server");
    port = await freePort();
    redis = spawn(redisBinary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    await waitForLine(redis, /Ready to accept connections/);
    queue = new Queue(`retry-delay-${Date.now()}`, { connection: { host: "127.0.0.1", port } });
  }, 20_000);

  afterAll(async () => {
    for (const worker of workers) worker.kill("SIGKILL");
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed before creating it
    await queue?.close();
    redis?.kill("SIGTERM");
  });

  async function startWorker(): Promise<ChildProcess> {
    const worker = spawn(process.execPath, [`${root}test/integration/bullmq-worker.mjs`, String(port), queue.name], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    workers.push(worker);
    await waitForLine(worker, /^ready$/m);
    return worker;
  }

  /** Attempt start times recorded by the worker in the job's log. */
  async function attemptTimes(job: Job): Promise<number[]> {
    const { logs } = await queue.getJobLogs(job.id ?? "");
    return logs.map((line) => Number(/ at (\d+)$/.exec(line)?.[1]));
  }

  async function settled(jobs: readonly Job[], timeoutMs: number): Promise<Map<string, string>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const states = new Map<string, string>();
      for (const job of jobs) states.set(job.id ?? "", await queue.getJobState(job.id ?? ""));
      if ([...states.values()].every((s) => s === "completed" || s === "failed") || Date.now() > deadline) return states;
      await sleep(100);
    }
  }

  const gapsOf = (times: readonly number[]): number[] => times.slice(1).map((t, i) => t - (times[i] ?? t));
  const expectSchedule = (gaps: readonly number[], expected: readonly number[]): void => {
    expect(gaps).toHaveLength(expected.length);
    expected.forEach((ms, i) => {
      expect(gaps[i], `gap ${i + 1} of ${JSON.stringify(gaps)}`).toBeGreaterThanOrEqual(ms - 10);
      expect(gaps[i], `gap ${i + 1} of ${JSON.stringify(gaps)}`).toBeLessThan(ms + LATE_MS);
    });
  };

  it("follows the schedule, survives a killed worker, and fails only the job with a bad expression", async () => {
    const add = (name: string, failTimes: number, attempts: number, expression: string) =>
      queue.add(
        name,
        { failTimes },
        { attempts, backoff: { type: `${BACKOFF_TYPE_PREFIX}${expression}` }, removeOnComplete: false, removeOnFail: false },
      );

    const first = await startWorker();
    // Fails 3 times, then completes: delays 300, 600, 900 ms.
    const survivor = await add("survivor", 3, 5, "300 * (1 + retried)");
    // An invalid expression (added as another producer might, unchecked): fails at its first failure.
    const invalid = await add("invalid", 1, 4, "Pow(2, retried) * 1000");
    const plain = await add("plain", 0, 1, "1000");

    // Kill the worker while `survivor` waits for its first retry.
    const deadline = Date.now() + 10_000;
    while ((await attemptTimes(survivor)).length < 1 && Date.now() < deadline) await sleep(20);
    await settled([invalid, plain], 10_000);
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));

    await startWorker();
    // Added after the restart, so every gap is measured within one worker: 100, 200, 400 ms, then it gives up.
    const exhausted = await add("exhausted", 99, 4, "100 * pow(2, retried)");

    const states = await settled([survivor, invalid, plain, exhausted], 30_000);
    expect(Object.fromEntries(states)).toEqual({
      [survivor.id ?? ""]: "completed",
      [invalid.id ?? ""]: "failed",
      [plain.id ?? ""]: "completed",
      [exhausted.id ?? ""]: "failed",
    });

    // No job lost; the retries after the restart keep to the schedule.
    const survivorGaps = gapsOf(await attemptTimes(survivor));
    expect(survivorGaps).toHaveLength(3);
    expect(survivorGaps[0]).toBeGreaterThanOrEqual(290); // spans the kill and the new worker's start
    expectSchedule(survivorGaps.slice(1), [600, 900]);
    expectSchedule(gapsOf(await attemptTimes(exhausted)), [100, 200, 400]);

    const failed = await queue.getJob(invalid.id ?? "");
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toContain("invalid retry-delay expression");
    expect(failed?.failedReason).toContain("unknown function `Pow`");
    expect((await queue.getJob(exhausted.id ?? ""))?.failedReason).toBe("planned failure 4");
  }, 60_000);
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === "object" && address !== null ? address.port : 0);
      });
    });
  });
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => {
      reject(new Error(`timed out waiting for ${pattern}; saw: ${seen.slice(-500)}`));
    }, 15_000);
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`process exited (${code}) before ${pattern}; saw: ${seen.slice(-500)}`));
    });
  });
}
