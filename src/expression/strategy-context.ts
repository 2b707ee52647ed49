import type { ExpressionDiagnostic } from "./codes.js";

/**
 * A strategy word's suggested expressions replace the word. They stand for
 * the whole delay, so they are offered only when the word is the whole
 * source; inside a larger expression (`exponential * 1000`) the hint stays
 * and the suggestions go, since replacing the word would not mean it.
 */
export function strategyInContext(source: string, d: ExpressionDiagnostic): ExpressionDiagnostic {
  const whole = d.span.start === source.length - source.trimStart().length && d.span.end === source.trimEnd().length;
  if (whole || d.suggestions === undefined) return d;
  return { code: d.code, severity: d.severity, message: d.message, span: d.span, ...(d.hint === undefined ? {} : { hint: d.hint }) };
}
