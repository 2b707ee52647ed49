import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { DurationCode } from "../duration/codes.js";
import type { ExpressionCode } from "../expression/codes.js";
import type { FlowControlCode } from "../flow-control/codes.js";
import type { RetryAfterCode } from "../retry-after/retry-after.js";

/**
 * The diagnostic codes of trigger requests themselves. Diagnostics about a
 * value inside an option keep the code of the language that found them
 * (`unknown-variable` for `retryDelay`, `missing-unit` for `delay`,
 * `invalid-period` for `flowControl.period`, …). `docs/trigger.md` documents
 * each code here; a test keeps them in step.
 *
 * @example
 * ```ts
 * TRIGGER_CODES["not-before-overrides-delay"].summary;
 * ```
 */
export const TRIGGER_CODES = {
  "invalid-options": { severity: "error", summary: "The options are not an object (or the batch is not an array)." },
  "unknown-option": { severity: "warning", summary: "An option the trigger does not know, e.g. `retry`; it would be ignored." },
  "missing-url": { severity: "error", summary: "No `url`: the workflow endpoint to trigger." },
  "invalid-url": { severity: "error", summary: "`url` or `failureUrl` that is not an absolute `http://` or `https://` URL." },
  "invalid-run-id": { severity: "error", summary: "A `workflowRunId` that is empty or holds characters a header cannot carry." },
  "doubled-run-id-prefix": {
    severity: "warning",
    summary: "A `workflowRunId` that already starts with `wfr_`; the SDK's prefix makes it `wfr_wfr_…`.",
  },
  "invalid-body": { severity: "error", summary: "A `body` that cannot be serialized to JSON (a BigInt, a cycle, a function)." },
  "invalid-header": {
    severity: "error",
    summary: "A forwarded header whose name is not an HTTP token or whose value holds control or non-Latin-1 characters.",
  },
  "header-value-trimmed": {
    severity: "warning",
    summary: "A forwarded header value with leading or trailing spaces, which HTTP (and the SDK's `Headers`) strip.",
  },
  "invalid-retries": { severity: "error", summary: "`retries` that is not a whole number from 0 to 1,000,000." },
  "invalid-delay": {
    severity: "error",
    summary:
      "A `delay` or `timeout` that is not a duration string or a finite, non-negative number of seconds the SDK can write (it would send `NaNs` or `1e+21s`).",
  },
  "rounded-value": {
    severity: "warning",
    summary: "A fractional `delay` (seconds) or `notBefore`, which the SDK rounds to a whole number.",
  },
  "delay-over-plan-limit": { severity: "error", summary: "A delay longer than the plan allows: 7 days on free, 1 year on pay-as-you-go." },
  "invalid-not-before": {
    severity: "error",
    summary: "`notBefore` that is not a Unix time in seconds from 0 to 8.64e12 (the last date JavaScript can hold).",
  },
  "not-before-in-milliseconds": { severity: "warning", summary: "`notBefore` so large it is probably milliseconds; it is Unix seconds." },
  "not-before-in-past": { severity: "warning", summary: "`notBefore` earlier than now; the message is delivered at once." },
  "not-before-overrides-delay": { severity: "warning", summary: "Both `delay` and `notBefore`; `notBefore` takes precedence." },
  "invalid-label": {
    severity: "error",
    summary: "A `label` that is empty or holds anything but letters, digits, `-`, `_` and `.` (the SDK's rule).",
  },
  "unknown-upstash-header": {
    severity: "warning",
    summary: "An incoming `Upstash-*` header this library does not know; a typo, or a newer feature.",
  },
  "invalid-header-value": {
    severity: "error",
    summary: "An incoming Upstash header whose value does not parse, e.g. `Upstash-Retries: three`.",
  },
  "empty-batch": { severity: "error", summary: "A batch with no items; @upstash/workflow fails on an empty trigger batch." },
  "unsafe-header": {
    severity: "error",
    summary:
      "A header name or value the library would emit holds CR, LF, NUL, a character above U+00FF, or edge whitespace: refused where the headers are assembled.",
  },
  "invalid-option-type": {
    severity: "error",
    summary: 'An option of the wrong type, e.g. `retryDelay: 1000` or `contentBasedDeduplication: "yes"`.',
  },
  "empty-value-omitted": {
    severity: "info",
    summary:
      'An empty value the SDK leaves out: `retryDelay: ""` on a trigger, `failureUrl: ""` (no failure callback), `flowControl.period: ""`, a `redact` that redacts nothing.',
  },
  "undocumented-duration": {
    severity: "warning",
    summary:
      "A duration outside the documented `<number><unit>` form (`1.5h`, `90ms`) that Upstash's Go-style parser very likely accepts; sent as given.",
  },
  "deprecated-option": {
    severity: "warning",
    summary: "`flowControl.ratePerSecond`, the SDKs' deprecated name for `rate` (ignored when `rate` is also given).",
  },
  "keyless-flow-control": {
    severity: "error",
    summary:
      "Flow control without a key. On a trigger, @upstash/workflow would send the key `undefined`: an error. On qstash requests the SDK drops the option: reported as a warning.",
  },
  "invalid-redact": {
    severity: "error",
    summary: "A `redact` that is not `{ body?: boolean, header?: true | string[] }`, or an unknown field in `Upstash-Redact-Fields`.",
  },
  "undocumented-spelling": {
    severity: "warning",
    summary:
      "`headers`/`headers[X]` in `Upstash-Redact-Fields`: the docs' spelling; the SDKs send `header`, which the server is shown to accept.",
  },
  "invalid-method": { severity: "error", summary: "A `method` other than GET, POST, PUT, PATCH and DELETE (upper case)." },
  "invalid-cron": { severity: "error", summary: "A schedule `cron` that is not five fields, optionally after `CRON_TZ=<zone> `." },
  "missing-cron": { severity: "error", summary: "A schedule without `cron`." },
  "missing-queue": { severity: "error", summary: "An enqueue without `queueName`." },
  "invalid-name": {
    severity: "error",
    summary: "A queue name or schedule id that is empty or holds anything but letters, digits, `-`, `_` and `.`.",
  },
  "run-id-without-prefix": {
    severity: "warning",
    summary:
      "An incoming `Upstash-Workflow-RunId` without `wfr_`: the SDK always adds it, so options read from it cannot reproduce the header.",
  },
  "timeout-over-plan-limit": {
    severity: "error",
    summary: "A `timeout` longer than the plan's maximum HTTP response duration (15 min free, 2 h pay-as-you-go, 12 h fixed).",
  },
  "body-over-plan-limit": {
    severity: "error",
    summary: "A body larger than the plan's maximum message size (1 MB free, 10 MB pay-as-you-go, 50 MB fixed); Upstash answers 412.",
  },
  "parallelism-over-plan-limit": {
    severity: "warning",
    summary: "A flow-control `parallelism` over the plan's account-wide maximum (10 free, 100 pay-as-you-go, 1000 fixed), which caps it.",
  },
  "duplicate-header": {
    severity: "warning",
    summary:
      "A header given twice under names that differ only in case. Building joins the values with `, ` as `fetch` does; parsing keeps the last.",
  },
} as const;

