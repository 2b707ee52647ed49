// Builds the static site into dist/site: the playground (the library bundled
// for the browser), the typedoc API reference with the guides of docs/, and
// the syntax diagrams. `--playground` builds the playground alone.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { hostShims, lazyFullParser } from "./esbuild-plugins.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const site = `${root}dist/site`;

export async function buildPlayground(outdir = `${site}/playground`) {
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [`${root}playground/app.ts`],
    outfile: `${outdir}/app.js`,
    bundle: true,
    format: "esm",
    platform: "browser",
    mainFields: ["module", "browser", "main"],
    target: "es2022",
    minify: true,
    plugins: [hostShims, lazyFullParser],
    logLevel: "warning",
  });
  for (const file of ["index.html", "style.css"]) copyFileSync(`${root}playground/${file}`, `${outdir}/${file}`);
  return outdir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes("--playground")) {
    // typedoc first: it empties its output folder.
    execFileSync(process.execPath, [`${root}node_modules/typedoc/bin/typedoc`, "--out", site], { cwd: root, stdio: "inherit" });
    mkdirSync(`${site}/grammar`, { recursive: true });
    copyFileSync(`${root}grammar/syntax-diagrams.html`, `${site}/grammar/syntax-diagrams.html`);
  }
  console.log(`playground: ${await buildPlayground()}`);
}
