/*
 * What the terminal allows: colour and width. Decided once per run from the
 * flags, the environment and whether stdout is a terminal.
 */

export const COLOR_MODES = ["auto", "always", "never"] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

/** The width help and usage errors are wrapped to when stdout is not a terminal and COLUMNS is not set. */
export const DEFAULT_WIDTH = 80;
export const WIDTH_BOUNDS = { min: 20, max: 1000 } as const;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Whether to colour, in order of precedence:
 *
 * 1. `--color=always|never` (`--color` alone is `always`, `--no-color` is `never`);
 * 2. `FORCE_COLOR`: `0` or `false` turns colour off, any other value on (as Node and chalk read it);
 * 3. `NO_COLOR` set and not empty turns colour off (https://no-color.org);
 * 4. colour when stdout is a terminal.
 *
 * @example
 * ```ts
 * useColor("auto", { FORCE_COLOR: "1" }, { isTty: false }); // true
 * ```
 */
export function useColor(mode: ColorMode, env: Env, stdout: { readonly isTty: boolean }): boolean {
  if (mode !== "auto") return mode === "always";
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return stdout.isTty;
}

/**
 * The width to wrap prose to: the terminal's when stdout is one, else
 * `COLUMNS` when it is a whole number, else undefined: a command's results
 * piped to another program are not wrapped, while help and usage errors,
 * which are for people, wrap at 80. (`--width` overrides all of these; it is
 * read with the other flags.)
 *
 * @example
 * ```ts
 * terminalWidth({ COLUMNS: "60" }, { isTty: false }); // 60
 * ```
 */
export function terminalWidth(env: Env, stdout: { readonly isTty: boolean; readonly columns?: number | undefined }): number | undefined {
  if (stdout.isTty && stdout.columns !== undefined && stdout.columns > 0) return clampWidth(stdout.columns);
  const columns = env.COLUMNS;
  if (columns !== undefined && /^\d+$/.test(columns) && Number(columns) > 0) return clampWidth(Number(columns));
  return undefined;
}

function clampWidth(width: number): number {
  return Math.min(WIDTH_BOUNDS.max, Math.max(WIDTH_BOUNDS.min, width));
}