/**
 * A stable identifier for one kind of trigger-request problem.
 *
 * @example
 * ```ts
 * const code: TriggerCode = "doubled-run-id-prefix";
 * TRIGGER_CODES[code].severity; // "warning"
 * ```
 */
export type TriggerCode = keyof typeof TRIGGER_CODES;

/**
 * A diagnostic tagged with where it came from: the option `path`
 * (`retryDelay`, `flowControl.period`, `[2].delay`, `headers.X-Trace`), the
 * `input` text its span points into, and for batches the item's `index`.
 *
 * @example
 * ```ts
 * const { diagnostics } = buildTriggerRequest({ url: "https://example.com/wf", retryDelay: "Pow(2, retried)" });
 * diagnostics[0]; // { path: "retryDelay", input: "Pow(2, retried)", code: "unknown-function", … }
 * ```
 */
/**
 * Every code an option diagnostic can carry: the request's own, and those of
 * the languages its values are written in.
 *
 * @example
 * ```ts
 * const code: OptionCode = "unknown-variable"; // from retryDelay's expression
 * ```
 */
export type OptionCode = TriggerCode | ExpressionCode | DurationCode | FlowControlCode | RetryAfterCode;

export interface OptionDiagnostic<Code extends string = OptionCode> extends Diagnostic<Code> {
  readonly path: string;
  readonly input: string;
  readonly index?: number;
}
