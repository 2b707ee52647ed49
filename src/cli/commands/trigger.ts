import { isUpstashPlan, MAX_DELAY_BY_PLAN } from "../../duration/plans.js";
import { formatDuration } from "../../duration/format.js";
import { EXPRESSION_LIMITS } from "../../expression/limits.js";
import { parseFlowControlValue, type FlowControlOptions } from "../../flow-control/flow-control.js";
import { buildTriggerRequest, isHttpUrl, type TriggerOptions } from "../../trigger/build.js";
import { toCurl } from "../../trigger/curl.js";
import { EXIT, UsageError, type Command } from "../command.js";
import { styles } from "../io.js";
import { integerFlag, printJson, printOptionDiagnostics, stringFlag } from "./shared.js";

export const triggerCommand: Command = {
  name: "trigger",
  summary: "validate trigger options and print the REST headers or a curl command",
  usage:
    "Usage: retry-delay trigger --url U [--retries N] [--retry-delay E] [--delay D | --not-before T] [--flow-control-key K --flow-control V] [--failure-url F] [--label L]… [--header 'K: V']… [--body B] [--workflow-run-id ID] [--plan P] [--curl] [--json]",
  help: [
    "Checks every option of a workflow trigger with the languages of this library and",
    "prints the request for POST /v2/trigger/{url}: its headers, or a ready curl command.",
    "The token is never printed: curl reads it from $QSTASH_TOKEN.",
    "",
    "Options:",
    "  --url U                 the workflow endpoint (required)",
    "  --retries N             retries of each step (default 3; not sent when 3)",
    "  --retry-delay E         an Upstash-Retry-Delay expression",
    "  --delay D               delay before the run starts: a duration such as 10s or 1d10h30m",
    "  --not-before T          start at Unix time T (seconds); overrides --delay",
    "  --flow-control-key K    flow-control key (letters, digits, - _ .)",
    "  --flow-control V        flow-control value, e.g. 'parallelism=5, rate=10, period=1m'",
    "  --failure-url F         failure callback URL (http:// or https://)",
    "  --label L               a label; repeat for several",
    "  --header 'K: V'         a header forwarded to the workflow; repeat for several",
    "  --body B                the request body, sent as is",
    "  --workflow-run-id ID    a custom run id (sent as wfr_ID)",
    "  --plan P                check delays against a plan: free, pay-as-you-go, fixed",
    "  --base-url U            QStash base URL (default https://qstash.upstash.io)",
    "  --curl                  print a curl command instead of the headers",
    "  --json                  machine-readable output (docs/cli.md)",
  ].join("\n"),
  options: {
    url: { type: "string" },
    retries: { type: "string", short: "r" },
    "retry-delay": { type: "string" },
    delay: { type: "string" },
    "not-before": { type: "string" },
    "flow-control-key": { type: "string" },
    "flow-control": { type: "string" },
    "failure-url": { type: "string" },
    label: { type: "string", multiple: true },
    header: { type: "string", multiple: true },
    body: { type: "string" },
    "workflow-run-id": { type: "string" },
    plan: { type: "string" },
    "base-url": { type: "string" },
    curl: { type: "boolean" },
  },
  run(context) {
    if (context.positionals.length > 0) throw new UsageError(`unexpected argument '${context.positionals[0] ?? ""}'; every trigger option is a flag`, "trigger");
    const url = stringFlag(context, "url");
    if (url === undefined) throw new UsageError("missing --url", "trigger");
    const baseUrl = stringFlag(context, "base-url");
    if (baseUrl !== undefined && !isHttpUrl(baseUrl)) throw new UsageError(`--base-url must be an http:// or https:// URL, not '${baseUrl}'`, "trigger");
    const plan = stringFlag(context, "plan");
    if (plan !== undefined && !isUpstashPlan(plan)) throw new UsageError(`--plan must be one of ${Object.keys(MAX_DELAY_BY_PLAN).join(", ")}, not '${plan}'`, "trigger");

    const headers: Record<string, string> = {};
    for (const header of (context.values.header as string[] | undefined) ?? []) {
      const colon = header.indexOf(":");
      if (colon <= 0) throw new UsageError(`--header must look like 'Name: value', not '${header}'`, "trigger");
      Object.defineProperty(headers, header.slice(0, colon).trim(), { value: header.slice(colon + 1).trim(), enumerable: true, writable: true, configurable: true });
    }
    const labels = (context.values.label as string[] | undefined) ?? [];
    const retries = integerFlag(context, "trigger", "retries", { min: 0, max: EXPRESSION_LIMITS.maxRetries });
    const notBefore = integerFlag(context, "trigger", "not-before", { min: 0, max: 1e12 });

    const flowControlText = stringFlag(context, "flow-control");
    const flowControlKey = stringFlag(context, "flow-control-key");
    let flowControl: FlowControlOptions | undefined;
    const flowProblems = flowControlText === undefined ? undefined : parseFlowControlValue(flowControlText);
    if (flowProblems !== undefined && !flowProblems.ok) {
      const diagnostics = flowProblems.diagnostics.map((d) => ({ ...d, path: "flowControl", input: flowControlText ?? "" }));
      if (context.values.json === true) printJson(context, { command: "trigger", valid: false, request: null, curl: null, diagnostics });
      else printOptionDiagnostics(context, diagnostics);
      return EXIT.invalid;
    }
    if (flowProblems?.ok === true) {
      const v = flowProblems.value;
      flowControl = {
        ...(flowControlKey === undefined ? {} : { key: flowControlKey }),
        ...(v.parallelism === undefined ? {} : { parallelism: v.parallelism }),
        ...(v.rate === undefined ? {} : { rate: v.rate }),
        ...(v.periodGiven ? { period: formatDuration(v.periodMs) } : {}),
      };
    } else if (flowControlKey !== undefined) {
      flowControl = { key: flowControlKey };
    }

    const options: TriggerOptions = {
      url,
      ...(retries === undefined ? {} : { retries }),
      ...optional("retryDelay", stringFlag(context, "retry-delay")),
      ...optional("delay", stringFlag(context, "delay")),
      ...(notBefore === undefined ? {} : { notBefore }),
      ...(flowControl === undefined ? {} : { flowControl }),
      ...optional("failureUrl", stringFlag(context, "failure-url")),
      ...(labels.length === 0 ? {} : { label: labels.length === 1 ? (labels[0] ?? "") : labels }),
      ...(Object.keys(headers).length === 0 ? {} : { headers }),
      ...optional("body", stringFlag(context, "body")),
      ...optional("workflowRunId", stringFlag(context, "workflow-run-id")),
    };
    const result = buildTriggerRequest(options, { ...(plan === undefined ? {} : { plan }), ...(baseUrl === undefined ? {} : { baseUrl }), now: context.io.now() });

    if (context.values.json === true) {
      printJson(context, { command: "trigger", valid: result.ok, request: result.request ?? null, curl: result.request === undefined ? null : toCurl(result.request), diagnostics: result.diagnostics });
      return result.ok ? EXIT.ok : EXIT.invalid;
    }
    printOptionDiagnostics(context, result.diagnostics);
    if (!result.ok || result.request === undefined) return EXIT.invalid;
    if (context.values.curl === true) {
      context.io.out(toCurl(result.request));
      return EXIT.ok;
    }
    const s = styles(context.io.color);
    context.io.out(`${s.bold(result.request.method)} ${result.request.url}`);
    for (const [name, value] of Object.entries(result.request.headers)) context.io.out(`${s.cyan(name)}: ${value}`);
    if (result.request.body !== undefined) context.io.out(`\n${result.request.body}`);
    return EXIT.ok;
  },
};

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
