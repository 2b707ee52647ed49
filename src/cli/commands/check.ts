import { formatDuration } from "../../duration/format.js";
import { tryCompile } from "../../expression/api.js";
import { DEFAULT_RETRIES } from "../../expression/check.js";
import { describeErrorCount } from "../../expression/error-limit.js";
import { EXPRESSION_LIMITS } from "../../expression/limits.js";
import { printExpression } from "../../expression/print.js";
import { styles } from "../io.js";
import { EXIT, type Command } from "../command.js";
import { describeFindings, hasError, integerFlag, printDiagnostics, printJson, singleValue, say } from "./shared.js";
import { groupDigits } from "../../diagnostics/show.js";

export const checkCommand: Command = {
  name: "check",
  summary: "validate an Upstash-Retry-Delay expression",
  synopsis: "<expression|-> [--retries N] [options]",
  description: [
    "Parses and checks an Upstash-Retry-Delay expression, evaluates it for retried = 0 … N-1, and prints the diagnostics (with the source and a caret underline), the domain warnings (negative, NaN, infinite or fractional delays), the common mistakes (units such as 30s, strategy names, delays of at most 100 ms, a delay that never changes) with a help: line for each fix, and the min/max delay.",
    "",
    "Exit codes: 0 valid (warnings allowed), 1 invalid, 2 usage error.",
  ].join("\n"),
  flags: [
    {
      name: "retries",
      short: "r",
      kind: "value",
      placeholder: "N",
      help: `retries to check (default ${DEFAULT_RETRIES}, Upstash's default; at most ${groupDigits(EXPRESSION_LIMITS.maxRetries)})`,
    },
  ],
  examples: [
    {
      args: ["check", "max(1000, pow(2, retried) * 100)", "--retries", "6"],
      says: "Validate an expression over six retries, with its min and max delay",
    },
    { args: ["check", "Pow(2, retries) * 1000"], says: "A typo: each mistake with a caret under it and a did-you-mean" },
    { args: ["check", "-", "--json"], says: "Read the expression from stdin; print the verdict as JSON" },
  ],
  run(context) {
    const source = singleValue(context, "expression");
    const retries = integerFlag(context, "retries", { min: 0, max: EXPRESSION_LIMITS.maxRetries }) ?? DEFAULT_RETRIES;
    context.problems.settle();
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
      say(
        context,
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
