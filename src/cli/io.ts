import { readFileSync } from "node:fs";

/** Where a command writes, and whether it may colour. Tests pass their own. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly color: boolean;
  /** Reads all of standard input, for arguments given as `-`. */
  readonly readStdin: () => string;
  readonly stdinIsTty: boolean;
  /** Now, in Unix ms. */
  readonly now: () => number;
}

/** The process's own streams: colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function processIo(): Io {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "";
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    color: process.stdout.isTTY && !noColor,
    readStdin: () => readFileSync(0, "utf8"),
    stdinIsTty: process.stdin.isTTY,
    now: () => Date.now(),
  };
}

/** ANSI styles that vanish when colour is off. */
export function styles(color: boolean) {
  const wrap = (code: string) => (text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
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

function visibleLength(text: string): number {
  return Array.from(text.replace(/\u001b\[[0-9;]*m/g, "")).length;
}

const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/** A horizontal bar `value / max` of `width` cells, in eighths of a cell; any non-zero value shows at least a sliver. */
export function bar(value: number, max: number, width: number): string {
  if (!(max > 0) || !(value > 0)) return "";
  const eighths = Math.max(1, Math.round((Math.min(value, max) / max) * width * 8));
  return "█".repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] ?? "");
}

/** Unix ms as `2026-11-23 08:00:31 UTC`, with milliseconds only when there are some. */
export function formatTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  const [date, time = ""] = iso.split("T");
  const clock = time.replace("Z", "").replace(/\.000$/, "");
  return `${date} ${clock} UTC`;
}
