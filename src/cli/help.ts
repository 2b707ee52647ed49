import type { Command, Example, Flag, UsageProblem } from "./command.js";
import { styles } from "./io.js";
import { COLOR_MODES } from "./terminal.js";
import { columns, commandLines, visibleLength, wrap } from "./wrap.js";

/*
 * Every piece of help the CLI prints (the command list, a command's help,
 * the help line under a usage error) is drawn here from the command table.
 */

/** Flags every command takes. */
export const GLOBAL_FLAGS: readonly Flag[] = [
  { name: "json", kind: "boolean", help: "machine-readable output; its JSON Schema is docs/schema/cli-<command>.schema.json" },
  { name: "help", short: "h", kind: "boolean", help: "this help, with examples" },
  {
    name: "color",
    kind: "optional-value",
    placeholder: "WHEN",
    choices: COLOR_MODES,
    help: "auto (the default: colour on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), always, or never; --color alone means always",
  },
  { name: "no-color", kind: "boolean", help: "the same as --color=never" },
  {
    name: "width",
    kind: "value",
    placeholder: "N",
    help: "wrap prose at N columns, 0 for never (default: the terminal's width, else $COLUMNS, else 80)",
  },
];

/** Flags read before a command's name only. */
export const TOP_FLAGS: readonly Flag[] = [...GLOBAL_FLAGS, { name: "version", short: "v", kind: "boolean", help: "the version" }];

export const PROGRAM = "retry-delay";
export const MAIN_SYNOPSIS = "<command> [arguments] [options]";

/** How help is drawn: the width to wrap to and whether to colour. */
export interface HelpStyle {
  readonly width: number;
  readonly color: boolean;
}

/** `-r, --retries N` as the left column of help shows it. */
export function flagSignature(flag: Flag): string {
  const value =
    flag.kind === "boolean" ? "" : flag.kind === "optional-value" ? `[=${flag.placeholder ?? "V"}]` : ` ${flag.placeholder ?? "V"}`;
  return `${flag.short === undefined ? "    " : `-${flag.short}, `}--${flag.name}${value}`;
}

const FLAG_COLUMN_MAX = 28;

function flagColumnWidth(flags: readonly Flag[]): number {
  return Math.min(FLAG_COLUMN_MAX, 2 + Math.max(...flags.map((f) => flagSignature(f).length)));
}

/** One flag's help line (wrapped), as under a usage error or in the options list. */
export function flagLine(flag: Flag, style: HelpStyle, columnWidth = flagColumnWidth([flag])): string {
  const more = flag.multiple === true ? " Repeatable." : "";
  return columns(`  ${flagSignature(flag)}`, flag.help + more, columnWidth, style.width);
}

export function usageLine(command: Command | undefined): string {
  return `Usage: ${PROGRAM} ${command === undefined ? MAIN_SYNOPSIS : `${command.name} ${command.synopsis}`}`;
}

/** A command's words as a reader would type them: words with spaces or quotes single-quoted. */
function shellWords(args: readonly string[]): string[] {
  return [PROGRAM, ...args].map((a) => (/^[\w./:=@%,+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`));
}

/** A command line as a reader would type it. */
export function shellLine(args: readonly string[]): string {
  return shellWords(args).join(" ");
}

function exampleLines(examples: readonly Example[], style: HelpStyle): string[] {
  const s = styles(style.color);
  return examples.flatMap((e) => [wrap(`  ${s.dim(`# ${e.says}`)}`, style.width, 2), commandLines(shellWords(e.args), style.width, "  ")]);
}

/** `retry-delay help <command>` and `<command> --help`. */
export function commandHelp(command: Command, style: HelpStyle): string {
  const s = styles(style.color);
  const width = flagColumnWidth([...command.flags, ...GLOBAL_FLAGS]);
  return [
    s.bold(wrap(usageLine(command), style.width, 4)),
    "",
    wrap(command.description, style.width),
    "",
    ...(command.flags.length === 0 ? [] : [s.bold("Options:"), ...command.flags.map((f) => flagLine(f, style, width)), ""]),
    s.bold("Global options:"),
    ...GLOBAL_FLAGS.map((f) => flagLine(f, style, width)),
    "",
    s.bold("Examples:"),
    ...exampleLines(command.examples, style),
  ].join("\n");
}

/** `retry-delay --help`: the command list, the global options, and an example for each command. */
export function mainHelp(commands: readonly Command[], style: HelpStyle): string {
  const s = styles(style.color);
  const nameWidth = 2 + Math.max(...commands.map((c) => c.name.length));
  const flagWidth = flagColumnWidth(TOP_FLAGS);
  return [
    wrap(`${PROGRAM} — check and simulate Upstash Workflow / QStash retry delays, durations, flow control and requests`, style.width),
    "",
    s.bold(usageLine(undefined)),
    "",
    s.bold("Commands:"),
    ...commands.map((c) => commandLine(c, nameWidth, style)),
    "",
    s.bold("Options:"),
    ...TOP_FLAGS.map((f) => flagLine(f, style, flagWidth)),
    "",
    wrap(
      "Exit codes: 0 success, 1 invalid input, 2 usage error. A value given as - is read from stdin. " +
        `Run '${PROGRAM} help <command>' (or '${PROGRAM} <command> --help') for a command's options and examples.`,
      style.width,
    ),
    "",
    s.bold("Examples:"),
    ...exampleLines(
      commands.flatMap((c) => c.examples.slice(0, 1)),
      style,
    ),
  ].join("\n");
}

/** A command's line in the command list. */
export function commandLine(command: Command, nameWidth: number, style: HelpStyle): string {
  return columns(`  ${command.name}`, command.summary, nameWidth, style.width);
}

/**
 * The report of a run's usage problems: each problem on its own line, the
 * help line of the flag (or command) it concerns under it, then the usage
 * and where to find more. Exit code 2 goes with it.
 */
export function usageReport(
  problems: readonly UsageProblem[],
  command: Command | undefined,
  commands: readonly Command[],
  style: HelpStyle,
): string {
  const s = styles(style.color);
  const flags = [...(command?.flags ?? []), ...(command === undefined ? TOP_FLAGS : GLOBAL_FLAGS)];
  const shown = new Set<string>();
  const lines: string[] = [];
  for (const problem of problems) {
    lines.push(wrap(`${s.red(`${PROGRAM}:`)} ${problem.message}`, style.width, 2));
    const flag = problem.flag === undefined ? undefined : flags.find((f) => f.name === problem.flag);
    if (flag !== undefined && !shown.has(`--${flag.name}`)) {
      shown.add(`--${flag.name}`);
      lines.push(s.dim(flagLine(flag, style)));
    }
    const named = problem.command === undefined ? undefined : commands.find((c) => c.name === problem.command);
    if (named !== undefined && !shown.has(named.name)) {
      shown.add(named.name);
      lines.push(s.dim(commandLine(named, visibleLength(named.name) + 4, style)));
    }
  }
  const more =
    command === undefined
      ? `Run '${PROGRAM} help' for the commands.`
      : `Run '${PROGRAM} help ${command.name}' for its options and examples.`;
  return [...lines, wrap(usageLine(command), style.width, 4), more].join("\n");
}
