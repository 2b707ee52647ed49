// The benchmark: every measure in one process run, contenders interleaved,
// medians with their spread, ratios to the baseline from that same run.
//
//   npm run bench                  the full run (a few minutes), writes bench/results/latest.json
//   node bench/run.mjs --smoke     a tiny run that checks every contender's results; timings meaningless
//   node bench/run.mjs --only cold the cold-start section alone, printed; nothing written
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { COMPILERS, CONTENDERS, distinctExpressions, invalidExpressions, RETRIED_VALUES, WORKLOAD } from "./contenders.mjs";
import { tryCompile } from "../dist/index.js";
import { int, ns, signed } from "./format.mjs";
import { calibrate, interleave, median, ROUNDS, smoke, summary } from "./harness.mjs";
import { benchSharedSite, DISTINCT, sharedSiteLines } from "./shared-site.mjs";
import { performanceDocSections, updatePerformanceDoc } from "./performance-doc.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const COLD_RUNS = smoke ? 1 : 25;
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt === -1 ? undefined : process.argv[onlyAt + 1];
const MEMORY_COUNT = smoke ? 1_000 : 100_000;

/**
 * One loop function per contender and expression: V8 keeps call feedback per
 * function, so a shared loop would make every contender's call site
 * megamorphic. V8 also caches `new Function` by its source text, so each
 * loop's source carries a unique comment; without it all loops are one
 * function. The loop cycles retried through 0…20 and sums the results so
 * nothing is optimized away. (Bench code, never user input, is what
 * `new Function` builds.)
 */
let loops = 0;
const makeLoop = () =>
  new Function(
    "fn",
    "calls",
    `/* loop ${loops++} */ let sum = 0; for (let i = 0, r = 0; i < calls; i++) { sum += fn(r); r = r === 20 ? 0 : r + 1; } return sum;`,
  );

// --- 1. evaluation -------------------------------------------------------------------------------
function benchEvaluation() {
  // A server compiles many expressions; let every library see a mix before it is measured.
  for (const source of distinctExpressions(200)) for (const c of CONTENDERS) if (!c.baseline) c.prepare(source, {});
  const results = [];
  for (const workload of WORKLOAD) {
    const rows = CONTENDERS.map((c) => ({ name: c.name, fn: c.call(c.prepare(workload.source, workload)), loop: makeLoop(), samples: [] }));
    for (const row of rows) {
      for (const r of RETRIED_VALUES) {
        const got = row.fn(r);
        const want = workload.handWritten(r);
        if (Math.abs(got - want) > 1e-9 * Math.abs(want))
          throw new Error(`${row.name} gives ${got} for ${workload.source} at ${r}, expected ${want}`);
      }
      row.calls = calibrate((n) => row.loop(row.fn, n));
    }
    interleave(rows, ROUNDS, (row) => {
      const start = process.hrtime.bigint();
      row.loop(row.fn, row.calls);
      row.samples.push(Number(process.hrtime.bigint() - start) / row.calls);
    });
    const base = median(rows[0].samples);
    results.push({
      expression: workload.source,
      unit: "ns/call",
      rows: rows.map((row) => ({ name: row.name, ...summary(row.samples), ratio: median(row.samples) / base })),
    });
  }
  return results;
}

// --- 2. parse + validate + compile ---------------------------------------------------------------
function benchCompile() {
  const streams = [
    { name: "the 5 workload expressions, repeated", sources: WORKLOAD.map((w) => w.source) },
    { name: "10,000 distinct expressions", sources: distinctExpressions(10_000) },
  ];
  const results = [];
  for (const stream of streams) {
    // A contender that needs the sources in its own syntax gets them translated before any timing.
    const rows = COMPILERS.map((c) => ({
      name: c.name,
      cel: c.cel === true,
      run: c.run,
      sources: c.translate === undefined ? stream.sources : stream.sources.map(c.translate),
      next: 0,
      samples: [],
      count: 0,
    }));
    const step = (row, n) => {
      for (let i = 0; i < n; i++) {
        row.run(row.sources[row.next]);
        row.next = (row.next + 1) % row.sources.length;
      }
    };
    // Both streams warm up alike, interleaved, before anything is timed: section 2 has already run the
    // valid sources for seconds, and a few milliseconds of calibration left the invalid path still
    // warming up inside its samples (bimodal: p10 far below, p90 above the valid median).
    const warmUntil = performance.now() + (smoke ? 0 : 2_000);
    while (performance.now() < warmUntil) for (const row of rows) step(row, 1_000);
    for (const row of rows) row.count = calibrate((n) => step(row, n));
    interleave(rows, ROUNDS, (row) => {
      const start = process.hrtime.bigint();
      step(row, row.count);
      row.samples.push((row.count * 1e9) / Number(process.hrtime.bigint() - start));
    });
    const ours = median(rows[0].samples);
    results.push({
      stream: stream.name,
      unit: "ops/s",
      rows: rows.map((row) => ({ name: row.name, cel: row.cel, ...summary(row.samples), oursOver: ours / median(row.samples) })),
    });
  }
  return results;
}

