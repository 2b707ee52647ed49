import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { WorkerOptions as WorkerOptions5 } from "bullmq-5";
import type { WorkerOptions as WorkerOptions6 } from "bullmq-6";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { BACKOFF_TYPE_PREFIX, retryDelayBackoff, retryDelayBackoffStrategy } from "../../src/adapters/bullmq.js";
import { RetryDelayError } from "../../src/index.js";
import { BULLMQ_MAJORS, describeWithRedis, sleep, startRedis, waitForLine, type RedisServer } from "./redis.js";

/*
 * The BullMQ adapter against a real redis-server and real worker processes,
 * one of which is SIGKILLed between a job's retries, once for each supported
 * major of BullMQ (the dev dependencies bullmq-5 and bullmq-6 are npm aliases
 * of bullmq@5 and bullmq@6). package.json's peer range names the same majors.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
// Timers only run late; an attempt may not come early, and may come this much late.
const LATE_MS = 500;

type StrategyOf<Options extends { settings?: { backoffStrategy?: unknown } }> = NonNullable<
  NonNullable<Options["settings"]>["backoffStrategy"]
>;

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

describe("the BullMQ majors under test", () => {
  it("take the strategy as their workers' settings.backoffStrategy (checked by tsc)", () => {
    expectTypeOf(retryDelayBackoffStrategy()).toExtend<StrategyOf<WorkerOptions5>>();
    expectTypeOf(retryDelayBackoffStrategy()).toExtend<StrategyOf<WorkerOptions6>>();
  });

  it.each(BULLMQ_MAJORS)("$alias is bullmq $major.x, inside package.json's peer range", ({ alias, major }) => {
    const installed = JSON.parse(readFileSync(`${root}node_modules/${alias}/package.json`, "utf8")) as { name: string; version: string };
    expect(installed.name).toBe("bullmq");
    expect(installed.version.split(".")[0]).toBe(String(major));
    const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { peerDependencies: Record<string, string> };
    expect(pkg.peerDependencies.bullmq?.split(" || ")).toContain(`^${major}.0.0`);
  });

  it("the peer range names exactly the majors tested here", () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { peerDependencies: Record<string, string> };
    expect(pkg.peerDependencies.bullmq).toBe(BULLMQ_MAJORS.map(({ major }) => `^${major}.0.0`).join(" || "));
  });
});

/** What the test uses of a Queue, the same in both majors. */
interface TestJob {
  readonly id?: string | undefined;
}
interface TestQueue {
  readonly name: string;
  add(name: string, data: unknown, options: object): Promise<TestJob>;
  getJobLogs(id: string): Promise<{ logs: string[] }>;
  getJobState(id: string): Promise<string>;
  getJob(id: string): Promise<{ attemptsMade: number; failedReason: string } | undefined>;
  close(): Promise<void>;
}

const QUEUES: Record<(typeof BULLMQ_MAJORS)[number]["alias"], (name: string, connection: Redis) => Promise<TestQueue>> = {
  // BullMQ 5 depends on ioredis and takes connection options (its nested ioredis's types differ from the top-level one's).
  "bullmq-5": async (name, connection) => new (await import("bullmq-5")).Queue(name, { connection: connection.options }),
  // BullMQ 6 loads ioredis only when given options; given a client, it needs none.
  "bullmq-6": async (name, connection) => new (await import("bullmq-6")).Queue(name, { connection }),
};

for (const { alias } of BULLMQ_MAJORS) {
  describeWithRedis(`BullMQ (${alias}) on a real Redis`, () => {
    let redis: RedisServer | undefined;
    let connection: Redis | undefined;
    const workers: ChildProcess[] = [];
    let queue: TestQueue;

    beforeAll(async () => {
      redis = await startRedis();
      connection = new Redis({ host: "127.0.0.1", port: redis.port, maxRetriesPerRequest: null });
      queue = await QUEUES[alias](`retry-delay-${alias}-${Date.now()}`, connection);
    }, 20_000);

    afterAll(async () => {
      for (const worker of workers) worker.kill("SIGKILL");
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed before creating it
      await queue?.close();
      await connection?.quit();
      await redis?.stop();
    });

    async function startWorker(): Promise<ChildProcess> {
      const worker = spawn(process.execPath, [`${root}test/integration/bullmq-worker.mjs`, String(redis?.port), queue.name, alias], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      workers.push(worker);
      await waitForLine(worker, /^ready$/m);
      return worker;
    }

    /** Attempt start times recorded by the worker in the job's log. */
    async function attemptTimes(job: TestJob): Promise<number[]> {
      const { logs } = await queue.getJobLogs(job.id ?? "");
      return logs.map((line) => Number(/ at (\d+)$/.exec(line)?.[1]));
    }

    async function settled(jobs: readonly TestJob[], timeoutMs: number): Promise<Map<string, string>> {
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
      // Fails 3 times, then completes: delays 2000 ms (time enough to kill the worker in), 600, 600.
      const survivor = await add("survivor", 3, 5, "max(2000 - 1400 * retried, 600)");
      // An invalid expression (added as another producer might, unchecked): fails at its first failure.
      const invalid = await add("invalid", 1, 4, "Pow(2, retried) * 1000");
      const plain = await add("plain", 0, 1, "1000");

      // Kill the worker while `survivor` waits for its first retry.
      const deadline = Date.now() + 10_000;
      while ((await attemptTimes(survivor)).length < 1 && Date.now() < deadline) await sleep(20);
      await settled([invalid, plain], 10_000);
      expect(await attemptTimes(survivor), "the worker is killed between the first attempt and the first retry").toHaveLength(1);
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
      expect(survivorGaps[0]).toBeGreaterThanOrEqual(1990); // spans the kill and the new worker's start
      expectSchedule(survivorGaps.slice(1), [600, 600]);
      expectSchedule(gapsOf(await attemptTimes(exhausted)), [100, 200, 400]);

      const failed = await queue.getJob(invalid.id ?? "");
      expect(failed?.attemptsMade).toBe(1);
      expect(failed?.failedReason).toContain("invalid retry-delay expression");
      expect(failed?.failedReason).toContain("unknown function `Pow`");
      expect((await queue.getJob(exhausted.id ?? ""))?.failedReason).toBe("planned failure 4");
    }, 60_000);
  });
}
