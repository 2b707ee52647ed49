// Regenerates grammar/syntax-diagrams.html from the parser (see grammar/diagrams.ts).
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
    entryPoints: [join(root, "grammar/diagrams.ts")],
    outfile: join(out, "diagrams.mjs"),
    bundle: true,
    format: "esm",
    platform: "node",
    packages: "external",
    logLevel: "warning",
  });
  const { syntaxDiagramsHtml } = await import(pathToFileURL(join(out, "diagrams.mjs")).href);
  writeFileSync(join(root, "grammar/syntax-diagrams.html"), syntaxDiagramsHtml(root));
  console.log("wrote grammar/syntax-diagrams.html");
} finally {
  rmSync(out, { recursive: true, force: true });
}
