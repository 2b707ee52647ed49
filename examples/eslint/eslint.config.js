// A sample project's ESLint config with the retry-delay plugin, as a user writes it.
// `retry-delay/eslint` is the built plugin (run `npm run build` first); TypeScript
// files get typescript-eslint's parser with type information, so the plugin also
// finds clients by their type.
import retryDelay from "retry-delay/eslint";
import tseslint from "typescript-eslint";

export default [
  retryDelay.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // Check against the free plan's limits, and offer the canonical form as an autofix.
    rules: {
      "retry-delay/valid-options": ["error", { plan: "free" }],
      "retry-delay/canonical": "warn",
    },
  },
];