// --- 2b. the error path: invalid input against valid, ours only ---------------------------------------
function benchErrorPath() {
  const rows = [
    { name: "valid (10,000 distinct)", sources: distinctExpressions(10_000) },
    { name: "invalid (10,000 distinct, six kinds of mistake)", sources: invalidExpressions(10_000) },
  ].map((row) => ({ ...row, next: 0, samples: [], count: 0 }));
  for (const row of rows) {
    const wantOk = row === rows[0];
    for (const source of row.sources.slice(0, 12))
      if (tryCompile(source, { retries: 3 }).ok !== wantOk) throw new Error(`${source} should ${wantOk ? "" : "not "}compile`);
  }
  const step = (row, n) => {
    for (let i = 0; i < n; i++) {
      tryCompile(row.sources[row.next], { retries: 3 });
      row.next = (row.next + 1) % row.sources.length;
    }
  };
  // Both streams warm up alike, interleaved, before anything is timed: section 2 has already run the
  // valid sources for seconds, and a few milliseconds of calibration left the invalid path still
  // warming up inside its samples (bimodal: p10 far below, p90 above the valid median).
  const warmUntil = performance.now() + (smoke ? 0 : 2_000);
  while (performance.now() < warmUntil) for (const row of rows) step(row, 1_000);
  for (const row of rows) row.count = calibrate((n) => step(row, n));
  interleave(rows, ROUNDS, (row) => {
    const start = process.hrtime.bigint();
    step(row, row.count);
    row.samples.push((row.count * 1e9) / Number(process.hrtime.bigint() - start));
  });
  const valid = median(rows[0].samples);
  return rows.map((row) => ({ name: row.name, unit: "ops/s", ...summary(row.samples), ofValid: median(row.samples) / valid }));
}

// --- 3. cold start -------------------------------------------------------------------------------
/**
 * The floor every `import` pays on this Node before any library: Node's ES module loader
 * resolving, reading, compiling and linking one file. Two shapes, one per way the rows below
 * start: `import()` from `-e` (the library rows) and a module file run as the main entry (the
 * CLI rows), and a third for the CommonJS rows: `require` of a one-line `.cjs` file from `-e`.
 * The one-line module sits in a temporary package of its own ("type": "module"), as dist/ sits
 * in ours.
 */
function floorModules() {
  const dir = mkdtempSync(`${tmpdir()}/retry-delay-bench-floor-`);
  writeFileSync(`${dir}/package.json`, '{ "type": "module" }\n');
  writeFileSync(`${dir}/one-line.js`, "export const one = 1;\n");
  writeFileSync(`${dir}/main.js`, 'import { one } from "./one-line.js";\nif (one !== 1) process.exit(1);\n');
  writeFileSync(`${dir}/one-line.cjs`, "exports.one = 1;\n");
  return { dir, oneLine: `${dir}/one-line.js`, oneLineCommonJs: `${dir}/one-line.cjs`, main: `${dir}/main.js` };
}

