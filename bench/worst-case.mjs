// The worst case found, per function whose answer has a fixed size, for
// inputs within the documented limits (EXPRESSION_LIMITS): the bound that
// docs/security.md states is "≤ 50 ms on 2 shared cores, whatever retries is".
//
//   node scripts/build.mjs && node bench/worst-case.mjs [--random N] [--repeat N]
//
// Hand-picked hostile families (long chains, deep nesting, many builtins,
// non-monotone delays that defeat the domain check's analysis, non-finite
// parts on long chains) at several `retries`, then a seeded random search
// over well-formed expressions near the size limit. Each input runs through
// every function `--repeat` times (default 5) in this process; the table
// gives the median and the slowest run, and the summary the worst input per
// function. A bench, not a test: it prints, it does not fail.
import { buildTriggerRequest, createCompileCache, decideRetry, EXPRESSION_LIMITS, parseTriggerHeaders, tryCompile } from "../dist/index.js";

const argument = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const REPEAT = argument("--repeat", 5);
const RANDOM = argument("--random", 200);
const { maxSourceLength, maxNestingDepth, maxTerms, maxRetries } = EXPRESSION_LIMITS;

/** What the size limit counts: names, numbers, operators and commas (not parentheses). */
const termsOf = (text) => (text.match(/[A-Za-z_]\w*|\d+(?:\.\d+)?(?:e\d+)?|[-+*/,]/g) ?? []).length;

/** `part` joined by `op` as many times as the length and term limits allow. */
function longest(part, op) {
  const parts = [];
  let length = -op.length;
  while (length + op.length + part.length <= maxSourceLength && (parts.length + 1) * (termsOf(part) + 1) <= maxTerms) {
    parts.push(part);
    length += op.length + part.length;
  }
  return parts.join(op);
}

const nest = (open, close, inner, depth) => open.repeat(depth) + inner + close.repeat(depth);
const depth = maxNestingDepth - 1;

const FAMILIES = [
  ["chain, 1,000 terms (issue 11)", Array.from({ length: 1000 }, () => "retried").join("+")],
  ["chain, longest", longest("retried", "+")],
  ["chain of products, longest", longest("retried*3", "+")],
  ["parity chain (non-monotone)", longest("(retried-2*floor(retried/2)-0.5)", "+")],
  ["zigzag abs (non-monotone)", longest("abs(retried-250000.5)", "-")],
  ["exp(exp(…)), deepest", nest("exp(", ")", "retried", depth)],
  ["round(round(…)), deepest", nest("round(", ")", "retried/3", depth)],
  ["pow(pow(…), 1.01), deepest", nest("pow(", ",1.01)", "retried", depth)],
  ["parentheses, deepest", nest("(", ")", "retried", depth)],
  ["prefix signs, deepest", nest("-", "", "retried", depth)],
  ["many builtins", longest("pow(2,retried)*round(retried/3)+min(max(retried,1),sqrt(retried))", "-")],
  ["non-finite part on a long chain", `${longest("retried", "+").slice(0, -24)}+retried*1e308*10`],
  ["division poles", longest("1000/(retried-700000)", "+")],
  ["unknown names, longest (fails)", longest("x", "+")],
  // The error readers (refused-parse.ts): a refused operator's hint prints its operands, which was
  // quadratic on a long chain of them until only the reported errors' hints were worded.
  ["refused operators, longest (fails)", longest("retried", "%")],
  ["refused operators and a syntax error at the end (fails)", `${longest("retried", "^").slice(0, -8)}^`],
  ["malformed numbers, longest (fails)", longest("1_000", "+")],
  ["over the length limit (fails)", "1".repeat(maxSourceLength + 1)],
];

/** A seeded generator of well-formed expressions, for the random search. */
function randomExpression(seed) {
  let state = seed >>> 0 || 1;
  const next = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const pick = (items) => items[Math.floor(next() * items.length)];
  const leaf = () => pick(["retried", "retried", "1000", "0.5", "3", "1e308", "700000"]);
  const grow = (level) => {
    if (level === 0 || next() < 0.2) return leaf();
    const kind = next();
    if (kind < 0.5) return `(${grow(level - 1)}${pick(["+", "-", "*", "/"])}${grow(level - 1)})`;
    if (kind < 0.8) return `${pick(["exp", "sqrt", "abs", "floor", "ceil", "round"])}(${grow(level - 1)})`;
    return `${pick(["pow", "min", "max"])}(${grow(level - 1)},${grow(level - 1)})`;
  };
  let source = grow(9);
  while (source.length * 2 + 1 < maxSourceLength && next() < 0.7) source = `${source}+${grow(9)}`;
  return source;
}

const FUNCTIONS = {
  tryCompile: (source, retries) => tryCompile(source, { retries }),
  "cache.get (miss)": (source, retries) => createCompileCache().get(source, { retries }),
  "decideRetry (miss)": (source, retries) => decideRetry({ retried: 0, retries, retryDelay: source, cache: createCompileCache() }),
  parseTriggerHeaders: (source, retries) => parseTriggerHeaders({ "upstash-retries": String(retries), "upstash-retry-delay": source }),
  buildTriggerRequest: (source, retries) => buildTriggerRequest({ url: "https://example.com/api", retries, retryDelay: source }),
};

function time(run) {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function measure(fn, source, retries) {
  const runs = Array.from({ length: REPEAT }, () => time(() => fn(source, retries))).sort((a, b) => a - b);
  return { median: runs[runs.length >> 1], max: runs[runs.length - 1] };
}

const inputs = [];
for (const [name, source] of FAMILIES)
  for (const retries of [3, 1000, 150_000, maxRetries]) inputs.push({ name: `${name}, retries ${retries}`, source, retries });

// The random search: keep the slowest few through tryCompile, then measure them everywhere.
const candidates = Array.from({ length: RANDOM }, (_, i) => randomExpression(i + 1))
  .map((source) => ({ source, ms: time(() => tryCompile(source, { retries: maxRetries })) }))
  .sort((a, b) => b.ms - a.ms)
  .slice(0, 5);
for (const [i, { source }] of candidates.entries())
  inputs.push({ name: `random #${i + 1} (${source.length} chars), retries ${maxRetries}`, source, retries: maxRetries });

const worst = Object.fromEntries(Object.keys(FUNCTIONS).map((fn) => [fn, { median: 0, max: 0, input: "" }]));
const rows = [];
for (const input of inputs) {
  const cells = [];
  for (const [fn, run] of Object.entries(FUNCTIONS)) {
    const { median, max } = measure(run, input.source, input.retries);
    cells.push(`${median.toFixed(1)} / ${max.toFixed(1)}`);
    if (median > worst[fn].median) worst[fn] = { ...worst[fn], median, input: input.name };
    worst[fn].max = Math.max(worst[fn].max, max);
  }
  rows.push(`| ${input.name} | ${input.source.length} | ${cells.join(" | ")} |`);
}

console.log(`Node ${process.version}, ${REPEAT} runs per cell, ms as median / slowest\n`);
console.log(`| input | chars | ${Object.keys(FUNCTIONS).join(" | ")} |`);
console.log(
  `| --- | --: | ${Object.keys(FUNCTIONS)
    .map(() => "--:")
    .join(" | ")} |`,
);
for (const row of rows) console.log(row);
console.log("\nWorst case per function (the slowest median; the slowest single run of any input)\n");
console.log("| function | worst median ms | slowest run ms | input |");
console.log("| --- | --: | --: | --- |");
for (const [fn, { median, max, input }] of Object.entries(worst))
  console.log(`| ${fn} | ${median.toFixed(1)} | ${max.toFixed(1)} | ${input} |`);
