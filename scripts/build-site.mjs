// Builds the static site into dist/site: the playground (the library bundled
// for the browser), the typedoc API reference with the guides of docs/, and
// the syntax diagrams. `--playground` builds the playground alone.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
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

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : path.endsWith(".html") ? [path] : [];
  });
}

/**
 * Points every link to the playground at the built one. typedoc writes
 * navigationLinks as given, which breaks on nested pages, and it treats the
 * README's link to playground/index.html as a file to copy into media/ (the
 * unbuilt source page, which is then removed).
 */
function fixPlaygroundLinks(dir) {
  for (const file of htmlFiles(dir)) {
    if (file.startsWith(join(dir, "playground"))) continue;
    const target = relative(dirname(file), join(dir, "playground", "index.html"))
      .split("\\")
      .join("/");
    const html = readFileSync(file, "utf8");
    const fixed = html.replace(/href="(?:\.\.\/)*(?:playground|media)\/index\.html"/g, `href="${target}"`);
    if (fixed !== html) writeFileSync(file, fixed);
  }
  rmSync(join(dir, "media", "index.html"), { force: true });
}

/** Every relative href and src in the site must resolve to a file: a broken link fails the build. */
export function brokenLinks(dir) {
  const broken = [];
  for (const file of htmlFiles(dir)) {
    const html = readFileSync(file, "utf8");
    for (const [, url] of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
      if (/^(?:[a-z]+:|#|\/\/)/i.test(url)) continue;
      const path = decodeURI(url.split("#")[0].split("?")[0]);
      if (path === "") continue;
      const target = join(dirname(file), path);
      if (!existsSync(target)) broken.push(`${relative(dir, file)} -> ${url}`);
    }
  }
  return broken;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes("--playground")) {
    // typedoc first: it empties its output folder. It copies the guides' linked files (EBNF, syntax diagrams) into media/.
    execFileSync(process.execPath, [`${root}node_modules/typedoc/bin/typedoc`, "--out", site], { cwd: root, stdio: "inherit" });
  }
  console.log(`playground: ${await buildPlayground()}`);
  if (!process.argv.includes("--playground")) {
    fixPlaygroundLinks(site);
    const broken = brokenLinks(site);
    if (broken.length > 0) {
      console.error(`broken links:\n  ${broken.join("\n  ")}`);
      process.exit(1);
    }
    console.log(`site: ${site} (every relative link checked)`);
  }
}
