// Lints this sample project with the built plugin and compares every report
// with expected.json: the rule, the place (line, column, end) inside the
// literal, the message, the suggestions and whether an autofix is offered.
// CI runs it after the tests (which build dist/).
//
//   node examples/eslint/check.mjs            compare; exit 1 and show the difference on a mismatch
//   node examples/eslint/check.mjs --update   rewrite expected.json from the current reports
import { ESLint } from "eslint";
import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";

const here = fileURLToPath(new URL(".", import.meta.url));
const expectedFile = `${here}expected.json`;

const eslint = new ESLint({ cwd: here });
const results = await eslint.lintFiles(["src"]);
const reports = results
  .map((result) => ({
    file: relative(here, result.filePath).replaceAll("\\", "/"),
    messages: result.messages.map((m) => ({
      ruleId: m.ruleId,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      message: m.message,
      ...(m.fix === undefined ? {} : { fix: m.fix.text }),
      ...(m.suggestions === undefined ? {} : { suggestions: m.suggestions.map((s) => s.desc) }),
    })),
  }))
  .sort((a, b) => a.file.localeCompare(b.file));

if (process.argv.includes("--update")) {
  writeFileSync(expectedFile, `${JSON.stringify(reports, null, 2)}\n`);
  console.log(`wrote ${relative(process.cwd(), expectedFile)}`);
} else {
  const expected = JSON.parse(readFileSync(expectedFile, "utf8"));
  if (!isDeepStrictEqual(reports, expected)) {
    console.error("examples/eslint: the plugin's reports differ from expected.json\n");
    console.error("expected:", JSON.stringify(expected, null, 2), "\n\nactual:", JSON.stringify(reports, null, 2));
    process.exit(1);
  }
  const count = reports.reduce((n, r) => n + r.messages.length, 0);
  console.log(`examples/eslint: ${count} reports in ${reports.length} files, as expected`);
}
