import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { flagName } from "../../src/cli/commands/request-flags.js";
import { COMMANDS } from "../../src/cli/table.js";
import { rowsFor } from "../../src/request/table.js";
import { cli, runInProcess } from "./run.js";

/*
 * Help from the one command table: `help <command>` and `<command> --help`
 * print the same, every command has examples, every example runs, and
 * every flag the help shows is one the parser takes.
 */

interface FlagEntry {
  readonly name: string;
  readonly short: string | null;
  readonly kind: string;
  readonly choices: readonly string[] | null;
}
interface CommandEntry {
  readonly name: string;
  readonly flags: readonly FlagEntry[];
  readonly examples: readonly { readonly args: readonly string[]; readonly line: string; readonly says: string }[];
}

const table = JSON.parse(cli(["help", "--json"]).stdout) as { commands: CommandEntry[]; globalFlags: FlagEntry[] };

describe("help", () => {
  it("lists every command of the table, each with its summary", () => {
    const help = cli(["--help"]).stdout;
    // help --json is the command table itself, in its order.
    expect(table.commands.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
    for (const command of table.commands) expect(help).toMatch(new RegExp(`^ {2}${command.name} +\\S`, "m"));
    expect(cli(["help"]).stdout).toBe(help);
    expect(cli([]).code).toBe(2);
  });

  it.each(table.commands.map((c) => c.name))("help %s prints what --help does, with options and examples", (name) => {
    const wide = { env: { COLUMNS: "1000" } };
    const viaHelp = cli(["help", name], wide);
    const viaFlag = cli([name, "--help"], wide);
    expect(viaHelp.code).toBe(0);
    expect(viaFlag).toEqual(viaHelp);
    expect(viaHelp.stdout).toMatch(new RegExp(`^Usage: retry-delay ${name} `));
    expect(viaHelp.stdout).toContain("\nExamples:\n");
    const command = table.commands.find((c) => c.name === name);
    for (const example of command?.examples ?? []) {
      expect(example.args[0]).toBe(name);
      expect(viaHelp.stdout).toContain(`  # ${example.says}\n  ${example.line}`);
    }
    // Every flag of the table is in the help, and the help shows no flag the table lacks.
    const shown = new Set([...viaHelp.stdout.matchAll(/^ {2}(?:-\w, )? *--([a-z-]+)/gm)].map((m) => m[1]));
    expect(shown).toEqual(new Set([...(command?.flags ?? []), ...table.globalFlags].map((f) => f.name)));
  });

  it("every command has at least one example, and every example runs without a usage error", () => {
    const dir = mkdtempSync(join(tmpdir(), "retry-delay-examples-"));
    writeFileSync(join(dir, "order.json"), '{"orderId":42}');
    for (const command of table.commands) {
      expect(command.examples.length, command.name).toBeGreaterThan(0);
      for (const { args } of command.examples) {
        const result = cli(args, { cwd: dir, input: "1000 * (1 + retried)\n" });
        expect(result.code === 0 || result.code === 1, `${args.join(" ")}: ${result.stderr}`).toBe(true);
        expect(result.stderr).not.toContain("internal error");
      }
    }
  });

  it("every flag the table lists is one the parser takes (in-process: a run per flag)", () => {
    for (const command of table.commands) {
      for (const flag of [...command.flags, ...table.globalFlags]) {
        const written = flag.kind === "value" ? [`--${flag.name}=x`] : [`--${flag.name}`];
        expect(runInProcess([command.name, ...written]), `${command.name} --${flag.name}`).not.toContain("unknown option");
      }
    }
    expect(runInProcess(["check", "--nope"])).toContain("unknown option '--nope'");
  });

  it("the request commands take one flag per option-table row, with the row's doc", () => {
    const trigger = table.commands.find((c) => c.name === "trigger");
    // Every trigger row that sends something, under its flag name (flowControl is split into its key and its value).
    const sends = rowsFor("trigger").filter((row) => row.kind === "header" || row.place !== "none");
    const expected = [...sends.map((row) => (row.option === "headers" ? "header" : flagName(row.option))), "flow-control-key"];
    expect(trigger?.flags.map((f) => f.name)).toEqual(expect.arrayContaining(expected));
    expect(expected).toEqual(expect.arrayContaining(["url", "body", "header", "retry-delay", "flow-control", "failure-url"]));
    expect(cli(["help", "trigger"], { env: { COLUMNS: "1000" } }).stdout).toContain(
      "Delay before the first delivery: a duration, or a number of seconds (sent as toFixed(0) + s). A bare number is seconds, as the SDK sends it: 1000 is 16m40s.",
    );
  });
});
