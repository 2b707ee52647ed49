// Quick benchmark: this project's compiled closure and table mode against
// hand-written JavaScript, plus parse+check+compile throughput and cold start,
// all in one process run so that ratios are comparable on a noisy machine.
//
//   npm run bench:quick            full run (~20 s)
//   node bench/quick.mjs --smoke   one short iteration, checks results only
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { compile, tabulate, tryCompile } from "../dist/index.js";

const smoke = process.argv.includes("--smoke");
const rounds = smoke ? 1 : 15;
const callsPerSample = smoke ? 2_000 : 2_000_000;
const compilesPerSample = smoke ? 50 : 20_000;

const workload = [
  { source: "pow(2, retried) * 1000", handWritten: (r) => Math.pow(2, r) * 1000 },
  { source: "max(1000, pow(2, retried) * 100)", handWritten: (r) => Math.max(1000, Math.pow(2, r) * 100) },
  { source: "1000 * (1 + retried)", handWritten: (r) => 1000 * (1 + r) },
  { source: "min(86400000, exp(2.5 * (retried + 1)) * 1000)", handWritten: (r) => Math.min(86400000, Math.exp(2.5 * (r + 1)) * 1000) },
];

// A server compiles many expressions in one process; V8's feedback then sees
// all of them, so compile a mix before measuring any one.
for (let i = 0; i < 200; i++) compile(`max(${i}, pow(${(i % 7) + 2}, retried) * ${i + 1}) + min(retried, ${i}) / ${i + 1} - floor(${i} * retried)`);

/**
 * Each contender gets its own loop function literal (so that V8's call-site
 * feedback inside one loop never mixes contenders), calls its delay function
 * for retried = 0…20 in turn, and sums the results so nothing is optimized away.
 * The bench code, never user input, is what goes through `new Function` here.
 */
function makeLoop() {
  return new Function(
    "fn",
    "calls",
    "let sum = 0; for (let i = 0, r = 0; i < calls; i++) { sum += fn(r); r = r === 20 ? 0 : r + 1; } return sum;",
  );
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p10: sorted[Math.floor(sorted.length * 0.1)], p90: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))] };
}

const fmt = (ns) => (ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(1)} ns`);

// --- evaluation -----------------------------------------------------------
const evaluation = [];
for (const { source, handWritten } of workload) {
  const closure = compile(source, { retries: 21 });
  const table = tabulate(closure, 21);
  for (let r = 0; r <= 20; r++) {
    if (!Object.is(closure(r), handWritten(r)) || !Object.is(table(r), handWritten(r))) throw new Error(`${source} differs from hand-written at ${r}`);
  }
  const contenders = [
    { name: "hand-written", fn: handWritten, loop: makeLoop(), samples: [] },
    { name: "retry-delay closure", fn: closure, loop: makeLoop(), samples: [] },
    { name: "retry-delay table", fn: table, loop: makeLoop(), samples: [] },
  ];
  for (const c of contenders) c.loop(c.fn, Math.min(callsPerSample, 200_000)); // warm up
  for (let round = 0; round < rounds; round++) {
    // Interleave, rotating the order each round.
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(k + round) % contenders.length];
      const start = process.hrtime.bigint();
      c.loop(c.fn, callsPerSample);
      c.samples.push(Number(process.hrtime.bigint() - start) / callsPerSample);
    }
  }
  const base = median(contenders[0].samples);
  evaluation.push({ source, rows: contenders.map((c) => ({ name: c.name, median: median(c.samples), ...spread(c.samples), ratio: median(c.samples) / base })) });
}

// --- parse + check + compile ----------------------------------------------
function throughput(sources) {
  const samples = [];
  let i = 0;
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    for (let n = 0; n < compilesPerSample; n++) {
      const result = tryCompile(sources[i], { retries: 3 });
      if (!result.ok) throw new Error(`${sources[i]} failed`);
      i = (i + 1) % sources.length;
    }
    samples.push((compilesPerSample * 1e9) / Number(process.hrtime.bigint() - start));
  }
  return { median: median(samples), ...spread(samples) };
}
const distinct = Array.from({ length: 10_000 }, (_, i) => `max(${i}, pow(2, retried) * ${i % 97 + 1}) + ${i % 13} * retried`);
const compileRows = [
  { name: "workload (4 expressions, repeated)", ...throughput(workload.map((w) => w.source)) },
  { name: "10,000 distinct expressions", ...throughput(distinct) },
];

// --- cold start -------------------------------------------------------------
function coldStart() {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const script = `const t0 = performance.now(); const { compile } = await import(${JSON.stringify(`${root}dist/index.js`)}); compile("pow(2, retried) * 1000")(3); console.log(performance.now() - t0);`;
  const runs = smoke ? 1 : 9;
  const importToResult = [];
  const wall = [];
  const bare = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    execFileSync(process.execPath, ["-e", "0"]);
    bare.push(performance.now() - start);
    start = performance.now();
    importToResult.push(Number(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })));
    wall.push(performance.now() - start);
  }
  return { importToResult: median(importToResult), wall: median(wall), bare: median(bare) };
}
const cold = coldStart();

// --- report -----------------------------------------------------------------
console.log(`retry-delay quick bench — node ${process.version}, ${rounds} interleaved rounds${smoke ? " (smoke: numbers are meaningless)" : ""}\n`);
console.log("Evaluation, ns per call (median [p10–p90]), ratio to hand-written:");
for (const { source, rows } of evaluation) {
  console.log(`  ${source}`);
  for (const row of rows) console.log(`    ${row.name.padEnd(22)} ${fmt(row.median).padStart(10)} [${fmt(row.p10)}–${fmt(row.p90)}]  ×${row.ratio.toFixed(2)}`);
}
console.log("\nParse + check + compile, operations per second (median [p10–p90]):");
for (const row of compileRows) console.log(`  ${row.name.padEnd(36)} ${Math.round(row.median).toLocaleString("en-US").padStart(9)}/s [${Math.round(row.p10).toLocaleString("en-US")}–${Math.round(row.p90).toLocaleString("en-US")}]`);
console.log("\nCold start (fresh node process, median):");
console.log(`  import → first compiled result   ${cold.importToResult.toFixed(1)} ms`);
console.log(`  whole process                    ${cold.wall.toFixed(1)} ms, vs node -e 0: ${cold.bare.toFixed(1)} ms (+${(cold.wall - cold.bare).toFixed(1)} ms)`);
