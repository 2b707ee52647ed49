import { parseDuration } from "../../duration/parse.js";
import { EXIT, type Command } from "../command.js";
import { styles } from "../io.js";
import { reportValue, singleValue } from "./shared.js";

export const durationCommand: Command = {
  name: "duration",
  summary: "parse a duration (Upstash-Delay, period): ms and canonical form",
  synopsis: "<value|-> [--go] [options]",
  description: [
    "Parses a duration such as 1d10h30m (an Upstash-Delay, a flow-control period) into milliseconds and its canonical form.",
    "",
    "Strict mode (the default) takes what Upstash documents: <integer><unit> parts with the units s, m, h, d. --go takes what Go's time.ParseDuration takes, plus d: ns, us, µs, ms, s, m, h, d, decimals (1.5h) and a leading +.",
  ].join("\n"),
  flags: [{ name: "go", kind: "boolean", help: "Go mode: the units and decimals Go's time.ParseDuration takes, plus d" }],
  examples: [
    { args: ["duration", "1d10h30m"], says: "Milliseconds and the canonical form" },
    { args: ["duration", "10"], says: "A bare number: the error Upstash answers with, and the fix" },
    { args: ["duration", "1.5h", "--go"], says: "Decimals, as Go reads them" },
  ],
  run(context) {
    const value = singleValue(context, "duration");
    const mode = context.values.go === true ? "go" : "strict";
    context.problems.settle();
    const result = parseDuration(value, { mode });
    const done = reportValue(context, value, result, () => ({
      command: "duration",
      input: value,
      mode,
      valid: result.ok,
      ms: result.ok ? result.value.ms : null,
      canonical: result.ok ? result.value.canonical : null,
      diagnostics: result.diagnostics,
    }));
    if (done !== undefined || !result.ok) return done ?? EXIT.invalid;
    const s = styles(context.io.color);
    context.io.out(`${s.green("valid")}: ${result.value.ms} ms = ${s.bold(result.value.canonical)}`);
    return EXIT.ok;
  },
};
