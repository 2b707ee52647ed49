import type { Io } from "./io.js";

/** Exit codes: 0 success, 1 invalid input, 2 usage error. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/**
 * One flag of a command: everything the parser, the help, the usage errors,
 * the shell completions and docs/cli.md know about it. No other list of
 * flags exists.
 */
export interface Flag {
  /** The long name, without `--`. */
  readonly name: string;
  /** One letter, without `-`. */
  readonly short?: string;
  /**
   * `boolean` takes no value; `value` takes the next argument (or `=value`);
   * `optional-value` takes `=value`, or the next argument only when it is one of `choices`.
   */
  readonly kind: "boolean" | "value" | "optional-value";
  /** May be given more than once; the values are kept in order. */
  readonly multiple?: boolean;
  /** How the value is shown in help: `N`, `D`, `E`… */
  readonly placeholder?: string;
  /** One sentence (or a few) for the help; wrapped to the terminal. */
  readonly help: string;
  /** The only values it takes, for completion and did-you-mean. */
  readonly choices?: readonly string[];
  /** What a shell should complete the value with, when not `choices`. */
  readonly completes?: "file" | "time-zone";
}

/** A command line that shows what a command does, with one sentence saying so. */
export interface Example {
  readonly args: readonly string[];
  readonly says: string;
}

/** What every command receives: its parsed flags and positionals, the streams, and where to record usage problems. */
export interface CommandContext {
  readonly values: Readonly<Record<string, string | boolean | readonly string[] | undefined>>;
  readonly positionals: readonly string[];
  readonly io: Io;
  readonly problems: UsageProblems;
}

export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The arguments after the command's name, e.g. `<expression|-> [options]`. */
  readonly synopsis: string;
  /** Paragraphs (separated by blank lines) for `help <command>`; wrapped to the terminal. */
  readonly description: string;
  readonly flags: readonly Flag[];
  readonly examples: readonly Example[];
  readonly run: (context: CommandContext) => number;
}

/** One mistake in how the command was called; `flag` names the flag whose help line explains it. */
export interface UsageProblem {
  readonly message: string;
  readonly flag?: string;
  /** A command's name whose summary line explains it (an unknown command's nearest). */
  readonly command?: string;
}

/** A mistake in how the command was called: thrown to stop at once; reported with every problem recorded before it. */
export class UsageError extends Error {
  readonly problem: UsageProblem;
  constructor(message: string, about: { readonly flag?: string; readonly command?: string } = {}) {
    super(message);
    this.problem = { message, ...about };
  }
}

/**
 * The usage problems of one run, collected so that every bad value is
 * reported at once rather than only the first; `settle` stops the command
 * before it prints anything built from a bad value.
 */
export class UsageProblems {
  readonly list: UsageProblem[] = [];

  add(message: string, flag?: string): void {
    this.list.push({ message, ...(flag === undefined ? {} : { flag }) });
  }

  /** Throws when any problem was recorded. */
  settle(): void {
    if (this.list.length > 0) throw new UsageStop();
  }
}

/** Thrown by `settle`: the problems are already recorded. */
export class UsageStop extends Error {}
