/// <reference lib="dom" />
import { existsSync, mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { expect } from "vitest";
import { buildPlayground } from "../../scripts/build-site.mjs";

/*
 * The playground in a real browser, shared by the Chromium test files:
 * Debian's Chromium driven by playwright-core (`.ci/run` installs it; no
 * browser is downloaded). The built page is served on a random loopback
 * port, and opened from disk too; every request anywhere else is refused and
 * recorded. Screenshots go to a temporary folder, never into the repository.
 */

export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM) || process.env.CI !== undefined;
export const screenshots = join(tmpdir(), "retry-delay-playground");
const TYPES: Readonly<Record<string, string>> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css" };

export interface OpenOptions extends BrowserContextOptions {
  /** `file` opens the built index.html from disk instead of the server. */
  readonly from?: "server" | "file";
}

export interface Playground {
  /** The built folder (index.html, syntax-diagrams.html). */
  readonly dir: string;
  readonly base: string;
  readonly browser: Browser;
  /** Requests to anywhere but the page's own server or folder. */
  readonly offsite: string[];
  /** Page errors and console errors. */
  readonly errors: string[];
  open(hash?: string, options?: OpenOptions): Promise<Page>;
  close(): Promise<void>;
}

export async function startPlayground(): Promise<Playground> {
  if (!existsSync(CHROMIUM)) throw new Error("Chromium is not installed: apt-get install -y chromium");
  const dir = await buildPlayground(join(tmpdir(), `retry-delay-site-${process.pid}-${Math.random().toString(36).slice(2)}`, "playground"));
  const root = join(dir, "..");
  const server = createServer((request, response) => void serve(request, response));
  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname)).replace(/^[/\\]+/, "");
    try {
      const file = join(root, path.endsWith("/") || path === "" ? `${path}index.html` : path);
      if (!file.startsWith(root)) throw new Error("outside");
      response.setHeader("content-type", TYPES[extname(file)] ?? "application/octet-stream");
      response.end(await readFile(file));
    } catch {
      response.statusCode = 404;
      response.end();
    }
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  mkdirSync(screenshots, { recursive: true });
  const offsite: string[] = [];
  const errors: string[] = [];
  const fileBase = `file://${dir}/`;

  async function open(hash = "", options: OpenOptions = {}): Promise<Page> {
    const { from = "server", ...context } = options;
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, ...context });
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(base) || url.startsWith(fileBase) || url.startsWith("data:")) return route.continue();
      offsite.push(url);
      return route.abort();
    });
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto(from === "file" ? `${fileBase}index.html${hash}` : `${base}/playground/${hash}`);
    await page.waitForSelector("html[data-ready=true]");
    return page;
  }

  async function close(): Promise<void> {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }

  return { dir, base, browser, offsite, errors, open, close };
}

/** Types an expression key by key, as a person does, and waits for the page to render it. */
export async function typeExpression(page: Page, source: string): Promise<void> {
  await page.fill("#expression", "");
  await page.locator("#expression").pressSequentially(source);
  // The page renders 120 ms after the last keystroke.
  await page.waitForFunction(
    (expected) => document.getElementById("expression-underlay")?.textContent.trimEnd() === expected.trimEnd(),
    source,
  );
  await page.waitForTimeout(200);
}

/** The page's own script: the one inline block of the self-contained page. */
export function inlineScript(html: string): string {
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "");
  expect(scripts).toHaveLength(1);
  return scripts[0] ?? "";
}
