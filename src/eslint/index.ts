/**
 * retry-delay for ESLint: an ESLint 10 flat-config plugin that checks the
 * Upstash Workflow and QStash request options written in code, with the same
 * builders the library runs, and reports inside the string literal.
 *
 * ```js
 * // eslint.config.js
 * import retryDelay from "retry-delay/eslint";
 * export default [retryDelay.configs.recommended];
 * ```
 *
 * `eslint` is an optional peer dependency of the package; this entry is the
 * only one that needs it.
 *
 * @packageDocumentation
 */
import type { ESLint, Linter, Rule } from "eslint";
import { canonical } from "./rules/canonical.js";
import { validOptions } from "./rules/valid-options.js";

declare const __VERSION__: string | undefined;

const rules: Record<"valid-options" | "canonical", Rule.RuleModule> = { "valid-options": validOptions, canonical };

/**
 * The plugin: its rules, and `configs.recommended`, which turns on
 * `retry-delay/valid-options` as an error for every file. `retry-delay/canonical`
 * (an autofix to canonical form) is left for you to turn on.
 *
 * @example
 * ```js
 * // eslint.config.js
 * import retryDelay from "retry-delay/eslint";
 * export default [
 *   retryDelay.configs.recommended,
 *   { rules: { "retry-delay/valid-options": ["error", { plan: "free" }], "retry-delay/canonical": "warn" } },
 * ];
 * ```
 */
const plugin: ESLint.Plugin & { readonly configs: { readonly recommended: Linter.Config } } = {
  meta: { name: "retry-delay/eslint", version: typeof __VERSION__ === "string" ? __VERSION__ : "0.0.0-source" },
  rules,
  configs: { recommended: { name: "retry-delay/recommended", plugins: {}, rules: { "retry-delay/valid-options": "error" } } },
};
// The config names the plugin itself, so it is complete on its own in a flat config.
(plugin.configs.recommended.plugins as Record<string, ESLint.Plugin>)["retry-delay"] = plugin;

export default plugin;
