// The server's view of evaluation: many compiled expressions in one process,
// each called through the one call site a server has (`delay =
// cache.get(header); delay(retried)`), next to the hand-written arrow
// function called through that same call site.
//
//   node bench/shared-site.mjs [--smoke]     (after node scripts/build.mjs)
//
// bench/run.mjs times each contender through a loop of its own, so V8 sees
// one target at each call site and inlines the whole closure tree: that is
// the fresh-call-site figure. A server has one call site for every
// expression it caches; V8 then calls each closure without inlining it, and
// the closure's own inner calls see every expression of its shape. This
// measures that.
//
// V8 keeps call feedback per function literal, and a call site that has seen
// two different literals is megamorphic (call feedback has no polymorphic
// state): each such inner call costs about 5 ns and is never inlined. The
// compiler therefore fuses every chain of constant steps (`(r + a) * t`,
// `min(cap, x * t)`, `max(floor, x * t)`, `1 + x / 4`, …) into one closure
// (src/expression/fused.ts), so such a chain makes one inner call at most.
// What it cannot fuse is a builtin over a node (`round(…)`, `abs(…)`,
// `sqrt(…)`, `floor(…)`) or a product of two nodes: the long expression keeps
// about a dozen closures. V8 inlines an inner call into the root's code while
// it has only seen closures of one literal, and each inlined closure still
// costs its checks (about 13 instructions: load it from the context, check it
// is a function, compare its feedback cell, load its context), so the long
// one stays near ×1.7 here (callgrind: 721.9 against 425.2 instructions per
// call) while it runs at ×1.1–1.2 through a call site of its own.
// docs/performance.md ("Where V8 stops the shared call site") has the
// instruction counts.
import { distinctExpressions, WORKLOAD } from "./contenders.mjs";
import { calibrate, interleave, median, ROUNDS, summary } from "./harness.mjs";
import { ns } from "./format.mjs";
import { compile } from "../dist/index.js";

/** How many distinct expressions are compiled (and called through the shared site) before timing. */
export const DISTINCT = 200;

/**
 * The one shared call site. A single function literal, created once: every
 * timed closure, ours and hand-written, is called from the `delay(r)` here.
 * It cycles retried through 0…20 and sums, so nothing is optimized away.
 */
function sharedLoop(cache, key, calls) {
  const delay = cache.get(key);
  let sum = 0;
  for (let i = 0, r = 0; i < calls; i++) {
    sum += delay(r);
    r = r === 20 ? 0 : r + 1;
  }
  return sum;
}

/** Times each workload expression's compiled closure and its hand-written arrow through `sharedLoop`, interleaved. */
export function benchSharedSite(rounds = ROUNDS) {
  const cache = new Map();
  // A server's cache: many distinct expressions compiled in one process, each called a few times.
  for (const source of distinctExpressions(DISTINCT)) cache.set(source, compile(source, { retries: 21 }));
  for (const w of WORKLOAD) {
    cache.set(w.source, compile(w.source, { retries: 21 }));
    cache.set(`hand-written ${w.name}`, w.handWritten);
  }
  for (const key of cache.keys()) sharedLoop(cache, key, 64);

  const rows = WORKLOAD.flatMap((w) => [
    { expression: w.source, name: "hand-written", key: `hand-written ${w.name}`, samples: [] },
    { expression: w.source, name: "retry-delay closure", key: w.source, samples: [] },
  ]);
  for (const row of rows) {
    const fn = cache.get(row.key);
    for (let r = 0; r <= 20; r++) {
      const want = WORKLOAD.find((w) => w.source === row.expression).handWritten(r);
      if (Math.abs(fn(r) - want) > 1e-9 * Math.abs(want)) throw new Error(`${row.name} gives ${fn(r)} for ${row.expression} at ${r}`);
    }
    row.calls = calibrate((n) => sharedLoop(cache, row.key, n));
  }
  interleave(rows, rounds, (row) => {
    const start = process.hrtime.bigint();
    sharedLoop(cache, row.key, row.calls);
    row.samples.push(Number(process.hrtime.bigint() - start) / row.calls);
  });
  return WORKLOAD.map((w) => {
    const [hand, ours] = rows.filter((row) => row.expression === w.source);
    return {
      expression: w.source,
      unit: "ns/call",
      handWritten: summary(hand.samples),
      closure: summary(ours.samples),
      ratio: median(ours.samples) / median(hand.samples),
      // The best sample of each: what the code costs when the machine's other tenants leave it alone.
      bestRatio: Math.min(...ours.samples) / Math.min(...hand.samples),
    };
  });
}

/** The console lines of the measure. */
export function sharedSiteLines(results) {
  const lines = [
    `Evaluation through one shared call site, after ${DISTINCT} distinct expressions were compiled (ns per call, median [p10–p90])`,
  ];
  for (const r of results) {
    lines.push(`   ${r.expression}`);
    lines.push(`     hand-written             ${ns(r.handWritten.median).padStart(9)} [${ns(r.handWritten.p10)}–${ns(r.handWritten.p90)}]`);
    lines.push(
      `     retry-delay closure      ${ns(r.closure.median).padStart(9)} [${ns(r.closure.p10)}–${ns(r.closure.p90)}]  ×${r.ratio.toFixed(2)} (best samples ×${r.bestRatio.toFixed(2)})`,
    );
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(sharedSiteLines(benchSharedSite()).join("\n"));
