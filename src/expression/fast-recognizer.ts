import type { Span } from "../diagnostics/diagnostic.js";
import { binaryNode, callNode, parenthesized, unaryNode, type Expression } from "./ast.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { BUILTINS, RETRIED, type Builtin } from "./builtins.js";
import { isDigit, readNumber, type NumberRead } from "./fast-number.js";
import { fixedAt, identifierEnd, isIdentifierStart, scan, type FixedToken, type ScannedToken } from "./fast-scan.js";
import { EXPRESSION_LIMITS } from "./limits.js";
import { callProblem, variableProblem, type NameProblem, type NameWording } from "./name-problems.js";
import { PUNCTUATION } from "./operators.js";
import { checkSize } from "./size.js";
import { isWhitespaceCode } from "./token-patterns.js";

/*
 * The fast recognizer (see fast-parse.ts for why it exists), with the
 * wording of name problems given: the root's explains them
 * (names.ts), retry-delay/runtime's is short. Which names are problems, and
 * where, is name-problems.ts's for both.
 */

/** The punctuation's character codes: each is one character long, and no longer token starts with it. */
const OPEN = PUNCTUATION.open.text.charCodeAt(0);
const CLOSE = PUNCTUATION.close.text.charCodeAt(0);
const COMMA = PUNCTUATION.comma.text.charCodeAt(0);

/** A name the language knows: `retried`, or a builtin's. */
interface KnownName {
  readonly name: string;
  readonly builtin: Builtin | undefined;
}

/**
 * The names the language knows, by their first character (every name
 * starts with an ASCII letter or `_`): a name read is compared with the few
 * that start as it does, not with every one. All 128 entries exist: a read
 * past an array's end takes V8's slow path.
 */
const NAMES_BY_FIRST = new Array<KnownName[] | undefined>(128).fill(undefined);
for (const entry of [{ name: RETRIED, builtin: undefined }, ...BUILTINS.map((builtin) => ({ name: builtin.name, builtin }))])
  (NAMES_BY_FIRST[entry.name.charCodeAt(0)] ??= []).push(entry);

/** The known name that `start … end` of the source spells, if any, found without cutting it out of the source. */
function knownName(source: string, start: number, end: number): KnownName | undefined {
  const candidates = NAMES_BY_FIRST[source.charCodeAt(start)];
  if (candidates !== undefined)
    for (const entry of candidates) if (entry.name.length === end - start && source.startsWith(entry.name, start)) return entry;
  return undefined;
}

/**
 * What the fast recognizer makes of a sentence of the grammar: its tree, and
 * the problems with its names (unknown names, wrong arity, a function not
 * called), which do not stop a parse. They are the full parser's diagnostics
 * for such a source too, found by the same name resolution in the same order
 * (a call's arguments before the call); a property test holds the two
 * equal. Undefined for anything else: syntax errors, refused operators,
 * malformed numbers and characters are the full parser's to report.
 */
export interface Recognized {
  readonly tree: Expression;
  /** In source order, as the full parser sorts them. */
  readonly problems: readonly ExpressionDiagnostic[];
}

/** The last number read: every recognizer reads one number at a time, and takes its value at once. */
const NUMBER: NumberRead = { end: 0, value: 0 };

const NO_PROBLEMS: readonly ExpressionDiagnostic[] = Object.freeze([]);

/** For a recognizer whose name problems are never read. */
const UNWORDED: NameWording = ({ code, span, message }) => ({ code, severity: "error", message, span });

/** {@link Recognized} for `source`, with name problems in the entry's wording, or undefined. */
export function recognizeWith(source: string, wordName: NameWording): Recognized | undefined {
  const parser = new Recognizer(source, wordName);
  const tree = parser.whole();
  if (tree === undefined) return undefined;
  const problems = parser.problems;
  if (parser.plain && problems === undefined) {
    lastPlainTree = tree;
    lastPlainNodes = parser.nodes();
  }
  // A stable sort, as the full parser's.
  return { tree, problems: problems === undefined ? NO_PROBLEMS : problems.sort((a, b) => a.span.start - b.span.start) };
}

/*
 * What the checks would walk the tree again to learn (check.ts), noted as
 * the recognizer builds it: its count of nodes, and that it is plain: no
 * part of it is a constant that folding would change (an operation or call
 * whose operands are all numbers, or a `+` sign) and no divisor is the
 * literal 0. A plain tree folds to itself and has no constant division to
 * check, so `compile` skips both walks. Kept for the last tree only, and
 * asked for by identity right after the parse that made it: no code runs
 * in between that could change the tree. A property test holds the facts
 * equal to the walks' answers (test/expression/fast-parse.test.ts).
 */
