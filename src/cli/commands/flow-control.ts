import { toFlowControlOptions } from "../../flow-control/convert.js";
import { describeFlowControl } from "../../flow-control/describe.js";
import { COUNT_FIELDS, EXAMPLE_VALUE } from "../../flow-control/fields.js";
import { formatFlowControlValue } from "../../flow-control/format.js";
import { parseFlowControlValue } from "../../flow-control/parse.js";
import type { FlowControlValue } from "../../flow-control/types.js";
import { EXIT, type Command } from "../command.js";
import { styles } from "../io.js";
import { reportValue, singleValue } from "./shared.js";

export const flowControlCommand: Command = {
  name: "flow-control",
  summary: "parse an Upstash-Flow-Control-Value: canonical form and meaning",
  synopsis: "<value|-> [options]",
  description: [
    `Parses an Upstash-Flow-Control-Value such as '${EXAMPLE_VALUE}' and prints its canonical form (the order and spacing the official SDK writes) and its meaning.`,
  ].join("\n"),
  flags: [],
  examples: [
    { args: ["flow-control", "rate=10,parallelism=20,period=60"], says: "The canonical form and what it means" },
    { args: ["flow-control", "Rate=10"], says: "A misspelt field, with the server's wording and a did-you-mean" },
  ],
  run(context) {
    const value = singleValue(context, "flow-control value");
    context.problems.settle();
    const result = parseFlowControlValue(value);
    const canonical = result.ok ? formatFlowControlValue(toFlowControlOptions(result.value)) : null;
    const meaning = result.ok ? describeFlowControl(result.value) : null;
    const done = reportValue(context, value, result, () => ({
      command: "flow-control",
      input: value,
      valid: result.ok,
      value: result.ok ? jsonValue(result.value) : null,
      canonical,
      meaning,
      diagnostics: result.diagnostics,
    }));
    if (done !== undefined || !result.ok) return done ?? EXIT.invalid;
    const s = styles(context.io.color);
    context.io.out(`${s.green("valid")}: ${s.bold(canonical ?? "")}`);
    context.io.out(meaning ?? "");
    return EXIT.ok;
  },
};

/** The parsed value for `--json`: every count field (null when not given), then the period. */
function jsonValue(value: FlowControlValue): Record<string, number | boolean | null> {
  const counts = Object.fromEntries(COUNT_FIELDS.map((f) => [f.name, value[f.name] ?? null]));
  return { ...counts, periodMs: value.periodMs, periodGiven: value.periodGiven };
}
