import { RetryDelayError } from "../diagnostics/diagnostic.js";
import { closestName } from "../diagnostics/suggest.js";
import { parseArgs, type ParsedArgs } from "./args.js";
import { EXIT, UsageError, UsageProblems, UsageStop, type Command, type CommandContext, type UsageProblem } from "./command.js";
import { GLOBAL_FLAGS, mainHelp, commandHelp, TOP_FLAGS, usageReport, type HelpStyle } from "./help.js";
import { processIo, type Io } from "./io.js";
import { COMMANDS, flagOwners } from "./table.js";
import type { ColorMode } from "./terminal.js";
import { DEFAULT_WIDTH, WIDTH_BOUNDS } from "./terminal.js";

/** Runs the CLI on `argv` (without `node` and the script) and returns the exit code. Never throws. */
export function run(argv: readonly string[], io?: Io): number {
  const { before, name, after } = splitCommand(argv);
  const command = name === undefined ? undefined : COMMANDS.find((c) => c.name === name);
  const flags = command === undefined ? TOP_FLAGS : [...command.flags, ...GLOBAL_FLAGS];
  const parsed = parseArgs(command === undefined ? before : [...before, ...after], flags, flagOwners);
  const problems = new UsageProblems();
  problems.list.push(...parsed.problems);
  // After an unknown command, its flags are unknown too: only --color and --width are read from them, for the report.
  const settings = readSettings(
    command === undefined && name !== undefined ? parseArgs([...before, ...after], TOP_FLAGS) : parsed,
    problems,
  );
  const base = io ?? processIo(settings.color ?? "auto");
  const ioOf: Io = {
    ...base,
    ...(io !== undefined && settings.color !== undefined && settings.color !== "auto" ? { color: settings.color === "always" } : {}),
    ...(settings.width === undefined ? {} : { width: settings.width }),
  };
  const style: HelpStyle = { width: ioOf.width ?? DEFAULT_WIDTH, color: ioOf.color };
  if (name !== undefined && command === undefined) {
    problems.list.push(unknownCommand(name));
  }
  // A known command still runs with the problems found so far: it stops before printing anything, and every bad value is reported at once.
  if (problems.list.length > 0 && parsed.values.get("help") !== true && command === undefined) {
    ioOf.err(usageReport(problems.list, command, COMMANDS, style));
    return EXIT.usage;
  }
  if (command === undefined) {
    if (parsed.values.get("version") === true) {
      ioOf.out(VERSION);
      return EXIT.ok;
    }
    ioOf.out(mainHelp(COMMANDS, style));
    return parsed.values.get("help") === true ? EXIT.ok : EXIT.usage;
  }
  if (parsed.values.get("help") === true) {
    ioOf.out(commandHelp(command, style));
    return EXIT.ok;
  }
  return runCommand(command, { values: Object.fromEntries(parsed.values), positionals: parsed.positionals, io: ioOf, problems }, style);
}

function runCommand(command: Command, context: CommandContext, style: HelpStyle): number {
  const { problems, io } = context;
  try {
    const code = command.run(context);
    if (problems.list.length === 0) return code;
  } catch (error) {
    if (error instanceof UsageError) problems.list.push(error.problem);
    else if (error instanceof RetryDelayError && error.diagnostics.some((d) => d.code === "invalid-argument"))
      // The library's invalid-argument means a flag's value reached it unchecked: still the user's usage, not a crash.
      problems.list.push({ message: error.message });
    else if (!(error instanceof UsageStop)) {
      // Not reachable by any input; if it happens, one line rather than a stack trace.
      io.err(`retry-delay: internal error: ${error instanceof Error ? error.message : String(error)}`);
      return 70;
    }
  }
  io.err(usageReport(problems.list, command, COMMANDS, style));
  return EXIT.usage;
}

/** The global flags' settings; a bad `--width` is a usage problem. */
function readSettings(parsed: ParsedArgs, problems: UsageProblems): { color?: ColorMode; width?: number } {
  const color = parsed.values.get("color");
  const mode: ColorMode | undefined =
    parsed.values.get("no-color") === true
      ? "never"
      : color === ""
        ? "always"
        : typeof color === "string"
          ? (color as ColorMode)
          : undefined;
  const widthText = parsed.values.get("width");
  if (typeof widthText !== "string") return mode === undefined ? {} : { color: mode };
  const width = Number(widthText);
  const fits = /^\d+$/.test(widthText) && (width === 0 || (width >= WIDTH_BOUNDS.min && width <= WIDTH_BOUNDS.max));
  if (!fits)
    problems.add(
      `--width must be 0 (no wrapping) or a whole number from ${WIDTH_BOUNDS.min} to ${WIDTH_BOUNDS.max}, not '${widthText}'`,
      "width",
    );
  return { ...(mode === undefined ? {} : { color: mode }), ...(fits ? { width } : {}) };
}

function unknownCommand(name: string): UsageProblem {
  const near = closestName(
    name,
    COMMANDS.map((c) => c.name),
  );
  return {
    message: `unknown command '${name}'${near === undefined ? "" : `; did you mean '${near}'?`}`,
    ...(near === undefined ? {} : { command: near }),
  };
}

/**
 * The command's name is the first argument that is neither a flag nor the
 * value of a top-level flag (`--width 60 check …`); the flags before it
 * are read with the command's.
 */
function splitCommand(argv: readonly string[]): { before: string[]; name: string | undefined; after: string[] } {
  const takesValue = new Set(
    TOP_FLAGS.filter((f) => f.kind === "value").flatMap((f) => [`--${f.name}`, ...(f.short === undefined ? [] : [`-${f.short}`])]),
  );
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") return { before: argv.slice(0, i), name: argv[i + 1], after: argv.slice(i + 2) };
    if (!arg.startsWith("-")) return { before: argv.slice(0, i), name: arg, after: argv.slice(i + 1) };
    if (takesValue.has(arg)) i++;
  }
  return { before: [...argv], name: undefined, after: [] };
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "dev";
