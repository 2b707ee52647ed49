import { parseDuration } from "../../duration/parse.js";
import { isUpstashPlan, MAX_DELAY_BY_PLAN } from "../../duration/plans.js";
import type { Endpoint } from "../../request/context.js";
import { isHttpUrl, type RequestBuildResult } from "../../request/requests.js";
import type { BuildOptions } from "../../request/options.js";
import { OPTION_TABLE } from "../../request/table.js";
import { toCurl } from "../../trigger/curl.js";
import type { OptionDiagnostic } from "../../trigger/codes.js";
import { EXIT, type Command, type CommandContext, type Example, type Flag } from "../command.js";
import { styles } from "../io.js";
import { optionsFromFlags, requestFlags } from "./request-flags.js";
import { printOptionDiagnostics, reportOptions, stringFlag } from "./shared.js";

/** What a request command is: its name, the endpoint whose table rows give its flags, and how it builds. */
export interface RequestCommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly describe: string;
  /** Which endpoint the flags select, e.g. publish becomes enqueue with --queue-name. */
  readonly endpointOf: (context: CommandContext) => Endpoint;
  readonly flagsOf: Endpoint;
  readonly build: (endpoint: Endpoint, options: Record<string, unknown>, build: BuildOptions) => RequestBuildResult;
  readonly examples: readonly Example[];
}

/** The flags every request command adds to its table rows' flags. */
const COMMON: readonly Flag[] = [
  { name: "plan", kind: "value", placeholder: "P", choices: Object.keys(MAX_DELAY_BY_PLAN), help: "check values against a plan's limits" },
  { name: "base-url", kind: "value", placeholder: "U", help: "QStash base URL (default https://qstash.upstash.io)" },
  { name: "curl", kind: "boolean", help: "print a curl command instead of the headers" },
];

export function requestCommand(spec: RequestCommandSpec): Command {
  return {
    name: spec.name,
    summary: spec.summary,
    synopsis: "--url U [options] [--curl]",
    description: [
      spec.describe,
      "",
      "The token is never printed: the headers show <QSTASH_TOKEN>, and curl reads it from $QSTASH_TOKEN. Every invalid value is reported, not only the first.",
    ].join("\n"),
    flags: [...requestFlags(spec.flagsOf), ...COMMON],
    examples: spec.examples,
    run: (context) => runRequest(spec, context),
  };
}

function runRequest(spec: RequestCommandSpec, context: CommandContext): number {
  if (context.positionals.length > 0)
    context.problems.add(`unexpected argument '${context.positionals[0] ?? ""}'; every option is a flag (quote a value with spaces)`);
  if (stringFlag(context, "url") === undefined) context.problems.add("missing --url: where the request goes", "url");
  const endpoint = spec.endpointOf(context);
  const { options, diagnostics: flagDiagnostics } = optionsFromFlags(context, endpoint);
  const result = spec.build(endpoint, options, buildOptions(context));
  // Problems found while reading the flags' own languages come first; every problem is reported, not only the first.
  const diagnostics: readonly OptionDiagnostic[] = [...flagDiagnostics, ...result.diagnostics];
  const ok = result.ok && !flagDiagnostics.some((d) => d.severity === "error");
  if (context.problems.list.length > 0) {
    // Usage problems stop the command, but the values it could read are still checked and reported with them.
    printOptionDiagnostics(
      context,
      diagnostics.filter((d) => d.severity === "error" && !(d.code === "missing-url")),
    );
    context.problems.settle();
  }
  const done = reportOptions(context, { ok, diagnostics }, () => ({
    command: spec.name,
    valid: ok,
    request: ok ? result.request : null,
    curl: ok ? toCurl(result.request) : null,
    diagnostics,
  }));
  if (done !== undefined || !ok) return done ?? EXIT.invalid;
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

function buildOptions(context: CommandContext): BuildOptions {
  const baseUrl = stringFlag(context, "base-url");
  const validBase = baseUrl === undefined || isHttpUrl(baseUrl);
  if (!validBase) context.problems.add(`--base-url must be an http:// or https:// URL, not '${baseUrl}'`, "base-url");
  const plan = stringFlag(context, "plan");
  return {
    ...(plan === undefined || !isUpstashPlan(plan) ? {} : { plan }),
    ...(baseUrl === undefined || !validBase ? {} : { baseUrl }),
    now: context.io.now(),
  };
}
