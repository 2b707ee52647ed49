import type { Expression } from "./ast.js";
import { recognizeWith, type Recognized } from "./fast-recognizer.js";
import { explainName } from "./names.js";

/*
 * The fast path for valid input. Chevrotain's lexer and parser cost ~17 ms to
 * build and ~12 ms just to load, and its per-parse machinery dominates
 * compile throughput, yet almost every expression a server sees is valid.
 * This recognizer accepts exactly the valid sentences of the grammar and
 * builds the same tree, spans included; at the first thing it does not
 * expect it returns undefined, and `parse` hands the input to the chevrotain
 * parser, which owns the diagnostics.
 *
 * Both are built from the operator table (operators.ts): chevrotain gets one
 * rule per level, this one climbs the levels' precedences (one call per
 * operand rather than one per level). They share the token patterns, the
 * node constructors, the size and depth pre-scan and name resolution, and
 * this one imports nothing from chevrotain, so a cold start
 * that only meets valid input never loads it. A property test checks on
 * random input that the two paths accept the same inputs and build equal
 * trees (test/expression/fast-parse.test.ts).
 */

export type { Recognized } from "./fast-recognizer.js";

/** The tree for a valid expression, or undefined to defer to the full parser. */
export function parseFast(source: string): Expression | undefined {
  const recognized = recognize(source);
  return recognized?.problems.length === 0 ? recognized.tree : undefined;
}

/**
 * What the fast recognizer makes of a sentence of the grammar, with name
 * problems worded as the root words them (names.ts); see {@link Recognized}.
 */
export function recognize(source: string): Recognized | undefined {
  return recognizeWith(source, explainName);
}
