import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bin, cli } from "./run.js";

/*
 * How the output fits the terminal: prose wrapped to its width (or COLUMNS,
 * or --width), colour as NO_COLOR, FORCE_COLOR and --color decide, and a
 * quiet stop when the reader hangs up.
 */

const ESC = "\u001b[";
const start = "2026-11-23T08:00:00Z";

/** Runs the binary on a pseudo-terminal (util-linux `script`) of `cols` columns, as a person would. */
function onTerminal(args: readonly string[], env: Record<string, string | undefined> = {}, cols = 80): string {
  const quoted = [process.execPath, bin, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
  return spawnSync("/usr/bin/script", ["-qec", `stty cols ${cols} rows 50; ${quoted}`, "/dev/null"], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, COLUMNS: undefined, TZ: undefined, ...env },
  }).stdout.replace(/\r\n/g, "\n");
}

const visible = (line: string): number => Array.from(line.replace(/\u001b\[[0-9;]*m/g, "")).length;

/** Every line fits `width`, except one that is a single unbreakable word after its indent. */
function fits(text: string, width: number): boolean {
  return text.split("\n").every((line) => visible(line) <= width || !/\S +\S/.test(line.trim()));
}

describe("wrapping", () => {
  it("help wraps at 80 columns when stdout is not a terminal", () => {
    const help = cli(["help", "simulate"]).stdout;
    expect(fits(help, 80)).toBe(true);
    expect(help.split("\n").some((line) => line.length > 70)).toBe(true);
  });

  it("COLUMNS and --width set the width; --width wins; --width 0 never wraps", () => {
    const narrow = cli(["help", "simulate"], { env: { COLUMNS: "40" } }).stdout;
    expect(fits(narrow, 40)).toBe(true);
    expect(narrow.split("\n").length).toBeGreaterThan(cli(["help", "simulate"]).stdout.split("\n").length);
    expect(fits(cli(["help", "simulate", "--width", "50"], { env: { COLUMNS: "120" } }).stdout, 50)).toBe(true);
    const examples = cli(["help", "trigger", "--width", "60"]).stdout;
    // A long example is broken with shell continuations, a flag beside its value, so that it still runs when copied.
    expect(examples).toContain(
      "  retry-delay trigger \\\n      --url https://example.com/api/workflow \\\n      --flow-control-key user-42 \\\n",
    );
    const unwrapped = cli(["help", "simulate", "--width", "0"]).stdout;
    expect(unwrapped).toMatch(/^Simulates the delivery timeline: .{200,}$/m);
  });

  it("flag help keeps its column when wrapped, or goes under the flag on a narrow terminal", () => {
    const medium = cli(["help", "simulate", "--width", "60"]).stdout;
    expect(medium).toContain("  -r, --retries N     retries after the first delivery\n                      (default 3, at most 1000)");
    const narrow = cli(["help", "simulate", "--width", "30"]).stdout;
    expect(narrow).toContain("  -r, --retries N\n      retries after the first\n      delivery (default 3, at\n      most 1000)");
    expect(narrow).toContain("      --default\n      use Upstash's default\n");
  });

  it("a command's results are not wrapped when piped, and wrapped at the width asked for", () => {
    const args = ["simulate", "pow(2, retried) * 1000", "--retries", "5", "--start", start];
    const summary = (text: string) => text.slice(text.indexOf("total span"));
    expect(summary(cli(args).stdout).trimEnd().split("\n")).toHaveLength(1);
    const wrapped = summary(cli([...args, "--width", "40"]).stdout).trimEnd();
    expect(wrapped.split("\n").length).toBeGreaterThan(1);
    expect(fits(wrapped, 40)).toBe(true);
    // Tables are never wrapped: a broken row means nothing.
    expect(cli([...args, "--width", "40"]).stdout).toContain(
      "      6        4    16s            31s  2026-11-23 08:00:31 UTC  ████████████████████████",
    );
  });

  it.runIf(existsSync("/usr/bin/script"))("on a terminal, prose fits process.stdout.columns", () => {
    const help = onTerminal(["help", "trigger"], {}, 50);
    expect(help).toContain("Usage: retry-delay trigger");
    expect(fits(help, 50)).toBe(true);
    expect(help.split("\n").some((line) => visible(line) > 40)).toBe(true);
  });
});

describe("colour", () => {
  const colouredOnPipe = (args: readonly string[], env: Record<string, string | undefined> = {}) =>
    cli(["check", "Pow(1, 2)", ...args], { env }).stderr.includes(ESC);

  it("none when piped, unless FORCE_COLOR or --color=always asks", () => {
    expect(colouredOnPipe([])).toBe(false);
    expect(colouredOnPipe([], { FORCE_COLOR: "1" })).toBe(true);
    expect(colouredOnPipe([], { FORCE_COLOR: "0" })).toBe(false);
    expect(colouredOnPipe([], { FORCE_COLOR: "false" })).toBe(false);
    expect(colouredOnPipe(["--color=always"])).toBe(true);
    expect(colouredOnPipe(["--color", "always"])).toBe(true);
    expect(colouredOnPipe(["--color"])).toBe(true);
    expect(colouredOnPipe(["--color=auto"])).toBe(false);
  });

  it("FORCE_COLOR overrides NO_COLOR; --color overrides both", () => {
    expect(colouredOnPipe([], { NO_COLOR: "1", FORCE_COLOR: "1" })).toBe(true);
    expect(colouredOnPipe(["--color=always"], { NO_COLOR: "1" })).toBe(true);
    expect(colouredOnPipe(["--color=never"], { FORCE_COLOR: "1" })).toBe(false);
    expect(colouredOnPipe(["--no-color"], { FORCE_COLOR: "1" })).toBe(false);
  });

  it("--color before the command works too, and help and usage errors follow it", () => {
    expect(cli(["--color=always", "check", "Pow(1, 2)"]).stderr).toContain(`${ESC}31merror[unknown-function]`);
    expect(cli(["help", "check", "--color=always"]).stdout).toContain(`${ESC}1mUsage: retry-delay check`);
    expect(cli(["chekc", "--color=always"]).stderr).toContain(`${ESC}31mretry-delay:${ESC}0m unknown command`);
  });

  it.runIf(existsSync("/usr/bin/script"))("on a terminal: colour unless NO_COLOR, FORCE_COLOR=0, --color=never or --no-color", () => {
    const coloured = (args: readonly string[], env: Record<string, string | undefined> = {}) =>
      onTerminal(["check", "Pow(1, 2)", ...args], env).includes(`${ESC}31merror[unknown-function]`);
    expect(coloured([])).toBe(true);
    expect(coloured([], { NO_COLOR: "1" })).toBe(false);
    expect(coloured([], { NO_COLOR: "" })).toBe(true);
    expect(coloured([], { FORCE_COLOR: "0" })).toBe(false);
    expect(coloured(["--color=never"])).toBe(false);
    expect(coloured(["--no-color"])).toBe(false);
    expect(coloured(["--color=always"], { NO_COLOR: "1" })).toBe(true);
  });
});

describe("a reader that hangs up (`| head -1`)", () => {
  it.each([
    ["simulate", "--default", "--retries", "1000"],
    ["simulate", "--default", "--retries", "1000", "--json"],
    ["help", "--json"],
    ["completion", "bash"],
  ])("%s … | head -1 stops quietly, exit 0", (...args) => {
    const quoted = [process.execPath, bin, ...args].map((a) => `'${a}'`).join(" ");
    const result = spawnSync("bash", ["-c", `set -o pipefail; ${quoted} | head -1; echo "status \${PIPESTATUS[0]}" >&2`], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined },
    });
    expect(result.stdout.split("\n")).toHaveLength(2);
    expect(result.stderr).toBe("status 0\n");
  });
});