function benchColdStart() {
  const dist = `${root}dist/index.js`;
  const runtime = `${root}dist/runtime.js`;
  const floor = floorModules();
  // Each in-process row prints its time with `fs.writeSync` (got through `process.getBuiltinModule`,
  // which ES module and CommonJS scripts both have), never `process.stdout`: the first read of that
  // getter builds the stream (a pipe here), 8-10 ms of wall time, and `process.stdout.write(String(
  // performance.now() - t0))` reads it before the time is taken. An earlier version of these rows
  // counted it as the library's.
  const PRINT_MS = 'const ms = performance.now() - t0; process.getBuiltinModule("node:fs").writeSync(1, String(ms));';
  const importScript = (specifier, body) =>
    `const t0 = performance.now(); const m = await import(${JSON.stringify(specifier)}); ${body}; ${PRINT_MS}`;
  // CommonJS: `require` from `-e`, which Node runs as CommonJS; no ES module loader is started.
  const requireScript = (specifier, body) =>
    `const t0 = performance.now(); const m = require(${JSON.stringify(specifier)}); ${body}; ${PRINT_MS}`;
  const IMPORT_FLOOR = "floor: import() of a one-line ES module";
  const REQUIRE_FLOOR = "floor: require() of a one-line CommonJS module";
  const FILE_FLOOR = "floor: an ES module file importing a one-line module";
  const firstInvalid = (name, source) => ({
    name,
    args: [
      "--input-type=module",
      "-e",
      `const m = await import(${JSON.stringify(dist)}); const t0 = performance.now(); m.tryCompile(${JSON.stringify(source)}); ${PRINT_MS}`,
    ],
    inProcess: true,
    measures: "first invalid tryCompile",
    floor: IMPORT_FLOOR,
  });
  const cases = [
    { name: "node -e 0", args: ["-e", "0"] },
    // What Node's ES module loader costs before any library: every `import` case below pays it.
    { name: "node, an empty ES module", args: ["--input-type=module", "-e", "0"] },
    { name: IMPORT_FLOOR, args: ["--input-type=module", "-e", importScript(floor.oneLine, "m.one")], inProcess: true },
    { name: FILE_FLOOR, args: [floor.main] },
    {
      name: REQUIRE_FLOOR,
      args: ["-e", requireScript(floor.oneLineCommonJs, "m.one")],
      inProcess: true,
      measures: "require → first result",
    },
    {
      name: "retry-delay: import + first compile",
      args: ["--input-type=module", "-e", importScript(dist, 'm.compile("pow(2, retried) * 1000")(3)')],
      inProcess: true,
      floor: IMPORT_FLOOR,
    },
    {
      name: "retry-delay/runtime: import + first compile",
      args: ["--input-type=module", "-e", importScript(runtime, 'm.compile("pow(2, retried) * 1000")(3)')],
      inProcess: true,
      floor: IMPORT_FLOOR,
    },
    // The CommonJS build (dist/cjs), as `require("retry-delay")` loads it.
    {
      name: "retry-delay (CommonJS): require + first compile",
      args: ["-e", requireScript(`${root}dist/cjs/index.cjs`, 'm.compile("pow(2, retried) * 1000")(3)')],
      inProcess: true,
      floor: REQUIRE_FLOOR,
      measures: "require → first result",
    },
    {
      name: "retry-delay/runtime (CommonJS): require + first compile",
      args: ["-e", requireScript(`${root}dist/cjs/runtime.cjs`, 'm.compile("pow(2, retried) * 1000")(3)')],
      inProcess: true,
      floor: REQUIRE_FLOOR,
      measures: "require → first result",
    },
    // Three first mistakes: an unclosed parenthesis, `Math.pow`, and a syntax error beside a refused
    // operator. The fast paths and the error readers explain each with chevrotain's own diagnostics,
    // without building chevrotain (docs/language.md, "Error path").
    firstInvalid("retry-delay: import + first invalid tryCompile", "pow(2, retried * 1000"),
    firstInvalid("retry-delay: import + first invalid tryCompile, `Math.pow`", "Math.pow(2, retried) * 1000"),
    firstInvalid("retry-delay: import + first invalid tryCompile, refused operator + syntax error", "2 ^ retried +"),
    { name: "retry-delay CLI: check", args: [`${root}dist/cli.js`, "check", "pow(2, retried) * 1000"], floor: FILE_FLOOR },
    {
      name: "retry-delay CLI: check, invalid",
      args: [`${root}dist/cli.js`, "check", "pow(2, retried * 1000"],
      status: 1,
      floor: FILE_FLOOR,
    },
    {
      name: "retry-delay CLI: check, invalid, refused operator + syntax error",
      args: [`${root}dist/cli.js`, "check", "2 ^ retried +"],
      status: 1,
      floor: FILE_FLOOR,
    },
    {
      name: "mathjs: import + first compile",
      args: ["--input-type=module", "-e", importScript("mathjs", 'm.compile("pow(2, retried) * 1000").evaluate({ retried: 3 })')],
      inProcess: true,
    },
    {
      name: "expr-eval: import + first parse",
      args: [
        "--input-type=module",
        "-e",
        importScript("expr-eval", 'new m.Parser().parse("pow(2, retried) * 1000").evaluate({ retried: 3 })'),
      ],
      inProcess: true,
    },
  ];
  const rows = cases.map((c) => ({ ...c, wall: [], inside: [] }));
  try {
    interleave(rows, COLD_RUNS, (row) => {
      const start = performance.now();
      let out;
      try {
        // The CLI's compile cache (Node 22+) would turn later runs warm: every run here is cold.
        const env = { ...process.env, NODE_DISABLE_COMPILE_CACHE: "1" };
        out = execFileSync(process.execPath, row.args, { cwd: root, env, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
      } catch (error) {
        // The CLI exits 1 on an invalid expression, as it should.
        if (row.status === undefined || error.status !== row.status) throw error;
        out = error.stdout;
      }
      row.wall.push(performance.now() - start);
      if (row.inProcess) row.inside.push(Number(out));
    });
  } finally {
    rmSync(floor.dir, { recursive: true, force: true });
  }
  const bare = median(rows[0].wall);
  const wallOf = new Map(rows.map((row) => [row.name, median(row.wall)]));
  return rows.map((row) => ({
    name: row.name,
    wallMs: summary(row.wall),
    aboveNodeMs: median(row.wall) - bare,
    // Above the floor of the same shape: what the library itself adds to a process.
    ...(row.floor ? { floor: row.floor, aboveFloorMs: median(row.wall) - wallOf.get(row.floor) } : {}),
    ...(row.inProcess ? { importToResultMs: summary(row.inside), measures: row.measures ?? "import → first result" } : {}),
  }));
}

function printColdStart(rows) {
  console.log("\n3. Cold start: a fresh node process each run (median [p10–p90] wall time; above node -e 0; above the floor)");
  for (const r of rows) {
    console.log(
      `     ${r.name.padEnd(56)} ${r.wallMs.median.toFixed(1).padStart(6)} ms [${r.wallMs.p10.toFixed(1)}–${r.wallMs.p90.toFixed(1)}]  ${signed(r.aboveNodeMs)} ms${r.floor ? `, ${signed(r.aboveFloorMs)} ms over the floor` : ""}${r.importToResultMs ? `  (${r.measures} ${r.importToResultMs.median.toFixed(1)} ms)` : ""}`,
    );
  }
}

// --- 4. memory -----------------------------------------------------------------------------------
function benchMemory() {
  const script = (which, { readTree }) => `
    const { CONTENDERS, distinctExpressions } = await import(${JSON.stringify(`${root}bench/contenders.mjs`)});
    const contender = CONTENDERS.find((c) => c.name === ${JSON.stringify(which)});
    const sources = distinctExpressions(${MEMORY_COUNT});
    globalThis.gc(); globalThis.gc();
    const before = process.memoryUsage().heapUsed;
    const kept = sources.map((s) => contender.call(contender.prepare(s, {})));
    ${readTree ? "for (const k of kept) if (typeof k.expression.kind !== 'string') throw new Error('no tree');" : ""}
    globalThis.gc(); globalThis.gc();
    const after = process.memoryUsage().heapUsed;
    if (kept.length !== ${MEMORY_COUNT}) throw new Error("lost");
    process.stdout.write(String((after - before) / ${MEMORY_COUNT}));`;
  const cases = [
    { name: "retry-delay closure", contender: "retry-delay closure", readTree: false },
    // `.expression` is parsed again on first read and kept from then on.
    { name: "retry-delay closure, .expression read", contender: "retry-delay closure", readTree: true },
    ...["retry-delay table", "mathjs", "expr-eval", "filtrex"].map((name) => ({ name, contender: name, readTree: false })),
  ];
  return cases.map(({ name, contender, readTree }) => ({
    name,
    count: MEMORY_COUNT,
    bytesPerExpression: Number(
      execFileSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script(contender, { readTree })], {
        cwd: root,
        encoding: "utf8",
        maxBuffer: 1 << 20,
      }),
    ),
  }));
}

