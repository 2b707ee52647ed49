import { parseDuration } from "../../duration/parse.js";
import { EXIT, type Command } from "../command.js";
import { styles } from "../io.js";
import { reportValue, singleValue } from "./shared.js";

export const durationCommand: Command = {
  name: "duration",
  summary: "parse a duration (Upstash-Delay, period): ms and canonical form",
  usage: "Usage: retry-delay duration <value|-> [--go] [--json]",
  help: [
    "Parses a duration such as 1d10h30m into milliseconds and its canonical form.",
    "",
    "Strict mode (the default) takes what Upstash documents: <integer><unit> parts",
    "with the units s, m, h, d. --go takes what Go's time.ParseDuration takes, plus d:",
    "ns, us, µs, ms, s, m, h, d, decimals (1.5h) and a leading +.",
    "",
    "Options:",
    "  --go     Go mode",
    "  --json   machine-readable output (docs/cli.md)",
  ].join("\n"),
  options: { go: { type: "boolean" } },
  run(context) {
    const value = singleValue(context, "duration", "duration");
    const mode = context.values.go === true ? "go" : "strict";
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
