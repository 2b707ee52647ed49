import { closestName } from "../../diagnostics/suggest.js";
import { EXIT, UsageError, type Command, type CommandContext, type Flag } from "../command.js";
import { commandHelp, GLOBAL_FLAGS, mainHelp, shellLine, type HelpStyle } from "../help.js";
import { DEFAULT_WIDTH } from "../terminal.js";
import { printJson } from "./shared.js";

/** `retry-delay help [command]`: the same help as `--help`, and with --json the command table itself. */
export function helpCommand(table: () => readonly Command[]): Command {
  return {
    name: "help",
    summary: "show the help of a command, with examples (or, with --json, every command and flag)",
    synopsis: "[command] [--json]",
    description: [
      "Prints the help of one command: what it does, its options and examples. Without a command, prints the list of commands.",
      "",
      "With --json, prints the command table the CLI runs from: every command with its flags (name, short form, value, help, choices) and examples; its JSON Schema is docs/schema/cli-help.schema.json.",
    ].join("\n"),
    flags: [],
    examples: [
      { args: ["help", "simulate"], says: "The options and examples of simulate" },
      { args: ["help", "--json"], says: "Every command and flag, for tools" },
    ],
    run: (context) => runHelp(context, table()),
  };
}

function runHelp(context: CommandContext, commands: readonly Command[]): number {
  const { positionals, io } = context;
  context.problems.settle();
  if (positionals.length > 1) throw new UsageError(`help takes one command, got ${positionals.length}: ${positionals.join(" ")}`);
  const name = positionals[0];
  const command = name === undefined ? undefined : commands.find((c) => c.name === name);
  if (name !== undefined && command === undefined) {
    const near = closestName(
      name,
      commands.map((c) => c.name),
    );
    throw new UsageError(
      `unknown command '${name}'${near === undefined ? "" : `; did you mean '${near}'?`}`,
      near === undefined ? {} : { command: near },
    );
  }
  if (context.values.json === true) {
    printJson(context, {
      command: "help",
      commands: (command === undefined ? commands : [command]).map(commandJson),
      globalFlags: GLOBAL_FLAGS.map(flagJson),
    });
    return EXIT.ok;
  }
  const style: HelpStyle = { width: io.width ?? DEFAULT_WIDTH, color: io.color };
  io.out(command === undefined ? mainHelp(commands, style) : commandHelp(command, style));
  return EXIT.ok;
}

function commandJson(command: Command): Record<string, unknown> {
  return {
    name: command.name,
    summary: command.summary,
    synopsis: command.synopsis,
    description: command.description,
    flags: command.flags.map(flagJson),
    examples: command.examples.map((e) => ({ args: e.args, line: shellLine(e.args), says: e.says })),
  };
}

function flagJson(flag: Flag): Record<string, unknown> {
  return {
    name: flag.name,
    short: flag.short ?? null,
    kind: flag.kind,
    multiple: flag.multiple === true,
    placeholder: flag.placeholder ?? null,
    help: flag.help,
    choices: flag.choices ?? null,
  };
}
