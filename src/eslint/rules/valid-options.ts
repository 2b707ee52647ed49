import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { Severity } from "../../diagnostics/diagnostic.js";
import { isUpstashPlan, MAX_DELAY_BY_PLAN, type UpstashPlan } from "../../duration/plans.js";
import type { OptionDiagnostic } from "../../trigger/codes.js";
import { checkSite, type Finding } from "../check-site.js";
import { edit, isTypoOf, repairsOf } from "../fixes.js";
import { locOf } from "../locate.js";
import { visitSites } from "../visit.js";

/** Which severities the rule reports: `warnings` means errors and warnings, `all` adds notes. */
const REPORTED: Readonly<Record<string, readonly Severity[]>> = {
  errors: ["error"],
  warnings: ["error", "warning"],
  all: ["error", "warning", "info"],
};

/**
 * `retry-delay/valid-options`: every literal request option of an Upstash
 * SDK call, checked by the library's own builders, reported at the
 * diagnostic's span inside the literal, with its repairs as suggestions.
 */
export const validOptions: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: {
      description: "Check Upstash Workflow and QStash request options (retryDelay, delay, flowControl, …) written as literals",
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          plan: {
            enum: Object.keys(MAX_DELAY_BY_PLAN),
            description: "Check delays, timeouts and parallelism against this Upstash plan's limits.",
          },
          report: { enum: Object.keys(REPORTED), description: "Report errors only, errors and warnings (default), or notes too." },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      diagnostic: "{{text}}",
      repair: "{{text}}",
    },
  },
  create(context) {
    const settings = (context.options[0] ?? {}) as { plan?: unknown; report?: string };
    const plan: UpstashPlan | undefined = isUpstashPlan(settings.plan) ? settings.plan : undefined;
    const reported = REPORTED[settings.report ?? "warnings"] ?? REPORTED.warnings ?? [];
    const seen = new Set<ESTree.Node>();
    // A constant used by several calls is one mistake, reported once where it is written.
    const done = new Set<string>();
    const sourceCode = context.sourceCode;
    return visitSites(context, (site) => {
      for (const finding of checkSite(site, sourceCode, plan === undefined ? {} : { plan }, seen)) {
        const { diagnostic, place } = finding;
        const key = `${String(place.range ?? place.node.range)}|${diagnostic.code}|${diagnostic.message}`;
        if (!reported.includes(diagnostic.severity) || !worthReporting(finding) || done.has(key)) continue;
        done.add(key);
        report(context, finding);
      }
    });
  },
};

/**
 * A top-level option the table does not know is reported only when it looks
 * like a typo of one it knows: the SDKs take options this library does not
 * check (`urlGroup`, `api`), and those are no mistake. Inside `flowControl`
 * and `redact` the SDK's fields are exactly the table's, so every unknown one
 * is reported.
 */
function worthReporting({ diagnostic: d }: Finding): boolean {
  if (d.code !== "unknown-option" || d.path.includes(".")) return true;
  return repairsOf(d).some((fix) => isTypoOf(d.input, fix.text));
}

function report(context: Rule.RuleContext, { diagnostic: d, place }: Finding): void {
  const suggest: Rule.SuggestionReportDescriptor[] = [];
  for (const fix of repairsOf(d)) {
    const apply = edit(fix, place, d.input);
    if (apply !== undefined) suggest.push({ messageId: "repair", data: { text: fix.message }, fix: apply });
  }
  const data = { text: messageOf(d) };
  const where = place.range === undefined ? { node: place.node } : { loc: locOf(context.sourceCode, place.range) };
  context.report({ ...where, messageId: "diagnostic", data, suggest });
}

/** The diagnostic as one line: message, hint, code. */
function messageOf(d: OptionDiagnostic): string {
  const hint = d.hint === undefined ? "" : ` — ${d.hint.replace(/\s*\n\s*/g, "; ")}`;
  return `${d.message}${hint} (${d.code})`;
}
