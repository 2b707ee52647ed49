import { expect } from "vitest";
import type { Result } from "../../src/diagnostics/diagnostic.js";
import { parseExpression, tryCompile } from "../../src/expression/api.js";
import type { Expression } from "../../src/expression/ast.js";
import { parseWithChevrotain } from "../../src/expression/chevrotain-parse.js";
import type { ExpressionCode } from "../../src/expression/codes.js";
import { capErrors } from "../../src/expression/error-limit.js";
import { explainParseFailure } from "../../src/expression/mistakes.js";
import { parseWith } from "../../src/expression/parse-with.js";
import { ROOT_WORDING } from "../../src/expression/root-wording.js";

/*
 * chevrotain as the reference the chevrotain-free readers are held to
 * (fast-syntax-error.ts, lex-scan.ts's character answers, refused-parse.ts):
 * its answer, the root's parse as it was with every declined source sent to
 * it, and the property that the root now gives exactly that.
 */

/** As JSON text: equal only with the same fields, values and key order. */
export const asText = (value: unknown): string => JSON.stringify(value);

/** chevrotain's answer, capped as parse.ts caps it. */
export function chevrotainAnswer(source: string): Result<Expression, ExpressionCode> {
  const full = parseWithChevrotain(source);
  return full.ok ? full : { ok: false, diagnostics: capErrors(full.diagnostics) };
}

/** The root's parse as it was with every source the fast path declines sent to chevrotain. */
export function parseThroughChevrotain(source: string): Result<Expression, ExpressionCode> {
  const parsed = parseWith(source, chevrotainAnswer, ROOT_WORDING);
  return parsed.ok ? parsed : { ok: false, diagnostics: explainParseFailure(source, parsed.diagnostics, parseThroughChevrotain) };
}

/**
 * The root's `parseExpression` and, for a failure, `tryCompile` give what
 * {@link parseThroughChevrotain} gives; with `fullParserCalls` (a test file's
 * counter on the mocked lazy parser), without calling chevrotain.
 */
export function expectRootAsThroughChevrotain(source: string, fullParserCalls?: { count: number }): void {
  const before = parseThroughChevrotain(source);
  if (fullParserCalls !== undefined) fullParserCalls.count = 0;
  const parsed = parseExpression(source);
  if (fullParserCalls !== undefined) expect(fullParserCalls.count, JSON.stringify(source)).toBe(0);
  expect(asText(parsed)).toBe(asText(before));
  if (!before.ok) expect(asText(tryCompile(source, { retries: 3 }))).toBe(asText(before));
}
