import { isTerminal, readStandardInput, readTextFile, writerTo } from "./process-streams.js";
import { terminalWidth, useColor, type ColorMode } from "./terminal.js";
import { visibleLength } from "./wrap.js";

/** Where a command writes, and how. Tests pass their own. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly color: boolean;
  /** Reads all of standard input, for arguments given as `-`. */
  readonly readStdin: () => string;
  /** Whether standard input is a terminal (asked only when a command reads it: the answer can cost a module load). */
  readonly stdinIsTty: () => boolean;
  /** Now, in Unix ms. */
  readonly now: () => number;
  /** The width prose is wrapped to; absent or 0 means no wrapping. */
  readonly width?: number;
  /** Reads a file as UTF-8, for `--body @file`; absent means files cannot be read. */
  readonly readFile?: (path: string) => string;
  /** The time zone of the environment (`TZ`), when set. */
  readonly timeZone?: string;
}

/** The process's own streams (process-streams.ts), with colour and width decided by `useColor` and `terminalWidth`. */
export function processIo(color: ColorMode): Io {
  const onTerminal = isTerminal(1);
  // Only a terminal has columns; reading them elsewhere would build the stream for nothing.
  const stdout = { isTty: onTerminal, columns: onTerminal ? process.stdout.columns : undefined };
  const tz = process.env.TZ;
  const width = terminalWidth(process.env, stdout);
  const [toOut, toErr] = [writerTo(1), writerTo(2)];
  return {
    out: (text) => {
      toOut(`${text}\n`);
    },
    err: (text) => {
      toErr(`${text}\n`);
    },
    color: useColor(color, process.env, stdout),
    readStdin: readStandardInput,
    stdinIsTty: () => isTerminal(0),
    now: () => Date.now(),
    ...(width === undefined ? {} : { width }),
    readFile: readTextFile,
    ...(tz === undefined || tz === "" ? {} : { timeZone: tz }),
  };
}

/** ANSI styles that vanish when colour is off. */
export function styles(color: boolean) {
  // Nothing to colour, no escape codes: an empty styled string stays empty.
  const wrap = (code: string) => (text: string) => (color && text !== "" ? `\u001b[${code}m${text}\u001b[0m` : text);
  return {
    bold: wrap("1"),
    dim: wrap("2"),
    red: wrap("31"),
    green: wrap("32"),
    yellow: wrap("33"),
    cyan: wrap("36"),
  };
}

/** A right- or left-aligned text table; column widths fit the widest cell. */
export function table(rows: readonly (readonly string[])[], align: readonly ("left" | "right")[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleLength(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const pad = " ".repeat((widths[i] ?? 0) - visibleLength(cell));
        return align[i] === "right" ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd(),
  );
}

const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/** A horizontal bar `value / max` of `width` cells, in eighths of a cell; any non-zero value shows at least a sliver. */
export function bar(value: number, max: number, width: number): string {
  if (!(max > 0) || !(value > 0)) return "";
  const eighths = Math.max(1, Math.round((Math.min(value, max) / max) * width * 8));
  return "█".repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] ?? "");
}