let lastPlainTree: Expression | undefined;
let lastPlainNodes = 0;

/** The count of nodes of `tree` when it is the recognizer's last tree and plain (see above), else undefined. */
export function plainTreeNodes(tree: Expression): number | undefined {
  return tree === lastPlainTree ? lastPlainNodes : undefined;
}

/**
 * Where the fast path stopped on a source it declined: a character offset
 * (`scan`), the size check's own diagnostic (`size`), or the index of the
 * token the recognizer did not expect (`parse`). The root hands a declined
 * source to the full parser; retry-delay/runtime, which has none, makes its
 * short diagnostic from this (src/runtime/decline.ts).
 */
export type FastDecline =
  | { readonly stage: "scan"; readonly at: number }
  | { readonly stage: "size"; readonly problem: ExpressionDiagnostic }
  | { readonly stage: "parse"; readonly tokens: readonly ScannedToken[]; readonly at: number };

/** Runs the fast path again on a source it declined, and tells where and why it stopped. */
export function declineFast(source: string): FastDecline {
  const declined = { at: 0 };
  const tokens = scan(source, declined);
  if (tokens === undefined) return { stage: "scan", at: declined.at };
  const problem = checkSize(tokens, source.length);
  if (problem !== undefined) return { stage: "size", problem };
  // Where it stops does not depend on names, so their problems are not worded.
  const parser = new Recognizer(source, UNWORDED);
  parser.whole();
  // The recognizer stops at the start of a token (or at the end): the tokens before it are the ones it read.
  let at = 0;
  while (at < tokens.length && (tokens[at] as ScannedToken).startOffset < parser.at) at++;
  return { stage: "parse", tokens, at };
}

/**
 * A recursive descent that reads the source's characters where the grammar
 * expects a token, with no token list and no token record: `at` is always
 * the start of the current token (past whitespace), or the end, and `c` its
 * first character's code (-1 at the end). A number, a name or a `(` is told
 * by that one code, an operator by the table (fast-scan.ts's `fixedAt`), as
 * the chevrotain lexer would read it. It also keeps the size pre-scan's
 * counts (size.ts), nesting and terms, as it goes, and declines past either
 * limit: on a sentence of the grammar they are the counts `checkSize`
 * makes, and they bound the recursion. One recognizer per parse: reusing
 * one, reset field by field, cost the runtime's bundle 38 B gzipped.
 */
class Recognizer {
  at = 0;
  /** Name problems, in the order found; the tree holds a stand-in for each, as the full parser's does. */
  problems: ExpressionDiagnostic[] | undefined;
  /** Whether the tree is plain so far (see {@link plainTreeNodes}). */
  plain = true;
  private c = -1;
  private depth = 0;
  private terms = 0;
  /** Commas read: every other term is a node (see {@link plainTreeNodes}). */
  private commas = 0;

  constructor(
    private readonly source: string,
    private readonly wordName: NameWording,
  ) {
    this.skip(0);
  }

  /** The whole source as one expression, or undefined. */
  whole(): Expression | undefined {
    const tree = this.operation(0);
    return tree !== undefined && this.at === this.source.length ? tree : undefined;
  }

  /**
   * Moves to the first token at or after `i` (past whitespace). The loop is
   * written out here rather than calling fast-scan.ts's `skipWhitespace`
   * and `codeAt`: once per token, that measured 5 % of a parse's instructions.
   */
  private skip(i: number): void {
    const source = this.source;
    let c = -1;
    while (i < source.length && isWhitespaceCode((c = source.charCodeAt(i)))) i++;
    this.at = i;
    this.c = i < source.length ? c : -1;
  }

  /** The operator or punctuation at `at`, or undefined (a number, a name, the end, or what no token starts with). */
  private fixed(): FixedToken | undefined {
    return this.c < 0 ? undefined : fixedAt(this.source, this.at, this.c);
  }

  /** The tree's count of nodes: one per term (operand, operator or sign) but commas. */
  nodes(): number {
    return this.terms - this.commas;
  }

  /** Counts one operand, operator or comma; false past the limit. */
  private term(): boolean {
    return ++this.terms <= EXPRESSION_LIMITS.maxTerms;
  }

  /** Enters one level of parentheses, call or sign; false past the limit. */
  private enter(): boolean {
    return ++this.depth <= EXPRESSION_LIMITS.maxNestingDepth;
  }

