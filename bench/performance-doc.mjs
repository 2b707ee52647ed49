// The part of docs/performance.md that `npm run bench` writes: the server-side measures and issue 14's goals,
// between two markers, from the run's results (bench/results/latest.json has the same numbers).
import { readFileSync, writeFileSync } from "node:fs";
import { int, ns, signed } from "./format.mjs";

const START = "<!-- bench:server:start (written by npm run bench; edit bench/performance-doc.mjs instead) -->";
const END = "<!-- bench:server:end -->";

const table = (header, rows) => [
  `| ${header.join(" | ")} |`,
  `| ${header.map((_, i) => (i === 0 ? "---" : "--:")).join(" | ")} |`,
  ...rows.map((row) => `| ${row.join(" | ")} |`),
  "",
];

const ratio = (v) => `×${v.toFixed(2)}`;
const met = (ok) => (ok ? "**met**" : "**not met**");

/** The section's Markdown, from the run's document (see run.mjs). */
export function serverSectionMarkdown(d) {
  const cold = new Map(d.cold.map((r) => [r.name, r]));
  const above = (name) => cold.get(name)?.aboveNodeMs ?? Number.NaN;
  const inProcess = (name) => cold.get(name)?.importToResultMs?.median ?? Number.NaN;
  const overFloor = (name) => cold.get(name)?.aboveFloorMs ?? Number.NaN;
  const REFUSED = ", refused operator + syntax error";
  const CJS_ROOT = "retry-delay (CommonJS): require + first compile";
  const CJS_RUNTIME = "retry-delay/runtime (CommonJS): require + first compile";
  const firstInvalid = inProcess("retry-delay: import + first invalid tryCompile");
  const firstInvalidMathPow = inProcess("retry-delay: import + first invalid tryCompile, `Math.pow`");
  const firstInvalidRefused = inProcess(`retry-delay: import + first invalid tryCompile${REFUSED}`);
  const cliGap = above("retry-delay CLI: check, invalid") - above("retry-delay CLI: check");
  const cliGapRefused = above(`retry-delay CLI: check, invalid${REFUSED}`) - above("retry-delay CLI: check");
  // Two verdicts in one cell: the common mistake (explained without chevrotain), then the one that builds it.
  const both = (first, second, limit) => `${timed(first <= limit)} / ${timed(second <= limit)}`;
  const [, invalid] = d.errorPath;
  const ours = d.memory.find((r) => r.name === "retry-delay closure");
  const worstShared = Math.max(...d.shared.map((r) => r.ratio));
  const distinct = d.compiles.find((c) => c.stream.startsWith("10,000"))?.rows ?? [];
  const oursDistinct = distinct[0];
  const celDistinct = distinct.find((r) => r.cel);
  const celOver = celDistinct?.oursOver ?? Number.NaN;
  // Our other row over cel-js: tryCompile, which runs the checks that only warn as well.
  const overCel = (rows, name) =>
    ((rows.find((r) => r.name.includes(name))?.median ?? Number.NaN) / (celDistinct?.median ?? Number.NaN)).toFixed(2);
  const overloaded = d.load[0] > d.cpus;
  // Timing verdicts from an overloaded run would be noise presented as findings; memory is not timing.
  const timed = (ok) => (overloaded ? "unreliable: overloaded run" : met(ok));
  const lines = [
    START,
    "",
    `Run: ${d.date}, Node ${d.node}, ${d.cpus} × ${d.cpu}, load average ${d.load.map((l) => l.toFixed(1)).join(" / ")} at the start.`,
    "",
    ...(overloaded
      ? [
          `**The machine was overloaded during this run** (load ${d.load[0].toFixed(1)} on ${d.cpus} cores): medians, rates and`,
          "cold starts below are unreliable, and no verdict is drawn from them; the memory figures and the",
          "best-sample ratios hold up best. Run `npm run bench` on a quiet machine before quoting them.",
          "",
        ]
      : []),
    `### Evaluation through one shared call site (${d.sharedDistinct} distinct expressions compiled first)`,
    "",
    "Every closure, ours and the hand-written arrow, is called from the one `delay(r)` of a shared loop,",
    "as a server calls whatever `cache.get(header)` returned. Medians of interleaved samples, and the",
    "best sample of each (what the code costs when the machine's other tenants leave it alone).",
    "",
    ...table(
      ["expression", "hand-written", "retry-delay closure", "ratio (medians)", "ratio (best samples)"],
      d.shared.map((r) => [`\`${r.expression}\``, ns(r.handWritten.median), ns(r.closure.median), ratio(r.ratio), ratio(r.bestRatio)]),
    ),
    "### Cold start (a fresh process each run; median wall time)",
    "",
    ...table(
      ["process", "wall", "above `node -e 0`", "above the floor", "in-process"],
      d.cold.map((r) => [
        r.name,
        `${r.wallMs.median.toFixed(1)} ms`,
        `${signed(r.aboveNodeMs)} ms`,
        r.aboveFloorMs === undefined ? "—" : `${signed(r.aboveFloorMs)} ms`,
        r.importToResultMs ? `${r.measures}: ${r.importToResultMs.median.toFixed(1)} ms` : "—",
      ]),
    ),
    "### The error path",
    "",
    ...table(
      ["tryCompile on", "operations per second", "of the valid rate"],
      d.errorPath.map((r) => [r.name, int(r.median), ratio(r.ofValid)]),
    ),
    `### Memory (retained heap per compiled expression, ${int(d.memory[0].count)} kept alive, \`--expose-gc\`)`,
    "",
    ...table(
      ["contender", "bytes"],
      d.memory.map((r) => [r.name, int(r.bytesPerExpression)]),
    ),
    "### Issue 14's goals in this run",
    "",
    ...table(
      ["goal", "this run", "verdict"],
      [
        [
          "shared call site: each closure ≤ 1.5× hand-written",
          `${d.shared.map((r) => ratio(r.ratio)).join(", ")} (best samples: ${d.shared.map((r) => ratio(r.bestRatio)).join(", ")})`,
          timed(worstShared <= 1.5),
        ],
        [
          "compile of valid input ≥ 1.5× cel-js parse + check",
          `×${celOver.toFixed(2)} (10,000 distinct: \`compile\` ${int(oursDistinct?.median)}/s, cel-js ${int(celDistinct?.median)}/s; ` +
            `\`tryCompile\`, which finds the warnings too, ×${overCel(distinct, "tryCompile")})`,
          timed(celOver >= 1.5),
        ],
        ["invalid input ≥ 0.5× the valid rate", ratio(invalid.ofValid), timed(invalid.ofValid >= 0.5)],
        [
          "first invalid expression in a fresh process ≤ 5 ms (unclosed `(` / `Math.pow` / `2 ^ retried +`)",
          `${firstInvalid.toFixed(1)} / ${firstInvalidMathPow.toFixed(1)} / ${firstInvalidRefused.toFixed(1)} ms`,
          `${both(firstInvalid, firstInvalidMathPow, 5)} / ${timed(firstInvalidRefused <= 5)}`,
        ],
        ["≤ 800 B retained per compiled expression", `${int(ours.bytesPerExpression)} B`, met(ours.bytesPerExpression <= 800)],
        [
          "`import` + first compile ≤ 10 ms over `node -e 0` (root / runtime)",
          `${signed(above("retry-delay: import + first compile"))} / ${signed(above("retry-delay/runtime: import + first compile"))} ms; over Node's floor for any \`import()\`: ${signed(overFloor("retry-delay: import + first compile"))} / ${signed(overFloor("retry-delay/runtime: import + first compile"))} ms`,
          both(above("retry-delay: import + first compile"), above("retry-delay/runtime: import + first compile"), 10),
        ],
        [
          "`require` + first compile ≤ 10 ms over `node -e 0` (CommonJS root / runtime)",
          `${signed(above(CJS_ROOT))} / ${signed(above(CJS_RUNTIME))} ms; over a \`require\` of a one-line file: ${signed(overFloor(CJS_ROOT))} / ${signed(overFloor(CJS_RUNTIME))} ms`,
          both(above(CJS_ROOT), above(CJS_RUNTIME), 10),
        ],
        [
          "CLI on an invalid expression ≤ 15 ms over a valid one (unclosed `(` / `2 ^ retried +`)",
          `${signed(cliGap)} / ${signed(cliGapRefused)} ms`,
          both(cliGap, cliGapRefused, 15),
        ],
      ],
    ),
    ...(d.bundleMarkdown === undefined ? [] : ["### Bundle size, each import alone", "", d.bundleMarkdown, ""]),
    END,
  ];
  return lines.join("\n");
}

/** Replaces the marked section of docs/performance.md (appending it the first time). */
export function updatePerformanceDoc(file, markdown) {
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const next =
    start >= 0 && end > start ? `${text.slice(0, start)}${markdown}${text.slice(end + END.length)}` : `${text.trimEnd()}\n\n${markdown}\n`;
  writeFileSync(file, next);
}
