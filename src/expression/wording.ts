import type { Severity, Span } from "../diagnostics/diagnostic.js";
import type { Expression } from "./ast.js";
import type { DelayClosure } from "./builtins.js";
import type { ExpressionDiagnostic } from "./codes.js";
import type { DelayRange, DomainCode, DomainFindings, Offenders } from "./domain-findings.js";
import type { NameWording } from "./name-problems.js";

/*
 * The one seam between the root entry and retry-delay/runtime. Parsing and
 * checking decide everything both entries answer: whether a source is
 * valid, and each diagnostic's code, severity and span. An entry's wording
 * only gives those diagnostics their text: the root explains each with
 * hints, fixes and suggestions (root-wording.ts); the runtime, which leaves
 * those explanations out of its bundle, says in one line what is wrong and
 * that the root entry explains it (src/runtime/wording.ts).
 */

/** How an entry words the diagnostics that parsing and checking decide. */
export interface Wording {
  /** A problem with a name: unknown, not called, called with the wrong number of arguments, a strategy word. */
  readonly name: NameWording;
  /**
   * A name's diagnostic as `name` worded it, placed in its whole `source`:
   * the root offers a strategy word's expressions only where the word is
   * the whole source (strategy-context.ts); the runtime offers none.
   */
  readonly inSource: (source: string, diagnostic: ExpressionDiagnostic) => ExpressionDiagnostic;
  /** A warning or info of the domain and intent checks (never an error: those decide nothing but the text). */
  readonly finding: (finding: Finding) => ExpressionDiagnostic;
}

/** What every finding carries as decided by the checks; an entry's wording keeps these three. */
interface Decided {
  readonly severity: Severity;
  readonly span: Span;
  /** The checked tree. */
  readonly tree: Expression;
}

/** An unusable delay (NaN, infinite, negative, fractional) for some `retried`; `span` is `origin`'s. */
export interface DomainFinding extends Decided {
  readonly code: DomainCode;
  readonly delay: DelayClosure;
  readonly offenders: Offenders;
  /** Whether the check sampled, so that `offenders` may be incomplete. */
  readonly incomplete: boolean;
  /** The part to fix: the innermost node that first turns non-finite, or the whole tree. */
  readonly origin: Expression;
}

/** The check could not visit every value of `retried`. */
export interface SampledFinding extends Decided {
  readonly code: "domain-check-sampled";
  readonly retries: number;
  readonly findings: DomainFindings;
}

/** Every delay is positive and at most SHORT_DELAY_MS: seconds written where milliseconds belong. */
export interface ShortDelayFinding extends Decided {
  readonly code: "short-delay";
  readonly delay: DelayClosure;
  readonly retries: number;
  readonly range: DelayRange;
}

/** The delay depends on `retried`, yet is `value` over the whole checked range. */
export interface FlatDelayFinding extends Decided {
  readonly code: "flat-delay";
  readonly folded: Expression;
  readonly delay: DelayClosure;
  readonly retries: number;
  readonly value: number;
  readonly nodes: number;
}

/** A finding of the checks, as decided, for an entry's wording. */
export type Finding = DomainFinding | SampledFinding | ShortDelayFinding | FlatDelayFinding;
