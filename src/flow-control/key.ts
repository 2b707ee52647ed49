import type { Diagnostic, Result, Span } from "../diagnostics/diagnostic.js";
import { expectString } from "../diagnostics/arguments.js";
import { showValue } from "../diagnostics/show.js";
import { flowDiagnostic, type FlowControlCode, type FlowControlDiagnostic } from "./codes.js";
import { FLOW_CONTROL_LIMITS } from "./fields.js";

/** The SDK's rule for keys and labels, for this package's own use, which stays when the public name goes. */
/**
 * The characters a flow-control key, a label or a name may hold: letters,
 * digits, `-`, `_` and `.`. This is the official SDK's own rule
 * (`RESOURCE_NAME_PATTERN` in @upstash/workflow 1.3.3); the option table's
 * JSON Schema reads its source too.
 */
export const NAME_PATTERN = /^[A-Za-z0-9._-]+$/;

/** Why a name breaks the rule, without a code: each caller reports it under its own (`invalid-key`, `invalid-label`, `invalid-name`). */
export interface NameProblem {
  readonly message: string;
  readonly span: Span;
  readonly hint?: string;
}

/** The first thing wrong with `name` as a key, label or name (`what` names it in messages); undefined when it is fine. */
export function resourceNameProblem(name: unknown, what: string): NameProblem | undefined {
  const hint = "use letters, digits, `-`, `_` and `.`, e.g. `user-42`";
  if (typeof name !== "string")
    return { message: `the ${what} must be a string, not ${showValue(name)}`, span: { start: 0, end: 0 }, hint };
  if (name.length === 0) return { message: `the ${what} is empty`, span: { start: 0, end: 0 }, hint };
  const max = FLOW_CONTROL_LIMITS.maxKeyLength;
  if (name.length > max)
    return { message: `the ${what} is ${name.length} characters long; the limit is ${max}`, span: { start: max, end: name.length } };
  if (NAME_PATTERN.test(name)) return undefined;
  // Code points, not code units: the span must cover a whole emoji.
  const characters = Array.from(name);
  const at = characters.findIndex((c) => !NAME_PATTERN.test(c));
  const offset = characters.slice(0, at).join("").length;
  const char = characters[at] ?? "";
  const code = char.codePointAt(0) ?? 0;
  const shown = code > 32 && code < 127 ? `\`${char}\`` : `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const fixed = name.replace(/[^A-Za-z0-9._-]+/g, "-");
  return {
    message: `the ${what} holds ${shown}; only letters, digits, \`-\`, \`_\` and \`.\` are allowed`,
    span: { start: offset, end: offset + char.length },
    hint: fixed.replace(/-/g, "") === "" ? "use letters, digits, `-`, `_` and `.`" : `e.g. \`${fixed}\``,
  };
}

/**
 * Checks an `Upstash-Flow-Control-Key` against the SDK's rule (letters,
 * digits, `-`, `_` and `.`; at most 512 characters), pointing at the first
 * character it refuses. Never throws.
 *
 * @example
 * ```ts
 * parseFlowControlKey("user-42");                    // { ok: true, value: "user-42", diagnostics: [] }
 * parseFlowControlKey("user:42").diagnostics[0]?.span; // { start: 4, end: 5 }
 * ```
 */
export function parseFlowControlKey(key: string): Result<string, FlowControlCode> {
  const problem = resourceNameProblem(key, "flow-control key");
  if (problem === undefined) return { ok: true, value: key, diagnostics: [] };
  return { ok: false, diagnostics: [flowDiagnostic("invalid-key", problem.message, problem.span, { hint: problem.hint })] };
}

/**
 * The diagnostics of {@link parseFlowControlKey}, as a bare list.
 *
 * @deprecated Use {@link parseFlowControlKey}, which returns the one result shape.
 * @example
 * ```ts
 * checkFlowControlKey("user-42");           // []
 * checkFlowControlKey("user:42")[0]?.span;  // { start: 4, end: 5 }
 * ```
 */
export function checkFlowControlKey(key: string): FlowControlDiagnostic[] {
  return [...parseFlowControlKey(key).diagnostics];
}

/**
 * Checks a name against the name rule (letters, digits, `-`, `_`, `.`); `what` names it in messages.
 *
 * @deprecated Internal grade: the request builders report labels, queue names and schedule ids under their own codes.
 * @example
 * ```ts
 * checkResourceName("nightly-run", "label"); // []
 * checkResourceName("nightly run", "label")[0]?.span; // { start: 7, end: 8 }
 * ```
 */
export function checkResourceName(name: string, what: string): Diagnostic<"invalid-name">[] {
  return resourceNameDiagnostics(name, what);
}

/** {@link checkResourceName} for the request builders, which report the problem under their own code. */
export function resourceNameDiagnostics(name: string, what: string): Diagnostic<"invalid-name">[] {
  expectString(what, "what the name is for (`what`)");
  const problem = resourceNameProblem(name, what);
  if (problem === undefined) return [];
  return [{ code: "invalid-name", severity: "error", ...problem }];
}
