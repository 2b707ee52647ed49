import { formatDuration } from "../../duration/format.js";
import { describeFlowControl, formatFlowControlValue, parseFlowControlValue } from "../../flow-control/flow-control.js";
import { EXIT, type Command } from "../command.js";
import { styles } from "../io.js";
import { printDiagnostics, printJson, singleValue } from "./shared.js";

export const flowControlCommand: Command = {
  name: "flow-control",
  summary: "parse an Upstash-Flow-Control-Value: canonical form and meaning",
  usage: "Usage: retry-delay flow-control <value|-> [--json]",
  help: [
    "Parses a value such as 'parallelism=5, rate=10, period=1m' and prints its",
    "canonical form (the order and spacing the official SDK writes) and its meaning.",
    "",
    "Options:",
    "  --json   machine-readable output (docs/cli.md)",
  ].join("\n"),
  options: {},
  run(context) {
    const value = singleValue(context, "flow-control", "flow-control value");
    const result = parseFlowControlValue(value);
    const canonical = result.ok
      ? formatFlowControlValue({
          ...(result.value.parallelism === undefined ? {} : { parallelism: result.value.parallelism }),
          ...(result.value.rate === undefined ? {} : { rate: result.value.rate }),
          ...(result.value.periodGiven ? { period: formatDuration(result.value.periodMs) } : {}),
        })
      : null;
    const meaning = result.ok ? describeFlowControl(result.value) : null;
    if (context.values.json === true) {
      printJson(context, {
        command: "flow-control",
        input: value,
        valid: result.ok,
        value: result.ok ? { parallelism: result.value.parallelism ?? null, rate: result.value.rate ?? null, periodMs: result.value.periodMs, periodGiven: result.value.periodGiven } : null,
        canonical,
        meaning,
        diagnostics: result.diagnostics,
      });
      return result.ok ? EXIT.ok : EXIT.invalid;
    }
    printDiagnostics(context, value, result.diagnostics);
    if (!result.ok) return EXIT.invalid;
    const s = styles(context.io.color);
    context.io.out(`${s.green("valid")}: ${s.bold(canonical ?? "")}`);
    context.io.out(meaning ?? "");
    return EXIT.ok;
  },
};