  /**
   * The operation whose operators bind at least as tightly as `minimum`,
   * climbing the table's precedences: a left-associative operator's right
   * operand must bind tighter than itself, a right-associative one's may
   * bind as tightly. One call per operand, not one per level.
   */
  operation(minimum: number): Expression | undefined {
    let left = this.signed();
    while (left !== undefined) {
      const fixed = this.fixed();
      const operator = fixed?.infixOperator;
      if (fixed === undefined || operator === undefined || fixed.infixPrecedence < minimum) return left;
      if (!this.term()) return undefined;
      this.skip(this.at + fixed.text.length);
      const right = this.operation(fixed.rightAssociative ? fixed.infixPrecedence : fixed.infixPrecedence + 1);
      if (right === undefined) return undefined;
      if (right.kind === "number" && (left.kind === "number" || (operator === "/" && right.value === 0))) this.plain = false;
      left = binaryNode(operator, left, right);
    }
    return undefined;
  }

  /** A sign's operand holds only the operators that bind tighter than the sign (`-2 * 3` is `(-2) * 3`). */
  private signed(): Expression | undefined {
    const start = this.at;
    const sign = this.fixed();
    const operator = sign?.prefixOperator;
    if (sign === undefined || operator === undefined) return this.primary();
    if (!this.term() || !this.enter()) return undefined;
    this.skip(start + sign.text.length);
    const operand = this.operation(sign.prefixPrecedence + 1);
    this.depth--;
    if (operand === undefined) return undefined;
    if (operand.kind === "number" || operator === "+") this.plain = false;
    return unaryNode(operator, start, operand);
  }

  // primary = number | name , [ "(" , [ arguments ] , ")" ] | "(" , expression , ")" ;
  private primary(): Expression | undefined {
    const start = this.at;
    const c = this.c;
    if (isDigit(c)) {
      const number = NUMBER;
      if (!readNumber(this.source, start, number) || !this.term()) return undefined;
      const { end, value } = number;
      this.skip(end);
      return { kind: "number", value, span: { start, end } };
    }
    if (c === OPEN) {
      if (!this.enter()) return undefined;
      this.skip(start + 1);
      const inner = this.operation(0);
      this.depth--;
      const close = this.at;
      if (inner === undefined || this.c !== CLOSE) return undefined;
      this.skip(close + 1);
      return parenthesized(inner, start, close);
    }
    return isIdentifierStart(c) && this.term() ? this.name(start) : undefined;
  }

  /** A name at `start`: `retried`, a call, or a name problem. */
  private name(start: number): Expression | undefined {
    const source = this.source;
    const end = identifierEnd(source, start);
    this.skip(end);
    const known = knownName(source, start, end);
    const nameSpan = { start, end };
    if (this.c === OPEN) return this.call(known?.name ?? source.slice(start, end), known?.builtin, nameSpan);
    if (known?.name === RETRIED) return { kind: "retried", span: nameSpan };
    this.problem(variableProblem(source.slice(start, end), nameSpan));
    return { kind: "number", value: Number.NaN, span: nameSpan };
  }

  // arguments = expression , { "," , expression } ;   at the name's `(`
  private call(name: string, builtin: Builtin | undefined, nameSpan: Span): Expression | undefined {
    if (!this.enter()) return undefined;
    this.skip(this.at + 1);
    let args: Expression[] = [];
    // A call of numbers alone (or of nothing) is a constant.
    let constant = true;
    if (this.c !== CLOSE) {
      for (;;) {
        const arg = this.operation(0);
        if (arg === undefined) return undefined;
        if (arg.kind !== "number") constant = false;
        // Made at their size for one or two arguments, the common calls: a push onto `[]` makes room for 17.
        if (args.length < 2) args = args.length === 0 ? [arg] : [args[0] as Expression, arg];
        else args.push(arg);
        if (this.c !== COMMA) break;
        this.commas++;
        if (!this.term()) return undefined;
        this.skip(this.at + 1);
      }
    }
    this.depth--;
    const close = this.at;
    if (this.c !== CLOSE) return undefined;
    this.skip(close + 1);
    // A known function with its number of arguments is good; anything else gets the root's diagnostic.
    if (builtin === undefined || args.length !== builtin.arity)
      this.problem(callProblem(name, nameSpan, args.length, { start: nameSpan.start, end: close + 1 }));
    if (constant) this.plain = false;
    return callNode(name, nameSpan, args, close, builtin);
  }

  private problem(problem: NameProblem | undefined): void {
    if (problem !== undefined) (this.problems ??= []).push(this.wordName(problem));
  }
}
