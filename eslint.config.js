// @ts-check
// The project's own lint (issue 13): typescript-eslint's strict type-checked rules over the
// library, CLI and tests. `npm run lint` runs it; .ci/run fails on any report.
import eslint from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  {
    ignores: ["dist/**", "node_modules/**", "reports/**", ".stryker-tmp/**", "vendor/**", "site/**", "examples/eslint/**", "**/*.d.mts"],
  },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Numbers in messages ("retries must be ≤ 20, got 21") are the point of a diagnostic.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // Finding control characters is the point of the header-safety checks.
      "no-control-regex": "off",
      // `_name` marks a binding kept only to leave it out of a rest object.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Small modules that each own one idea (CONTRIBUTING.md): functions under 60 lines, files under 300.
    files: ["src/**/*.ts", "playground/**/*.ts"],
    rules: {
      "max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true }],
      "max-lines": ["error", { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Tests poke at values the types already promise and build hostile objects on purpose.
    files: ["test/**/*.ts", "test/**/*.mjs"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-dynamic-delete": "off",
      // The deprecated 0.1 names stay for one minor version, and tests prove they still work.
      "@typescript-eslint/no-deprecated": "off",
    },
  },
  {
    files: ["playground/**/*.ts"],
    languageOptions: { globals: { ...globals.browser } },
  },
);