// --- 5. bundle size ------------------------------------------------------------------------------
// bench/bundle-size.mjs (the packaging work) measures each public function imported alone, next to the peers.
async function benchBundle() {
  const module = new URL("bundle-size.mjs", import.meta.url);
  if (!existsSync(module)) return undefined;
  return (await import(module.href)).bundleSizeReport();
}

// --- report --------------------------------------------------------------------------------------
const ops = (v) => `${int(v)}/s`;

const started = new Date();
const startLoad = loadavg();
console.log(
  `retry-delay benchmark — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${started.toISOString()}${smoke ? " — SMOKE RUN: numbers are meaningless" : ""}\n`,
);

// `--only cold`: the cold-start section alone (a build's start-up work, measured without the rest).
if (only === "cold") {
  printColdStart(benchColdStart());
  process.exit(0);
} else if (only !== undefined) throw new Error(`--only ${only}: the one section that runs alone is "cold"`);

const evaluation = benchEvaluation();
console.log("1. Evaluation, ns per call for retried 0…20 (median [p10–p90]), ratio to hand-written");
for (const { expression, rows } of evaluation) {
  console.log(`   ${expression}`);
  for (const r of rows)
    console.log(`     ${r.name.padEnd(24)} ${ns(r.median).padStart(9)} [${ns(r.p10)}–${ns(r.p90)}]  ×${r.ratio.toFixed(2)}`);
}

