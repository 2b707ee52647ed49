import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Io } from "../../src/cli/io.js";
import { run } from "../../src/cli/main.js";

/*
 * The built binary as a user runs it, in a child process, with an
 * environment that decides nothing on its own: no colour variables, no
 * COLUMNS, no TZ, unless a test sets them. And, for tests that need only the
 * text many times over, the source's run() in-process (runInProcess).
 */

export const root = fileURLToPath(new URL("../..", import.meta.url));
export const bin = `${root}/dist/cli.js`;

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function cli(
  args: readonly string[],
  options: { input?: string; env?: Record<string, string | undefined>; cwd?: string } = {},
): CliRun {
  if (!existsSync(bin)) throw new Error("dist/cli.js is missing: run `npm run build` (npm test does)");
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    input: options.input ?? "",
    cwd: options.cwd ?? root,
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, COLUMNS: undefined, TZ: undefined, ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `--json` output, parsed. */
export function cliJson(args: readonly string[], options: { input?: string; env?: Record<string, string | undefined> } = {}) {
  const result = cli([...args, "--json"], options);
  return { code: result.code, doc: JSON.parse(result.stdout) as unknown, stderr: result.stderr };
}

/**
 * What run() writes, stdout and stderr together, for a command line run
 * in-process (no child, no build) on a terminal with no input, and its exit
 * code: for tests that need only the text, many times over. `now` is the
 * clock the command reads (0 unless a test's output shows a date).
 */
export function runInProcessWithCode(argv: readonly string[], { now = 0 }: { readonly now?: number } = {}): { code: number; text: string } {
  const lines: string[] = [];
  const io: Io = {
    out: (t) => lines.push(t),
    err: (t) => lines.push(t),
    color: false,
    readStdin: () => "",
    stdinIsTty: () => true,
    now: () => now,
  };
  const code = run(argv, io);
  return { code, text: lines.join("\n") };
}

/** {@link runInProcessWithCode}'s text alone. */
export function runInProcess(argv: readonly string[], options: { readonly now?: number } = {}): string {
  return runInProcessWithCode(argv, options).text;
}
