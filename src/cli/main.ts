import { parseArgs, type ParseArgsConfig } from "node:util";
import { RetryDelayError } from "../diagnostics/diagnostic.js";
import { EXIT, UsageError, type Command, type CommandContext } from "./command.js";
import { checkCommand } from "./commands/check.js";
import { durationCommand } from "./commands/duration.js";
import { flowControlCommand } from "./commands/flow-control.js";
import { simulateCommand } from "./commands/simulate.js";
import { deliverCommand } from "./commands/deliver.js";
import { publishCommand, scheduleCommand } from "./commands/publish.js";
import { triggerCommand } from "./commands/trigger.js";
import { processIo, type Io } from "./io.js";

const COMMANDS: readonly Command[] = [
  checkCommand,
  simulateCommand,
  deliverCommand,
  durationCommand,
  flowControlCommand,
  triggerCommand,
  publishCommand,
  scheduleCommand,
];

const COMMON_OPTIONS = {
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies NonNullable<ParseArgsConfig["options"]>;

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "retry-delay — check and simulate Upstash Workflow / QStash retry delays, durations, flow control and trigger requests",
    "",
    "Usage: retry-delay <command> [arguments] [--json] [--help]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Every command takes --json (machine-readable output, schemaVersion 1) and --help.",
    "Exit codes: 0 success, 1 invalid input, 2 usage error. A value given as - is read from stdin.",
    "",
    "Examples:",
    "  retry-delay simulate 'pow(2, retried) * 1000' --retries 5",
    "  retry-delay deliver --runs 10000 --flow-control 'parallelism=5, rate=10, period=1m' --handler 2s --fail-rate 0.1",
    "  retry-delay check 'max(1000, pow(2, retried) * 100)'",
    "  retry-delay trigger --url https://example.com/api/wf --retry-delay '1000 * (1 + retried)' --curl",
    "  retry-delay publish --url https://example.com/hook --timeout 30s --redact body --json",
  ].join("\n");
}

/** Runs the CLI on `argv` (without `node` and the script) and returns the exit code. Never throws. */
export function run(argv: readonly string[], io: Io = processIo()): number {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.out(VERSION);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (command === undefined) throw new UsageError(`unknown command '${name}'`, undefined);
    // parseArgs reads `-1000 + retried` as flags; such values stand in as placeholders while it parses.
    const held = new Map<string, string>();
    const args = rest.map((arg, i) => {
      if (!looksLikeValue(arg)) return arg;
      const placeholder = `\u0000value${i}`;
      held.set(placeholder, arg);
      return placeholder;
    });
    const restore = (value: unknown): unknown =>
      typeof value === "string" ? (held.get(value) ?? value) : Array.isArray(value) ? value.map(restore) : value;
    const parsed = parseArgs({
      args,
      options: { ...COMMON_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
      tokens: false,
    });
    if (parsed.values.help === true) {
      io.out(`${command.usage}\n\n${command.help}`);
      return EXIT.ok;
    }
    const values = Object.fromEntries(
      Object.entries(parsed.values).map(([key, value]) => [key, restore(value)]),
    ) as CommandContext["values"];
    return command.run({ values, positionals: parsed.positionals.map((p) => String(restore(p))), io });
  } catch (error) {
    const usage = command?.usage ?? "Usage: retry-delay <command> [arguments] [--json] [--help]";
    // The library's invalid-argument means a flag's value reached it unchecked: still the user's usage, not a crash.
    if (error instanceof RetryDelayError && error.diagnostics.some((d) => d.code === "invalid-argument")) {
      io.err(`retry-delay: ${error.message}`);
      io.err(usage);
      return EXIT.usage;
    }
    if (error instanceof UsageError || isParseArgsError(error)) {
      const raw = error instanceof Error ? error.message : String(error);
      // Node's wording is long and capitalized; keep its first sentence, in the CLI's voice.
      const first = raw.split(". To specify")[0] ?? raw;
      const message =
        first.charAt(0).toLowerCase() +
        first.slice(1) +
        (raw.includes(". To specify") ? " (put `--` before a value that starts with `-`)" : "");
      io.err(`retry-delay: ${message}`);
      io.err(usage);
      io.err(`Run 'retry-delay ${command?.name ?? ""}${command === undefined ? "" : " "}--help' for more.`.replace("  ", " "));
      return EXIT.usage;
    }
    // Not reachable by any input; if it happens, one line rather than a stack trace.
    io.err(`retry-delay: internal error: ${error instanceof Error ? error.message : String(error)}`);
    return 70;
  }
}

function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("ERR_PARSE_ARGS");
}

/** Expressions such as `-1000 + retried` start with `-` but are values, not flags. */
function looksLikeValue(arg: string): boolean {
  return /^-[\d.(\s]/.test(arg);
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "dev";
