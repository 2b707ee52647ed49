// Regenerates docs/playground.png, the README's picture of the playground:
// the built page in Debian's Chromium (apt-get install -y chromium), served on loopback.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { buildPlayground } from "./build-site.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = await buildPlayground(join(tmpdir(), `retry-delay-screenshot-${process.pid}`));
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css" };
const server = createServer(async (request, response) => {
  const name = new URL(request.url ?? "/", "http://localhost").pathname.replace(/^\/+/, "") || "index.html";
  try {
    response.setHeader("content-type", types[extname(name)] ?? "application/octet-stream");
    response.end(await readFile(join(dir, name.replace(/\.\./g, ""))));
  } catch {
    response.statusCode = 404;
    response.end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 760 }, deviceScaleFactor: 1 });
  const hash = new URLSearchParams({ tab: "expression", e: "min(3600000, pow(2, retried) * 1000)", r: "14" }).toString();
  await page.goto(`http://127.0.0.1:${server.address().port}/index.html#${hash}`);
  await page.waitForSelector("html[data-ready=true]");
  await page.screenshot({ path: `${root}docs/playground.png`, clip: { x: 0, y: 0, width: 1000, height: 760 } });
  console.log("wrote docs/playground.png");
} finally {
  await browser.close();
  server.close();
}
