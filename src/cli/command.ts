import type { ParseArgsConfig } from "node:util";
import type { Io } from "./io.js";

/** Exit codes: 0 success, 1 invalid input, 2 usage error. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** A mistake in how the command was called: one line, the usage, exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command: string | undefined,
  ) {
    super(message);
  }
}

/** What every command receives: its parsed flags and positionals, and the streams. */
export interface CommandContext {
  readonly values: Record<string, string | boolean | string[] | undefined>;
  readonly positionals: string[];
  readonly io: Io;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly help: string;
  readonly options: NonNullable<ParseArgsConfig["options"]>;
  readonly run: (context: CommandContext) => number;
}
