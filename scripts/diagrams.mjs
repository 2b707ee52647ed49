// Regenerates the grammar files from the operator and builtin tables:
// grammar/retry-delay.ebnf (see grammar/ebnf.ts) and grammar/syntax-diagrams.html,
// drawn from the chevrotain parser those tables build (see grammar/diagrams.ts).
import { build } from "esbuild";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
// Inside the project, so that the bundle resolves chevrotain from node_modules.
const cache = join(root, "node_modules/.cache");
mkdirSync(cache, { recursive: true });
const out = mkdtempSync(join(cache, "retry-delay-diagrams-"));
try {
  await build({
    entryPoints: [join(root, "grammar/diagrams.ts"), join(root, "grammar/ebnf.ts")],
    outdir: out,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    format: "esm",
    platform: "node",
    packages: "external",
    logLevel: "warning",
  });
  const { syntaxDiagramsHtml } = await import(pathToFileURL(join(out, "diagrams.mjs")).href);
  const { retryDelayEbnf } = await import(pathToFileURL(join(out, "ebnf.mjs")).href);
  writeFileSync(join(root, "grammar/retry-delay.ebnf"), retryDelayEbnf());
  console.log("wrote grammar/retry-delay.ebnf");
  writeFileSync(join(root, "grammar/syntax-diagrams.html"), syntaxDiagramsHtml(root));
  console.log("wrote grammar/syntax-diagrams.html");
} finally {
  rmSync(out, { recursive: true, force: true });
}