const shared = benchSharedSite();
console.log(`\n1b. ${sharedSiteLines(shared).join("\n")}`);

const compiles = benchCompile();
console.log("\n2. Parse + validate + compile, operations per second (median [p10–p90]); how many times faster retry-delay is");
for (const { stream, rows } of compiles) {
  console.log(`   ${stream}`);
  for (const r of rows)
    console.log(
      `     ${r.name.padEnd(48)} ${ops(r.median).padStart(12)} [${ops(r.p10)}–${ops(r.p90)}]${r.name.startsWith("retry-delay") ? "" : `  retry-delay ×${r.oursOver.toFixed(2)}`}`,
    );
}

const errorPath = benchErrorPath();
console.log("\n2b. The error path: tryCompile on valid and on invalid input, operations per second (median [p10–p90])");
for (const r of errorPath)
  console.log(`     ${r.name.padEnd(48)} ${ops(r.median).padStart(12)} [${ops(r.p10)}–${ops(r.p90)}]  ×${r.ofValid.toFixed(2)} of valid`);

const cold = benchColdStart();
printColdStart(cold);

const memory = benchMemory();
console.log(`\n4. Memory: retained heap per compiled expression, ${int(MEMORY_COUNT)} distinct expressions kept alive`);
for (const r of memory) console.log(`     ${r.name.padEnd(40)} ${int(r.bytesPerExpression).padStart(7)} bytes`);

const bundle = await benchBundle();
if (bundle === undefined) console.log("\n5. Bundle size: bench/bundle-size.mjs is not in this tree, so there is no bundle table");
else console.log(`\n5. Bundle size, each import alone (esbuild, minified, gzip -9)\n${bundle.markdown}`);

const document = {
  date: started.toISOString(),
  load: startLoad,
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  smoke,
  rounds: ROUNDS,
  evaluation,
  shared,
  compiles,
  errorPath,
  cold,
  memory,
  bundle: bundle?.rows,
  bundleMarkdown: bundle?.markdown,
  sharedDistinct: DISTINCT,
};
const out = smoke ? `${tmpdir()}/retry-delay-bench-smoke.json` : `${root}bench/results/latest.json`;
mkdirSync(new URL(".", `file://${out}`), { recursive: true });
writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
console.log(`\nwrote ${out.replace(root, "")}`);
if (!smoke) {
  updatePerformanceDoc(`${root}docs/performance.md`, performanceDocSections(document));
  console.log("updated the measured sections of docs/performance.md");
} else performanceDocSections(document); // checks the sections can be written from a smoke run's document

// 6. the delivery simulator (bench/delivery.mjs); 7. the ESLint plugin over ESLint alone (bench/eslint.mjs)
for (const script of ["delivery.mjs", "eslint.mjs"]) {
  console.log("");
  execFileSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), ...(smoke ? ["--smoke"] : [])], { stdio: "inherit" });
}
