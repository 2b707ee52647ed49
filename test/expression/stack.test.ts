import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * Stack safety, tested where it can fail: in a child process with a small
 * `--stack-size`, and from inside a recursion that has eaten most of that
 * stack. Every parser, the checker, the compiler and a compiled closure must
 * answer with a value or a RetryDelayError (`too-deeply-nested`), never a
 * RangeError, whenever the caller leaves at least MARGIN_KIB of stack.
 *
 * Each case runs once at the bottom of the stack first: V8 compiles a
 * function on its first call and refuses to with under 40 KiB left, so a
 * first call at the edge is a RangeError for any function whatsoever.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const index = `${root}/dist/index.js`;
const MARGIN_KIB = 8;

const CHILD = String.raw`
const api = await import(process.env.RETRY_DELAY_INDEX);
const chain = (n) => Array.from({ length: n }, () => "retried").join("+");
const nested = "(".repeat(60) + "pow(2, retried)" + ")".repeat(60);
const parsed = (source) => { const p = api.parse(source); if (!p.ok) throw new Error("fixture"); return p.value; };
let deep;
try { deep = api.compile(chain(400), { retries: 0 }); } catch (error) { if (!(error instanceof api.RetryDelayError)) throw error; }
const shallow = api.compile("max(1000, pow(2, retried) * 100)");
const cases = {
  "tryCompile, a 1024-term chain": () => api.tryCompile(chain(1024)),
  "compile, a 1024-term chain": () => api.compile(chain(1024)),
  "tryCompile, 60 nested parentheses": () => api.tryCompile(nested),
  // The checks of a delay's values run on the first read of its warnings or range.
  "tryCompile's warnings, read": () => api.tryCompile("max(1000, pow(2, retried) * 100)").diagnostics,
  "a delay's warnings and range, read": () => { const d = api.compile("min(86400000, exp(2.5 * (retried + 1)) * 1000)"); return [d.diagnostics, d.range]; },
  "parse, valid (fast path)": () => api.parse(nested),
  "parse, invalid (chevrotain)": () => api.parse("pow(2, retries) * " + "(".repeat(50) + "1" + ")".repeat(50) + " $"),
  "checkExpression": () => api.checkExpression(parsed(chain(300))),
  "compileExpression": () => api.compileExpression(parsed(chain(300))),
  "printExpression": () => api.printExpression(parsed(chain(300))),
  "a deep compiled closure": () => deep?.(3),
  "a shallow compiled closure": () => shallow(3),
  parseDuration: () => api.parseDuration("1d10h30m"),
  parseFlowControlValue: () => api.parseFlowControlValue("rate=10, parallelism=5, period=1m"),
  parseRetryAfter: () => api.parseRetryAfter("Wed, 21 Oct 2026 07:28:00 GMT", { now: 0 }),
};
function outcome(run) {
  try { run(); return "ok"; } catch (error) {
    if (error instanceof api.RetryDelayError) return "diagnostic";
    return error instanceof Error ? error.name + ": " + error.message : String(error);
  }
}
function descend(n, run) { return n === 0 ? outcome(run) : descend(n - 1, run) || "unreachable"; }
function maxDepth() {
  let low = 0, high = 1;
  for (;;) { try { descend(high, () => 0); low = high; high *= 2; } catch { break; } }
  while (high - low > 1) { const mid = (low + high) >> 1; try { descend(mid, () => 0); low = mid; } catch { high = mid; } }
  return low;
}
for (let i = 0; i < 3; i++) maxDepth(); // warm descend up, so that its frames keep one size
const limit = maxDepth();
const margin = Math.ceil((limit * Number(process.env.MARGIN_KIB)) / Number(process.env.STACK_KIB));
const report = {};
for (const [name, run] of Object.entries(cases)) {
  const base = outcome(run);
  const escapes = [];
  const step = Math.max(1, Math.floor(limit / 300));
  for (let depth = 0; depth <= limit - margin; depth += step) {
    let result;
    try { result = descend(depth, run); } catch (error) { result = "outer " + String(error); }
    if (result !== "ok" && result !== "diagnostic") escapes.push(depth + " of " + limit + ": " + result);
  }
  report[name] = { base, escapes: escapes.slice(0, 3), escapeCount: escapes.length };
}
// Every stage's answer to stack exhaustion, up to the very top of the stack: each must carry guard.ts's hint.
function descendValue(n, run) { return n === 0 ? run() : descendValue(n - 1, run) ?? null; }
const exhausted = {};
for (const [name, run] of [["tryCompile", () => api.tryCompile(chain(1024))], ["parse", () => api.parse(nested)]]) {
  const seen = new Set();
  for (let depth = 0; depth <= limit; depth += Math.max(1, Math.floor(limit / 600))) {
    let result;
    try { result = descendValue(depth, run); } catch { continue; }
    for (const d of result?.ok === false ? result.diagnostics : []) seen.add(JSON.stringify({ code: d.code, message: d.message, hint: d.hint }));
  }
  exhausted[name] = [...seen].map((d) => JSON.parse(d));
}
console.log(JSON.stringify({ limit, margin, report, exhausted }));
`;

interface ChildReport {
  limit: number;
  margin: number;
  report: Record<string, { base: string; escapes: string[]; escapeCount: number }>;
  exhausted: Record<string, { code: string; message: string; hint?: string }[]>;
}

function runChild(stackKiB: number): ChildReport {
  if (!existsSync(index)) throw new Error("dist/index.js is missing: run `npm run build` (npm test does)");
  const child = spawnSync(process.execPath, [`--stack-size=${stackKiB}`, "--input-type=module", "-e", CHILD], {
    encoding: "utf8",
    env: { ...process.env, RETRY_DELAY_INDEX: pathToFileURL(index).href, STACK_KIB: String(stackKiB), MARGIN_KIB: String(MARGIN_KIB) },
    timeout: 120_000,
  });
  if (child.status !== 0) throw new Error(`the child failed (${String(child.status)}): ${child.stderr}`);
  return JSON.parse(child.stdout) as ChildReport;
}

describe.each([100, 400])("with --stack-size=%i", (stackKiB) => {
  const result = runChild(stackKiB);

  it("recursed deep enough to mean something", () => {
    expect(result.limit).toBeGreaterThan(500);
    expect(Object.keys(result.report)).toHaveLength(15);
  });

  it("answers stack exhaustion with one diagnostic, hint included, whichever stage ran out", () => {
    const answer = {
      code: "too-deeply-nested",
      message: "the expression nests too deeply for the call stack that is left",
      hint: "simplify the expression, or call this from a shallower stack",
    };
    expect(result.exhausted.tryCompile?.length, "no height made tryCompile run out of stack").toBeGreaterThan(0);
    for (const name of ["tryCompile", "parse"])
      expect(result.exhausted[name], name).toEqual((result.exhausted[name] ?? []).map(() => answer));
  });

  it.each(Object.keys(result.report))("%s answers at the bottom of the stack and at every height up to the margin", (name) => {
    const { base, escapes, escapeCount } = result.report[name] ?? { base: "missing", escapes: [], escapeCount: -1 };
    expect(base, `${name} at the bottom of the stack`).toMatch(/^(ok|diagnostic)$/);
    expect(escapes, `${name}: ${escapeCount} heights let something else escape`).toEqual([]);
  });
});
