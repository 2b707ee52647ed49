// The delivery simulator's speed and memory against the number of runs.
// Each size runs in a fresh process (so the first, cold run is a user's
// first call), then twice more warm; memory is the heap retained by the
// result, measured after a forced GC. Linear work shows as a flat µs/run
// and a ×10 step per ×10 runs.
//
//   node scripts/build.mjs && node bench/delivery.mjs [--smoke]
// (npm run bench runs it after the main benchmark.)
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";

const self = fileURLToPath(import.meta.url);
const root = fileURLToPath(new URL("..", import.meta.url));
const smoke = process.argv.includes("--smoke");

/** Every run fails 3 times and succeeds on its 4th call: 10^5 runs are 4·10^5 calls. */
const scenario = (runs, { flow, keepRuns }) => ({
  arrivals: { count: runs },
  ...(flow ? { flowControl: "parallelism=100, rate=1000, period=1s" } : {}),
  retries: 3,
  retryDelay: "pow(2, retried) * 1000",
  endpoint: { duration: { distribution: "uniform", min: "1s", max: "3s" }, script: [500, 500, 500] },
  output: { runs: keepRuns },
});

/** The question: 10,000 runs, parallelism 5, rate 10 per minute, 2 s, 10 % failures. */
const question = {
  arrivals: { count: 10_000 },
  flowControl: "parallelism=5, rate=10, period=1m",
  retries: 3,
  retryDelay: "pow(2, retried) * 1000",
  endpoint: { duration: "2s", failures: [{ probability: 0.1, status: 500 }] },
};

if (process.argv[2] === "--child") {
  const { simulateDelivery } = await import(`${root}dist/index.js`);
  const [runs, flow, keepRuns] = [Number(process.argv[3]), process.argv[4] === "flow", process.argv[5] === "runs"];
  const input = runs === 0 ? question : scenario(runs, { flow, keepRuns });
  const times = [];
  const cpu = [];
  let kept;
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 3; i++) {
    kept = undefined;
    globalThis.gc();
    const start = performance.now();
    const used = process.cpuUsage();
    kept = simulateDelivery(input);
    times.push(performance.now() - start);
    const spent = process.cpuUsage(used);
    cpu.push((spent.user + spent.system) / 1000);
    if (!kept.ok) throw new Error(JSON.stringify(kept.diagnostics));
  }
  globalThis.gc();
  const retained = process.memoryUsage().heapUsed - before;
  const { summary } = kept.value;
  console.log(
    JSON.stringify({
      runs: summary.runs,
      attempts: summary.attempts,
      coldMs: times[0],
      warmMs: Math.min(times[1], times[2]),
      coldCpuMs: cpu[0],
      warmCpuMs: Math.min(cpu[1], cpu[2]),
      retainedBytes: retained,
      makespanMs: summary.makespanMs,
      maxWaitList: summary.maxWaitList,
    }),
  );
  process.exit(0);
}

const measure = (runs, flow, keepRuns) =>
  JSON.parse(
    execFileSync(
      process.execPath,
      ["--expose-gc", "--max-old-space-size=4096", self, "--child", String(runs), flow ? "flow" : "none", keepRuns ? "runs" : "summary"],
      { encoding: "utf8" },
    ),
  );
const sizes = smoke ? [1_000, 10_000] : [1_000, 10_000, 100_000, 1_000_000];
const rows = [];
console.log(
  `delivery simulator — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}${smoke ? " — SMOKE RUN: numbers are meaningless" : ""}`,
);
console.log("every run fails 3 times, then succeeds (4 calls per run); cold = first call in a fresh process, warm = best of the next two;");
console.log(
  `wall time, and CPU time in brackets (the process's CPU, GC threads included: it stays honest when the machine is shared; load average now ${loadavg()[0]?.toFixed(1)})\n`,
);
console.log(
  `${"case".padEnd(44)}${"runs".padStart(10)}${"calls".padStart(11)}${"cold ms".padStart(15)}${"warm ms".padStart(15)}${"µs/run".padStart(9)}${"step".padStart(7)}${"heap MB".padStart(9)}`,
);
for (const [label, flow, keepRuns] of [
  ["no limits, per-run records", false, true],
  ["parallelism 100, rate 1000/s", true, true],
  ["parallelism 100, rate 1000/s, summary only", true, false],
]) {
  let previous;
  for (const runs of sizes) {
    const r = measure(runs, flow, keepRuns);
    const step = previous === undefined ? "" : `×${(r.warmCpuMs / previous).toFixed(1)}`;
    const both = (wall, cpu) => `${wall.toFixed(0)} [${cpu.toFixed(0)}]`;
    console.log(
      `${label.padEnd(44)}${r.runs.toLocaleString("en-US").padStart(10)}${r.attempts.toLocaleString("en-US").padStart(11)}${both(r.coldMs, r.coldCpuMs).padStart(15)}${both(r.warmMs, r.warmCpuMs).padStart(15)}${((r.warmCpuMs * 1000) / r.runs).toFixed(2).padStart(9)}${step.padStart(7)}${(r.retainedBytes / 2 ** 20).toFixed(1).padStart(9)}`,
    );
    rows.push({ case: label, ...r });
    previous = r.warmCpuMs;
  }
}
const answer = measure(0, true, true);
console.log(
  `\nthe issue's question (10,000 runs, parallelism=5, rate=10, period=1m, 2 s, 10 % 500s): cold ${answer.coldMs.toFixed(0)} ms [${answer.coldCpuMs.toFixed(0)} CPU], warm ${answer.warmMs.toFixed(0)} ms [${answer.warmCpuMs.toFixed(0)} CPU]; last run ends at ${(answer.makespanMs / 3_600_000).toFixed(2)} h`,
);
if (!smoke) {
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(
    `${root}bench/results/delivery.json`,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, rows, question: answer }, null, 2)}\n`,
  );
  console.log("wrote bench/results/delivery.json");
}
