// What each public function costs an application that bundles it: esbuild bundles
// `import { name } from "<specifier>"` alone, for the browser, minified, and the result is
// gzipped (-9). The package is resolved through its own exports map, as an application
// resolves it (bundlers take the per-module "module" build), from the built dist/.
//
//   node bench/bundle-size.mjs     prints the table (run `npm run build` first)
//
// bench/run.mjs imports bundleSizeReport() for the default benchmark report.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { kb } from "./format.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const KB = 1024;

/**
 * Each row: what is imported, from where, and the goal it is held to
 * (issue 14), if any. The peers are measured the same way, through the API
 * their users would import to parse an expression and evaluate it.
 */
export const BUNDLE_ROWS = [
  { name: "compile", specifier: "retry-delay", imports: ["compile"], goalBytes: 48 * KB },
  { name: "compile (retry-delay/runtime)", specifier: "retry-delay/runtime", imports: ["compile"], goalBytes: 10 * KB },
  { name: "parseDuration", specifier: "retry-delay", imports: ["parseDuration"], goalBytes: 5 * KB },
  { name: "parseFlowControlValue", specifier: "retry-delay", imports: ["parseFlowControlValue"] },
  { name: "buildTriggerRequest", specifier: "retry-delay", imports: ["buildTriggerRequest"] },
  { name: "simulateSchedule", specifier: "retry-delay", imports: ["simulateSchedule"] },
  { name: "cel-js (parse, evaluate)", specifier: "@marcbachmann/cel-js", imports: ["parse", "evaluate"], peer: true },
  { name: "expr-eval (Parser)", specifier: "expr-eval", imports: ["Parser"], peer: true },
];

/** Whether a peer is installed; the package itself always resolves (it imports itself by name). */
function installed(specifier) {
  if (specifier.startsWith("retry-delay")) return true;
  // The package itself, not `<name>/package.json`: an exports map (cel-js has one) may not list that path.
  try {
    import.meta.resolve(specifier);
    return true;
  } catch {
    return false;
  }
}

/** The minified and gzipped size of an application that imports `imports` from `specifier` and nothing else. */
async function measure({ specifier, imports }) {
  const result = await build({
    stdin: { contents: `export { ${imports.join(", ")} } from ${JSON.stringify(specifier)};`, resolveDir: root, loader: "js" },
    bundle: true,
    write: false,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    legalComments: "none",
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  return { minifiedBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

/**
 * Measures every row of {@link BUNDLE_ROWS}. Returns the rows (bytes, and
 * whether each goal is met) and the same as a Markdown table.
 */
export async function bundleSizeReport() {
  const rows = [];
  for (const row of BUNDLE_ROWS) {
    const base = { name: row.name, specifier: row.specifier, imports: row.imports, peer: row.peer === true, goalBytes: row.goalBytes };
    if (!installed(row.specifier)) {
      rows.push({ ...base, minifiedBytes: undefined, gzipBytes: undefined, note: `${row.specifier} is not installed` });
      continue;
    }
    const size = await measure(row);
    rows.push({ ...base, ...size, met: row.goalBytes === undefined ? undefined : size.gzipBytes <= row.goalBytes });
  }
  return { rows, markdown: markdownTable(rows) };
}

function markdownTable(rows) {
  const lines = ["| import | from | minified | gzip -9 | goal (gzip) |", "| --- | --- | ---: | ---: | --- |"];
  for (const r of rows) {
    const what = `\`{ ${r.imports.join(", ")} }\``;
    if (r.gzipBytes === undefined) {
      lines.push(`| ${what} | \`${r.specifier}\` | — | — | ${r.note} |`);
      continue;
    }
    const goal = r.goalBytes === undefined ? "" : `≤ ${kb(r.goalBytes)}: ${r.met ? "met" : "**not met**"}`;
    lines.push(`| ${what} | \`${r.specifier}\` | ${kb(r.minifiedBytes)} | ${kb(r.gzipBytes)} | ${goal} |`);
  }
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { markdown } = await bundleSizeReport();
  console.log(`Bundle size, each import alone (esbuild ${(await import("esbuild")).version}, --minify, browser, gzip -9)\n`);
  console.log(markdown);
}
