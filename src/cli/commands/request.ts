import { parseDuration } from "../../duration/parse.js";
import { isUpstashPlan, MAX_DELAY_BY_PLAN } from "../../duration/plans.js";
import type { Endpoint } from "../../request/context.js";
import { isHttpUrl, type RequestBuildResult } from "../../request/requests.js";
import type { BuildOptions } from "../../request/options.js";
import { OPTION_TABLE } from "../../request/table.js";
import { toCurl } from "../../trigger/curl.js";
import type { OptionDiagnostic } from "../../trigger/codes.js";
import { EXIT, UsageError, type Command, type CommandContext } from "../command.js";
import { styles } from "../io.js";
import { FLAG_WIDTH, optionsFromFlags, requestFlagHelp, requestFlags } from "./request-flags.js";
import { printJson, printOptionDiagnostics, stringFlag } from "./shared.js";

/** What a request command is: its name, the endpoint whose table rows give its flags, and how it builds. */
export interface RequestCommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly describe: string;
  /** Which endpoint the flags select, e.g. publish becomes enqueue with --queue-name. */
  readonly endpointOf: (context: CommandContext) => Endpoint;
  readonly flagsOf: Endpoint;
  readonly build: (endpoint: Endpoint, options: Record<string, unknown>, build: BuildOptions) => RequestBuildResult;
}

const COMMON = [
  `  ${"--plan P".padEnd(FLAG_WIDTH)}check values against a plan's limits: free, pay-as-you-go, fixed`,
  `  ${"--base-url U".padEnd(FLAG_WIDTH)}QStash base URL (default https://qstash.upstash.io)`,
  `  ${"--curl".padEnd(FLAG_WIDTH)}print a curl command instead of the headers`,
  `  ${"--json".padEnd(FLAG_WIDTH)}machine-readable output (docs/cli.md)`,
];

export function requestCommand(spec: RequestCommandSpec): Command {
  return {
    name: spec.name,
    summary: spec.summary,
    usage: `Usage: retry-delay ${spec.name} --url U [options] [--curl] [--json]`,
    help: [
      spec.describe,
      "The token is never printed: curl reads it from $QSTASH_TOKEN.",
      "",
      "Options:",
      ...requestFlagHelp(spec.flagsOf),
      ...COMMON,
    ].join("\n"),
    options: { ...requestFlags(spec.flagsOf), plan: { type: "string" }, "base-url": { type: "string" }, curl: { type: "boolean" } },
    run: (context) => runRequest(spec, context),
  };
}

function runRequest(spec: RequestCommandSpec, context: CommandContext): number {
  if (context.positionals.length > 0)
    throw new UsageError(`unexpected argument '${context.positionals[0] ?? ""}'; every option is a flag`, spec.name);
  if (stringFlag(context, "url") === undefined) throw new UsageError("missing --url", spec.name);
  const endpoint = spec.endpointOf(context);
  const { options, diagnostics: flagDiagnostics } = optionsFromFlags(context, endpoint, spec.name);
  const result = spec.build(endpoint, options, buildOptions(context, spec.name));
  // Problems found while reading the flags' own languages come first; every problem is reported, not only the first.
  const diagnostics: readonly OptionDiagnostic[] = [...flagDiagnostics, ...result.diagnostics];
  const ok = result.ok && !flagDiagnostics.some((d) => d.severity === "error");
  if (context.values.json === true) {
    printJson(context, {
      command: spec.name,
      valid: ok,
      request: ok ? result.request : null,
      curl: ok ? toCurl(result.request) : null,
      diagnostics,
    });
    return ok ? EXIT.ok : EXIT.invalid;
  }
  printOptionDiagnostics(context, diagnostics);
  if (!ok) return EXIT.invalid;
  if (context.values.curl === true) {
    context.io.out(toCurl(result.request));
    return EXIT.ok;
  }
  const s = styles(context.io.color);
  context.io.out(`${s.bold(result.request.method)} ${result.request.url}`);
  for (const [name, value] of Object.entries(result.request.headers)) context.io.out(`${s.cyan(name)}: ${value}`);
  if (result.request.body !== undefined) context.io.out(`\n${result.request.body}`);
  // To stderr, so that stdout stays the request as sent.
  for (const note of durationNotes(result.request.headers)) context.io.err(s.dim(note));
  return EXIT.ok;
}

/**
 * Each duration header whose value is not already in its readable form, as
 * `note: Upstash-Delay: 1000s is 16m40s`: the SDKs send a number `delay` as
 * seconds, so `delay: 1000` is more than a quarter of an hour. Which headers
 * hold durations is read from the option table (callback copies included).
 */
function durationNotes(headers: Readonly<Record<string, string>>): string[] {
  const notes: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!isDurationHeader(name)) continue;
    const parsed = parseDuration(value, { mode: "go" });
    if (parsed.ok && parsed.value.canonical !== value) notes.push(`note: ${name}: ${value} is ${parsed.value.canonical}`);
  }
  return notes;
}

const CALLBACK_PREFIXES = ["upstash-callback-", "upstash-failure-callback-"];

function isDurationHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return OPTION_TABLE.some((row) => {
    if (row.kind !== "header" || row.language !== "duration") return false;
    return row.headers.some((header) => {
      const own = header.toLowerCase();
      const rest = own.slice("upstash-".length);
      return lower === own || (row.callbackFamilies && CALLBACK_PREFIXES.some((prefix) => lower === prefix + rest));
    });
  });
}

function buildOptions(context: CommandContext, command: string): BuildOptions {
  const baseUrl = stringFlag(context, "base-url");
  if (baseUrl !== undefined && !isHttpUrl(baseUrl))
    throw new UsageError(`--base-url must be an http:// or https:// URL, not '${baseUrl}'`, command);
  const plan = stringFlag(context, "plan");
  if (plan !== undefined && !isUpstashPlan(plan))
    throw new UsageError(`--plan must be one of ${Object.keys(MAX_DELAY_BY_PLAN).join(", ")}, not '${plan}'`, command);
  return { ...(plan === undefined ? {} : { plan }), ...(baseUrl === undefined ? {} : { baseUrl }), now: context.io.now() };
}
