import { formatDuration } from "../../duration/format.js";
import { tryCompile } from "../../expression/api.js";
import { DEFAULT_RETRIES } from "../../expression/check.js";
import { describeErrorCount } from "../../expression/error-limit.js";
import { EXPRESSION_LIMITS } from "../../expression/limits.js";
import { printExpression } from "../../expression/print.js";
import { styles } from "../io.js";
import { EXIT, type Command } from "../command.js";
import { describeFindings, hasError, integerFlag, printDiagnostics, printJson, singleValue } from "./shared.js";

export const checkCommand: Command = {
  name: "check",
  summary: "validate an Upstash-Retry-Delay expression",
  usage: "Usage: retry-delay check <expression|-> [--retries N] [--json]",
  help: [
    "Parses and checks the expression, evaluates it for retried = 0 … N-1, and",
    "prints the diagnostics (with the source and a caret underline), the domain",
    "warnings (negative, NaN, infinite or fractional delays), the common mistakes",
    "(units such as 30s, strategy names, delays of at most 100 ms, a delay that",
    "never changes) with a `help:` line for each fix, and the min/max delay.",
    "",
    "Options:",
    "  --retries N   retries to check (default 3, Upstash's default)",
    "  --json        machine-readable output (docs/cli.md)",
    "",
    "Exit codes: 0 valid (warnings allowed), 1 invalid, 2 usage error.",
  ].join("\n"),
  options: { retries: { type: "string", short: "r" } },
  run(context) {
    const source = singleValue(context, "check", "expression");
    const retries = integerFlag(context, "check", "retries", { min: 0, max: EXPRESSION_LIMITS.maxRetries }) ?? DEFAULT_RETRIES;
    const result = tryCompile(source, { retries });
    if (context.values.json === true) {
      printJson(context, {
        command: "check",
        input: source,
        valid: result.ok,
        canonical: result.ok ? printExpression(result.value.expression) : null,
        retries,
        range: result.ok && result.value.range !== undefined ? result.value.range : null,
        diagnostics: result.diagnostics,
      });
      return result.ok ? EXIT.ok : EXIT.invalid;
    }
    const s = styles(context.io.color);
    printDiagnostics(context, source, result.diagnostics);
    if (!result.ok || hasError(result.diagnostics)) {
      context.io.err(s.red(`invalid: ${describeErrorCount(result.diagnostics)}`));
      return EXIT.invalid;
    }
    const delay = result.value;
    context.io.out(`${s.green("valid")}${s.yellow(describeFindings(delay.diagnostics))}: ${printExpression(delay.expression)}`);
    if (delay.range !== undefined) {
      const { min, max, minAt, maxAt } = delay.range;
      context.io.out(
        `delay over ${retries} ${retries === 1 ? "retry" : "retries"}: min ${formatDuration(min)} (${min} ms, retried = ${minAt}), max ${formatDuration(max)} (${max} ms, retried = ${maxAt})`,
      );
    } else if (retries === 0) {
      context.io.out("no retries to check (--retries 0)");
    } else {
      context.io.out(`no finite delay over ${retries} retries`);
    }
    return EXIT.ok;
  },
};
