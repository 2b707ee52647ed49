import { EmbeddedActionsParser, type IToken, type TokenType } from "chevrotain";

/*
 * chevrotain's parser engine, with three of its internal methods replaced
 * for the way this grammar uses it (embedded actions, no CST, no error
 * recovery). Each replacement does what the original does in that
 * configuration, with less work:
 *
 * - A syntax error is an exception that unwinds every rule on the stack.
 *   chevrotain catches and rethrows it at each rule twice (in
 *   `subruleInternal`, for a partial CST, and in the rule's own wrapper, for
 *   error recovery) and once more in `consumeInternal` (for in-rule
 *   recovery). With neither a CST nor recovery, every one of those catches
 *   only rethrows, and in V8 each throw costs about as much as a whole parse
 *   of a short expression. Here a nested rule runs under `try`/`finally`
 *   alone, keeping the rule-stack bookkeeping the error's context is built
 *   from; the outermost rule keeps chevrotain's own wrapper, which turns the
 *   exception into `errors`.
 * - `disableRecording`, at the end of the grammar's self-analysis, deletes
 *   some ninety recording-phase methods from the parser object, which V8
 *   makes slow on an object used as a prototype (chevrotain makes it one for
 *   fast property access): ~4 ms of the first invalid expression. Here the
 *   prototype's methods are put back in their place instead.
 *
 * These names are chevrotain 11's (package.json pins ~11.2.0), none in its
 * public types; test/expression/chevrotain-engine.test.ts fails if one goes
 * missing, and the diagnostics tests hold the parser's answers.
 */

/** The parts of chevrotain's engine used here. */
interface Engine {
  subruleIdx: number;
  RECORDING_PHASE: boolean;
  readonly fullRuleNameToShort: Readonly<Record<string, number>>;
  ruleInvocationStateUpdate(shortName: number, fullName: string, idxInCallingRule: number): void;
  ruleFinallyStateUpdate(): void;
  LA_FAST(howMuch: number): IToken;
  tokenMatcher(token: IToken, type: TokenType): boolean;
  consumeToken(): void;
  consumeInternalError(type: TokenType, next: IToken, options: unknown): never;
  enableRecording(): void;
  SAVE_ERROR(error: Error): Error;
}

/** A rule as `RULE` returns it: the grammar's own function is kept on it. */
interface DefinedRule {
  readonly ruleName: string;
  readonly originalGrammarAction: (this: unknown, ...args: unknown[]) => unknown;
}

/** The methods chevrotain's engine must have for the replacements below to stand in for them. */
export const REPLACED_ENGINE_METHODS = ["subruleInternal", "consumeInternal", "enableRecording", "disableRecording"] as const;
/** The engine's methods and state the replacements call or read. */
export const USED_ENGINE_METHODS = [
  "ruleInvocationStateUpdate",
  "ruleFinallyStateUpdate",
  "LA_FAST",
  "consumeToken",
  "consumeInternalError",
  "SAVE_ERROR",
] as const;

const engineOf = (parser: EmbeddedActionsParser): Engine => parser as unknown as Engine;
const ENGINE = engineOf(EmbeddedActionsParser.prototype);

/** chevrotain's `EmbeddedActionsParser`, with lighter error unwinding and set-up (see above). */
export class LeanEmbeddedActionsParser extends EmbeddedActionsParser {
  /** The own properties the recording phase added, to be restored from the prototype when it ends. */
  private recordingMethods: string[] = [];

  /** Records the error with its rule stack, as chevrotain's raise methods do. */
  protected saveError(error: Error): Error {
    return engineOf(this).SAVE_ERROR(error);
  }

  /** A nested rule: chevrotain's rule wrapper without its catch, which can only rethrow here. */
  subruleInternal(rule: DefinedRule, idx: number, options: { readonly ARGS?: unknown[] } | undefined): unknown {
    const engine = engineOf(this);
    engine.subruleIdx = idx;
    engine.ruleInvocationStateUpdate(engine.fullRuleNameToShort[rule.ruleName] ?? -1, rule.ruleName, idx);
    try {
      return rule.originalGrammarAction.apply(this, options?.ARGS ?? []);
    } finally {
      engine.ruleFinallyStateUpdate();
    }
  }

  /** CONSUME without the catch that can only rethrow when error recovery is off. */
  consumeInternal(type: TokenType, _idx: number, options: unknown): IToken {
    const engine = engineOf(this);
    const next = engine.LA_FAST(1);
    if (!engine.tokenMatcher(next, type)) engine.consumeInternalError(type, next, options);
    engine.consumeToken();
    return next;
  }

  enableRecording(): void {
    const before = new Set(Object.keys(this));
    ENGINE.enableRecording.call(this);
    this.recordingMethods = Object.keys(this).filter((key) => !before.has(key));
  }

  disableRecording(): void {
    engineOf(this).RECORDING_PHASE = false;
    const prototype = Object.getPrototypeOf(this) as Record<string, unknown>;
    const self = this as unknown as Record<string, unknown>;
    for (const key of this.recordingMethods) self[key] = prototype[key];
    this.recordingMethods = [];
  }
}
