import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Flag } from "../../src/cli/command.js";
import { TOP_FLAGS } from "../../src/cli/help.js";
import type { Io } from "../../src/cli/io.js";
import { run } from "../../src/cli/main.js";
import { COMMANDS } from "../../src/cli/table.js";

/*
 * Any command line gets exit 0, 1 or 2 and text, never the "internal error"
 * path (exit 70) that catches what should be unreachable. In-process, through
 * run() with a recording Io, so thousands of command lines cost a second; the
 * process-level behaviour (streams, exit codes, EPIPE) is in cli.test.ts.
 */

// Every flag and command of the command table (a new one is fuzzed with no edit here), and near misses of them.
const FLAGS: readonly Flag[] = [...COMMANDS.flatMap((c) => c.flags), ...TOP_FLAGS];
const written = (f: Flag): string[] => [`--${f.name}`, ...(f.short === undefined ? [] : [`-${f.short}`])];
const flag = fc.constantFrom(...FLAGS.filter((f) => f.kind === "value").flatMap(written), "--retires", "-retries");
const lone = fc.constantFrom(
  ...FLAGS.filter((f) => f.kind !== "value").flatMap(written),
  "help",
  "--go",
  "-",
  "--",
  "--bogus",
  "--color=always",
  "--width=0",
  "-r5",
  "--body=@@x",
  "--body=@",
);
const value = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "pow(2, retried) * 1000",
      "-1000 + retried",
      "Pow(",
      "1d10h30m",
      "1.5h",
      "rate=10, period=1m",
      "https://example.com/wf",
      "X-A: b",
      "no-colon",
      "free",
      "gold",
      "2026-11-23T08:00:00Z",
      "0",
      "-1",
      "1e400",
      "NaN",
      "__proto__",
      "constructor",
      "Europe/Berlin",
      "Europe/Berln",
      "@no-such-file",
      "@@literal",
      "1000",
      // Every value a flag of the table offers.
      ...FLAGS.flatMap((f) => f.choices ?? []),
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);
// Values, flags with a value, and lone flags, in any order and number.
const rest = fc
  .array(
    fc.oneof(
      value.map((v) => [v]),
      fc.tuple(flag, value),
      lone.map((l) => [l]),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.flat());
// Mostly a real command first, so the runs reach each command's own checks.
const commandLine = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(fc.constantFrom(...COMMANDS.map((c) => c.name), "chekc"), rest).map(([command, args]) => [command, ...args]),
  },
  { weight: 1, arbitrary: fc.array(fc.oneof(flag, lone, value), { maxLength: 8 }) },
);

function recordingIo(stdin: string): Io & { readonly text: () => string } {
  const lines: string[] = [];
  return {
    out: (text) => lines.push(text),
    err: (text) => lines.push(text),
    color: false,
    readStdin: () => stdin,
    stdinIsTty: () => false,
    now: () => Date.UTC(2026, 10, 23, 8),
    width: 60,
    readFile: (path) => {
      throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: "ENOENT" });
    },
    timeZone: "Europe/Berlin",
    text: () => lines.join("\n"),
  };
}

describe("the CLI on any command line", () => {
  it("exits 0, 1 or 2 with a message, never through the internal-error path", () => {
    fc.assert(
      fc.property(commandLine, fc.string({ maxLength: 40 }), (argv, stdin) => {
        const io = recordingIo(stdin);
        const code = run(argv, io);
        expect([0, 1, 2], `${JSON.stringify(argv)} → ${code}: ${io.text()}`).toContain(code);
        expect(io.text()).not.toContain("internal error");
        expect(io.text().length).toBeGreaterThan(0);
      }),
      { numRuns: process.env.CI === undefined ? 1000 : 4000 },
    );
  });
});
