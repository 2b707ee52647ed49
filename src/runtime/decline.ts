import type { Result } from "../diagnostics/diagnostic.js";
import type { Expression } from "../expression/ast.js";
import type { ExpressionCode, ExpressionDiagnostic } from "../expression/codes.js";
import type { FastDecline } from "../expression/fast-recognizer.js";
import type { ScannedToken } from "../expression/fast-scan.js";
import { OPERATORS, PUNCTUATION } from "../expression/operators.js";
import { NUMBER_PATTERN, VALID_NUMBER } from "../expression/token-patterns.js";
import { shortError } from "./wording.js";

/*
 * retry-delay/runtime's answer for a source the fast recognizer declines. The
 * root entry hands such a source to the chevrotain parser, which reports
 * every problem with hints and fixes; the runtime has no chevrotain, so it
 * reports the one place where the recognizer stopped, with the code the full
 * parser would most likely give, and says where the full report comes from.
 * Problems with names alone (`retries`, `Pow`) never get here: the recognizer
 * reports them itself, with the root's code and span, in the runtime's
 * wording (wording.ts).
 */

const OPEN = PUNCTUATION.open.token;
const CLOSE = PUNCTUATION.close.token;

/**
 * The short diagnostic for a source that `parseFast` declined, where `declined` says why
 * (`declineFast(source)`, which the caller runs: the CommonJS build loads this module on first
 * call, from a file that so needs no recognizer of its own). Never throws.
 */
export function declinedSource(source: string, declined: FastDecline): Result<Expression, ExpressionCode> {
  const diagnostic =
    declined.stage === "scan"
      ? atCharacter(source, declined.at)
      : declined.stage === "size"
        ? declined.problem
        : atToken(source, declined.tokens, declined.at);
  return { ok: false, diagnostics: [diagnostic] };
}

/** An error over the `length` characters from `start`, in the runtime's short form. */
function short(code: ExpressionCode, message: string, start: number, length: number): ExpressionDiagnostic {
  return shortError(code, message, { start, end: start + length });
}

/** Where the scanner stopped: an operator the language refuses, a number it does not accept, or a stray character. */
function atCharacter(source: string, at: number): ExpressionDiagnostic {
  let refused: (typeof OPERATORS)[number] | undefined;
  for (const row of OPERATORS) {
    if (source.startsWith(row.text, at) && (refused === undefined || row.text.length > refused.text.length)) refused = row;
  }
  if (refused !== undefined && "unsupported" in refused.infix) {
    return short("unsupported-operator", refused.infix.unsupported.message, at, refused.text.length);
  }
  // The first match in the rest of the source is the one that starts there, if any does.
  const number = NUMBER_PATTERN.exec(source.slice(at));
  if (number?.index === 0) {
    const image = number[0];
    if (!VALID_NUMBER.test(image))
      return short("malformed-number", `the number \`${image}\` is not written as the language accepts`, at, image.length);
    if (!Number.isFinite(Number(image))) return short("number-out-of-range", `the number \`${image}\` is too large`, at, image.length);
    // A valid finite number stops the scanner only by what follows it (`1.2.3`): that is the problem.
    return atCharacter(source, at + image.length);
  }
  const character = String.fromCodePoint(source.codePointAt(at) ?? 0);
  return short("unexpected-character", `unexpected character \`${character}\``, at, character.length);
}

/** Where the recognizer stopped: at a token it did not expect, or at the end of the input. */
function atToken(source: string, tokens: readonly ScannedToken[], at: number): ExpressionDiagnostic {
  const opened: ScannedToken[] = [];
  for (const token of tokens.slice(0, at)) {
    if (token.kind === OPEN) opened.push(token);
    else if (token.kind === CLOSE) opened.pop();
  }
  const token = tokens[at];
  if (token === undefined) {
    if (tokens.length === 0) return short("empty-expression", "the expression is empty", 0, source.length);
    const unclosed = opened.pop();
    return unclosed === undefined
      ? short("unexpected-end", "the expression ends where an operand is needed", source.length, 0)
      : short("unclosed-paren", "this `(` is never closed", unclosed.startOffset, 1);
  }
  const { startOffset: start, image, kind } = token;
  if (kind === CLOSE && opened.length === 0) return short("unmatched-paren", "this `)` has no matching `(`", start, image.length);
  const before = tokens[at - 1];
  return before !== undefined && endsOperand(before) && startsOperand(token)
    ? short("missing-operator", `an operator is missing before \`${image}\``, start, image.length)
    : short("unexpected-token", `unexpected \`${image}\``, start, image.length);
}

const endsOperand = (token: ScannedToken): boolean => token.kind === "Number" || token.kind === "Identifier" || token.kind === CLOSE;
const startsOperand = (token: ScannedToken): boolean => token.kind === "Number" || token.kind === "Identifier" || token.kind === OPEN;
