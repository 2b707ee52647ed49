// The workload and the contenders, each used through the API its users would use.
import { compileExpression as filtrexCompile } from "filtrex";
import { Parser as ExprEvalParser } from "expr-eval";
import { compile as mathjsCompile } from "mathjs";
import { Environment as CelEnvironment } from "@marcbachmann/cel-js";
import { compile, tabulate, tryCompile } from "../dist/index.js";
import { DISTINCT_SHAPES } from "./shapes.mjs";

/** The five expressions, with the hand-written JavaScript that is the baseline and the physical limit. */
export const WORKLOAD = [
  { name: "pow", source: "pow(2, retried) * 1000", handWritten: (r) => Math.pow(2, r) * 1000 },
  { name: "max-pow", source: "max(1000, pow(2, retried) * 100)", handWritten: (r) => Math.max(1000, Math.pow(2, r) * 100) },
  { name: "linear", source: "1000 * (1 + retried)", handWritten: (r) => 1000 * (1 + r) },
  {
    name: "min-exp",
    source: "min(86400000, exp(2.5 * (retried + 1)) * 1000)",
    handWritten: (r) => Math.min(86400000, Math.exp(2.5 * (r + 1)) * 1000),
  },
  {
    // A long realistic one, nested 8 deep: jittered exponential backoff with a floor, a step and a cap.
    name: "long",
    source: "min(3600000, max(1000, round(pow(2, retried) * 100 * (1 + abs(sqrt(retried + 1) - 1) / 4)) + floor(retried / 2) * 250))",
    handWritten: (r) =>
      Math.min(
        3600000,
        Math.max(1000, Math.round(Math.pow(2, r) * 100 * (1 + Math.abs(Math.sqrt(r + 1) - 1) / 4)) + Math.floor(r / 2) * 250),
      ),
  },
];

export const RETRIED_VALUES = Array.from({ length: 21 }, (_, i) => i);

const exprEval = new ExprEvalParser();
// filtrex has no pow or exp; its users add them as extra functions.
const filtrexOptions = { extraFunctions: { pow: Math.pow, exp: Math.exp } };

/**
 * Each contender: how it turns source into something callable (`prepare`,
 * timed by the compile benchmark), and how that is called with `retried`
 * (`call`, timed by the evaluation benchmark).
 */
export const CONTENDERS = [
  { name: "hand-written", baseline: true, prepare: (source, w) => w.handWritten, call: (f) => f },
  { name: "retry-delay closure", ours: true, prepare: (source) => compile(source, { retries: 21 }), call: (f) => f },
  { name: "retry-delay table", ours: true, prepare: (source) => tabulate(compile(source, { retries: 21 }), 32), call: (f) => f },
  { name: "mathjs", prepare: (source) => mathjsCompile(source), call: (c) => (r) => c.evaluate({ retried: r }) },
  { name: "expr-eval", prepare: (source) => exprEval.parse(source), call: (e) => (r) => e.evaluate({ retried: r }) },
  { name: "expr-eval toJSFunction", usesEval: true, prepare: (source) => exprEval.parse(source).toJSFunction("retried"), call: (f) => f },
  { name: "filtrex", usesEval: true, prepare: (source) => filtrexCompile(source, filtrexOptions), call: (f) => (r) => f({ retried: r }) },
];

/*
 * cel-js (@marcbachmann/cel-js), the fastest CEL in JavaScript: its parse +
 * type check (`Environment.check`), the step that matches our parse + check.
 * CEL has none of these math functions and does not mix int and double
 * arithmetic, so its users declare the functions over doubles, as here, and
 * write number literals as doubles: `translate` does that to each source
 * before the timing starts.
 */
const celEnvironment = new CelEnvironment().registerVariable("retried", "double");
for (const name of ["pow", "max", "min"]) celEnvironment.registerFunction(`${name}(double, double): double`, Math[name]);
for (const name of ["exp", "round", "floor", "abs", "sqrt"]) celEnvironment.registerFunction(`${name}(double): double`, Math[name]);
const celSource = (source) => source.replace(/(?<![.\d])(\d+)(?![.\d])/g, "$1.0");
function celCheck(source) {
  const checked = celEnvironment.check(source);
  if (!checked.valid) throw new Error(`cel-js refuses ${source}: ${checked.error?.message}`);
  return checked;
}

/**
 * The compile-throughput contenders: the whole journey from source text to something callable. Ours
 * first: `compile`, which decides every error, as cel-js's `check` does, and runs none of the checks
 * that only warn (a delay finds those when its `diagnostics` or `range` is first read); then
 * `tryCompile`, whose result carries the warnings, found at once.
 */
export const COMPILERS = [
  { name: "retry-delay compile (parse + check + compile)", ours: true, run: (source) => compile(source, { retries: 3 }) },
  { name: "retry-delay tryCompile, with its warnings", ours: true, run: (source) => tryCompile(source, { retries: 3 }) },
  { name: "mathjs compile", run: (source) => mathjsCompile(source) },
  { name: "expr-eval parse", run: (source) => exprEval.parse(source) },
  { name: "filtrex compileExpression", run: (source) => filtrexCompile(source, filtrexOptions) },
  { name: "cel-js Environment.check (parse + check)", cel: true, translate: celSource, run: celCheck },
];

/*
 * A server gets each expression as a header, decoded from the bytes of a
 * request into a flat string. A string built by a template literal is a
 * rope (V8's ConsString) instead, and every character read from a rope goes
 * through one more indirection, even after V8 flattens it: ~10-20 % of a
 * parse. So the generated sources are decoded from bytes, as a header
 * would be, and every contender gets the same flat strings (cel-js's
 * `translate` makes flat ones too, with `replace`).
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const asReceived = (source) => decoder.decode(encoder.encode(source));

/** Distinct expressions in the shapes of the workload, so that no cache can help, as a server receives them. */
export function distinctExpressions(count) {
  return Array.from({ length: count }, (_, i) => asReceived(DISTINCT_SHAPES[i % DISTINCT_SHAPES.length](i)));
}

/**
 * Distinct invalid expressions: the mistakes people make most (see docs/language.md), in turn. One is
 * only a misspelt name; the others are syntax errors that need the full parser's diagnostics.
 */
export function invalidExpressions(count) {
  const shapes = [
    (i) => `pow(2, retries) * ${1000 + i}`,
    (i) => `${(i % 59) + 1}s`,
    (i) => `pow(2, retried * ${1000 + i}`,
    (i) => `${1000 + i} * `,
    (i) => `Math.pow(2, retried) * ${1000 + i}`,
    (i) => `max(${1000 + i}, 2 ^ retried)`,
  ];
  return Array.from({ length: count }, (_, i) => asReceived(shapes[i % shapes.length](i)));
}
