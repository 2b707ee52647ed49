import type { Result, Severity, Span } from "../diagnostics/diagnostic.js";
import type { Expression } from "./ast.js";
import type { DelayClosure } from "./builtins.js";
import type { ExpressionCode, ExpressionDiagnostic } from "./codes.js";
import type { DelayRange, DomainCode, DomainFindings, Offenders } from "./domain-findings.js";
import type { NameWording } from "./name-problems.js";

/*
 * The one seam between the root entry and retry-delay/runtime. Parsing and
 * the checks that decide errors are shared: whether a source is valid, and
 * each error's code, severity and span. What an entry adds is its wording
 * of name problems, and its check of a compiled delay's values, which
 * decides no error. The root explains each name problem with hints, fixes
 * and suggestions, and runs the domain and intent checks, whose warnings
 * it explains the same way (root-wording.ts); the runtime, which leaves
 * those out of its bundle, says in one line what is wrong with a name and
 * that the root entry explains it, and finds the range alone
 * (src/runtime/wording.ts, src/runtime/range.ts).
 */

/** How an entry words name problems, and how far it checks a compiled delay's values. */
export interface Wording {
  /** A problem with a name: unknown, not called, called with the wrong number of arguments, a strategy word. */
  readonly name: NameWording;
  /**
   * A name's diagnostic as `name` worded it, placed in its whole `source`:
   * the root offers a strategy word's expressions only where the word is
   * the whole source (strategy-context.ts); the runtime offers none.
   */
  readonly inSource: (source: string, diagnostic: ExpressionDiagnostic) => ExpressionDiagnostic;
  /** The check of a delay that passed every check that decides errors: its warnings and infos, and its range. */
  readonly checkDelay: DelayCheck;
  /**
   * `tryCompile`'s result for a compiled delay: the root's with its
   * warnings and infos, found at once (root-wording.ts); the runtime's,
   * which has none, with an empty list and no check run.
   */
  readonly compiled: CompiledResult;
}

/** A tree that passed every check that decides an error, its closure, and what the checks of its values read. */
export interface CompiledTree {
  /** The tree as parsed (spans and printing for the wording). */
  readonly tree: Expression;
  /** The same, constants folded: what the closure and the domain check's analysis read. */
  readonly folded: Expression;
  readonly delay: DelayClosure;
  /** The `retries` read from the options. */
  readonly retries: number;
  /** The tree's count of nodes. */
  readonly nodes: number;
}

/**
 * `tryCompile`'s result for `delay`, the compiled delay made of `checked`
 * (its closure, with its fields and prototype): with the warnings, or with
 * what finds them.
 */
export type CompiledResult = <Delay extends DelayClosure>(delay: Delay, checked: CompiledTree) => Result<Delay, ExpressionCode>;

/**
 * Checks the values of a compiled delay: `tree` as parsed, `folded` the
 * same folded, `delay` its closure, over `retried` in `0 … retries - 1`;
 * `nodes` is the tree's count of nodes. Never reports an error.
 */
export type DelayCheck = (tree: Expression, folded: Expression, delay: DelayClosure, retries: number, nodes: number) => DelayReport;

/** What a {@link DelayCheck} found: warnings and infos, and the range when some delay is finite. */
export interface DelayReport {
  readonly diagnostics: ExpressionDiagnostic[];
  readonly range: DelayRange | undefined;
}

/** How the root words a finding of the domain and intent checks. */
export type FindingWording = (finding: Finding) => ExpressionDiagnostic;

/** What every finding carries as decided by the checks; its wording keeps these three. */
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

/** A finding of the checks, as decided, for the root's wording. */
export type Finding = DomainFinding | SampledFinding | ShortDelayFinding | FlatDelayFinding;
