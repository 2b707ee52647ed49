// Builds the static site into dist/site: the playground (the library bundled
// for the browser), the typedoc API reference with the guides of docs/, and
// the syntax diagrams. `--playground` builds the playground alone; `--open`
// (with it) then serves the playground on loopback, prints the URL and tries
// to open a browser. `--port N` picks the port (default 4173, else any free one);
// `--out DIR` builds the playground into DIR instead of dist/site/playground.
import { build } from "esbuild";
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, relative, resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";
import { hostShims, lazyFullParser } from "./esbuild-plugins.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const site = `${root}dist/site`;

/**
 * The playground as one self-contained page: the library bundled into a
 * classic script and the stylesheet, both inlined into index.html, so that
 * the page works opened from disk (`file://` refuses module scripts and
 * sibling fetches). The Content-Security-Policy allows exactly those two
 * inline blocks by their SHA-256 hashes. The syntax diagrams (self-contained
 * too) sit beside it.
 */
export async function buildPlayground(outdir = `${site}/playground`) {
  mkdirSync(outdir, { recursive: true });
  const bundled = await build({
    entryPoints: [`${root}playground/app.ts`],
    write: false,
    bundle: true,
    format: "iife",
    platform: "browser",
    mainFields: ["module", "browser", "main"],
    target: "es2022",
    minify: true,
    plugins: [hostShims, lazyFullParser],
    logLevel: "warning",
  });
  const html = inlinePage({
    html: readFileSync(`${root}playground/index.html`, "utf8"),
    css: readFileSync(`${root}playground/style.css`, "utf8"),
    script: bundled.outputFiles[0].text,
  });
  writeFileSync(`${outdir}/index.html`, html);
  copyFileSync(`${root}grammar/syntax-diagrams.html`, `${outdir}/syntax-diagrams.html`);
  return outdir;
}

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** index.html with the stylesheet and the script inlined, and a policy that allows those two blocks alone. */
function inlinePage({ html, css, script }) {
  // Inside a <script> block, `</script` and `<!--` would end or confuse it: escaped, they mean the same to JavaScript.
  const js = script.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
  const style = `\n${css}`;
  const code = `\n${js}`;
  const replaceOnce = (text, from, to) => {
    if (!text.includes(from)) throw new Error(`playground/index.html has no ${from}`);
    return text.replace(from, () => to);
  };
  let page = replaceOnce(html, '<link rel="stylesheet" href="style.css" />', `<style>${style}</style>`);
  page = replaceOnce(page, '<script type="module" src="app.js"></script>', `<script>${code}</script>`);
  page = replaceOnce(page, "script-src 'self'", `script-src ${sha256(code)}`);
  return replaceOnce(page, "style-src 'self'", `style-src ${sha256(style)}`);
}

/** The commands that open a URL in the desktop's browser, per platform. */
function openers(url) {
  if (process.platform === "darwin") return [["open", [url]]];
  if (process.platform === "win32") return [["cmd", ["/c", "start", "", url]]];
  return [
    ["xdg-open", [url]],
    ["sensible-browser", [url]],
  ];
}

/** Tries each opener in turn; a machine without one (a server, CI) just keeps the printed URL. */
function openBrowser(url, log) {
  const [first, ...rest] = openers(url);
  const attempt = ([command, args], next) => {
    const child = spawn(command, args, { stdio: "ignore", detached: true });
    child.on("error", () => (next.length > 0 ? attempt(next[0], next.slice(1)) : log("no browser to open here: open the URL above")));
    child.unref();
  };
  attempt(first, rest);
}

/**
 * Serves `dir` on loopback (GET of its files only) and prints the URL;
 * `open` also tries to show it in a browser. Resolves with the server.
 */
export async function servePlayground(dir, { port = 4173, open = false, log = console.log } = {}) {
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".png": "image/png" };
  const server = createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname).replace(/^\/+/, "") || "index.html";
    const file = join(dir, name);
    if (request.method !== "GET" || relative(dir, file).startsWith("..") || !existsSync(file) || statSync(file).isDirectory()) {
      response.statusCode = 404;
      response.end("not found");
      return;
    }
    response.setHeader("content-type", types[extname(file)] ?? "application/octet-stream");
    response.end(readFileSync(file));
  });
  await new Promise((resolve, reject) => {
    server.once("error", (error) => {
      // The usual port is taken (another playground?): any free one will do.
      if (error.code === "EADDRINUSE" && port !== 0) server.listen(0, "127.0.0.1", resolve);
      else reject(error);
    });
    server.listen(port, "127.0.0.1", resolve);
  });
  const url = `http://127.0.0.1:${server.address().port}/`;
  log(`playground: ${url}  (Ctrl+C stops it)`);
  if (open) openBrowser(url, log);
  return server;
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
  const out = process.argv.indexOf("--out");
  const playground = await buildPlayground(out < 0 ? undefined : resolvePath(process.argv[out + 1] ?? "."));
  console.log(`playground: ${join(playground, "index.html")} (opens from disk too)`);
  if (!process.argv.includes("--playground")) {
    fixPlaygroundLinks(site);
    const broken = brokenLinks(site);
    if (broken.length > 0) {
      console.error(`broken links:\n  ${broken.join("\n  ")}`);
      process.exit(1);
    }
    console.log(`site: ${site} (every relative link checked)`);
  }
  if (process.argv.includes("--open") || process.argv.includes("--serve")) {
    const at = process.argv.indexOf("--port");
    const port = at < 0 ? 4173 : Number(process.argv[at + 1]);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      console.error(`--port needs a port number from 0 to 65535, not ${process.argv[at + 1] ?? "nothing"}`);
      process.exit(2);
    }
    await servePlayground(playground, { port, open: process.argv.includes("--open") });
  }
}
