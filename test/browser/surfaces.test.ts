/// <reference lib="dom" />
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPublishRequest, buildTriggerRequest, simulateSchedule, toCurl, tryCompile } from "../../src/index.js";
import { toSdkCode } from "../../src/request/sdk-code.js";
import { OPERATORS, PUNCTUATION, type OperatorRow } from "../../src/expression/operators.js";
import { hasChromium, screenshots, startPlayground, typeExpression, type Playground } from "./harness.js";

/*
 * The surfaces issue 15 asks of the playground, in Chromium: opened from
 * disk, served by `npm run playground -- --open`, a 375 px phone with 20
 * retries, dark mode, the Copy buttons, the SDK code, the notes on limits,
 * hints as text, the syntax diagrams against the parser, and keyboard and
 * screen-reader use (axe-core: no serious or critical violation).
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const TABS = ["expression", "duration", "flow", "trigger", "delivery"] as const;

describe.runIf(hasChromium)("the playground's surfaces in Chromium", () => {
  let playground: Playground;

  beforeAll(async () => {
    playground = await startPlayground();
  }, 60_000);

  afterAll(async () => {
    await (playground as Playground | undefined)?.close();
    expect(playground.offsite, "requests outside the page itself").toEqual([]);
    expect(playground.errors, "page and console errors").toEqual([]);
  });

  it("works opened from disk: one self-contained page, no module script, no fetch of a sibling", async () => {
    const html = readFileSync(join(playground.dir, "index.html"), "utf8");
    expect(html).not.toMatch(/<script[^>]*\bsrc=|type="module"|<link[^>]+stylesheet/);
    const page = await playground.open("", { from: "file" });
    expect(page.url().startsWith("file://")).toBe(true);
    await typeExpression(page, "pow(2, retried) * 1000");
    await page.fill("#retries", "4");
    await page.waitForFunction(() => document.querySelectorAll("#schedule tbody tr").length === 5);
    const expected = simulateSchedule({ retryDelay: "pow(2, retried) * 1000", retries: 4, start: 0 });
    expect(await page.textContent("#explanation")).toBe(expected.ok ? expected.value.explanation : "");
    expect(await page.isHidden("#not-built")).toBe(true);
    await page.close();
  });

  it("says how to build it when the unbuilt source page is opened from disk", async () => {
    const page = await playground.browser.newPage();
    await page.goto(pathToFileURL(join(root, "playground/index.html")).href);
    expect(await page.isVisible("#not-built")).toBe(true);
    expect(await page.textContent("#not-built")).toContain("npm run playground -- --open");
    await page.close();
  });

  it("fits a 375 px phone with 20 retries: no sideways scrolling, every row and bar on screen", async () => {
    const page = await playground.open("", { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    await typeExpression(page, "min(3600000, pow(2, retried) * 1000)");
    await page.fill("#retries", "20");
    await page.waitForFunction(() => document.querySelectorAll("#schedule tbody tr").length === 21);
    expect(await page.$$eval("#chart rect.bar", (bars) => bars.length)).toBe(20);
    const layout = await page.evaluate(() => {
      const wrap = document.querySelector(".table-wrap") as HTMLElement;
      const inside = (el: Element) => {
        const box = el.getBoundingClientRect();
        return box.left >= -0.5 && box.right <= window.innerWidth + 0.5;
      };
      return {
        page: [document.documentElement.scrollWidth, window.innerWidth],
        table: [wrap.scrollWidth, wrap.clientWidth],
        rowsInside: [...document.querySelectorAll("#schedule tbody tr")].every(inside),
        chartInside: inside(document.getElementById("chart") as Element),
        barsInside: [...document.querySelectorAll("#chart rect.bar")].every(inside),
        labels: [...document.querySelectorAll("#chart text")].map((t) => t.textContent),
        // Every label whole on screen, at a size a person can read.
        textInside: [...document.querySelectorAll("#chart text")].every(inside),
        textHeight: Math.min(...[...document.querySelectorAll("#chart text")].map((t) => t.getBoundingClientRect().height)),
      };
    });
    expect(layout.page[0]).toBeLessThanOrEqual(layout.page[1] ?? 0);
    expect(layout.table[0], "the table scrolls sideways inside its box").toBeLessThanOrEqual(layout.table[1] ?? 0);
    expect(layout.rowsInside && layout.chartInside && layout.barsInside).toBe(true);
    expect(layout.textInside).toBe(true);
    expect(layout.textHeight).toBeGreaterThanOrEqual(11);
    // The retries are numbered under their bars: all of them, or every other one on the narrowest screens.
    const numbers = layout.labels.filter((t) => /^\d+$/.test(t)).map(Number);
    expect(numbers[0]).toBe(1);
    expect(numbers.length).toBeGreaterThanOrEqual(10);
    // The last row can be scrolled to and seen.
    await page.locator("#schedule tbody tr").last().scrollIntoViewIfNeeded();
    expect(await page.locator("#schedule tbody tr").last().isVisible()).toBe(true);
    await page.screenshot({ path: join(screenshots, "phone-20.png"), fullPage: true });
    // The other tabs fit the phone too.
    for (const tab of TABS) {
      await page.click(`#tab-${tab}`);
      const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(scroll, `${tab} is wider than the phone`).toBeLessThanOrEqual(width);
    }
    await page.close();
  });

  it("follows prefers-color-scheme: dark", async () => {
    const colours = async (page: Page) =>
      page.evaluate(() => {
        const rgb = (text: string) => (text.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
        const luminance = (text: string) => rgb(text).reduce((sum, c) => sum + c, 0) / 3 / 255;
        const pick = (selector: string, property: "backgroundColor" | "color") =>
          luminance(getComputedStyle(document.querySelector(selector) as Element)[property]);
        return {
          body: pick("body", "backgroundColor"),
          text: pick("body", "color"),
          input: pick("#expression-underlay", "backgroundColor"),
          pre: pick("pre", "backgroundColor"),
        };
      });
    const page = await playground.open();
    const light = await colours(page);
    await page.emulateMedia({ colorScheme: "dark" });
    const dark = await colours(page);
    expect(light.body).toBeGreaterThan(0.9);
    expect(light.text).toBeLessThan(0.2);
    expect(dark.body).toBeLessThan(0.12);
    expect(dark.text).toBeGreaterThan(0.8);
    expect(dark.input).toBeLessThan(0.2);
    expect(dark.pre).toBeLessThan(0.2);
    await page.screenshot({ path: join(screenshots, "dark.png"), fullPage: true });
    await page.close();
  });

  it("copies the expression, the headers, the curl command and the SDK code to the clipboard", async () => {
    const page = await playground.open("#tab=trigger", { permissions: ["clipboard-read", "clipboard-write"] });
    for (const id of ["trigger-headers", "trigger-curl", "trigger-sdk"]) {
      await page.click(`button[data-copy="${id}"]`);
      await page.waitForSelector(`button[data-copy="${id}"][data-outcome=copied]`);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.textContent(`#${id}`));
    }
    expect(await page.textContent("#copy-status")).toBe("Copied the SDK code.");
    await page.click("#tab-expression");
    await page.fill("#expression", "max(1000, pow(2, retried) * 100)");
    await page.click('button[data-copy="expression"]');
    await page.waitForFunction(() => document.querySelector('button[data-copy="expression"]')?.textContent === "Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("max(1000, pow(2, retried) * 100)");
    await page.close();
  });

  it("falls back to a selection when the Clipboard API is missing, and says so when nothing can copy", async () => {
    const page = await playground.open("#tab=trigger");
    await page.evaluate(() => {
      Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined, configurable: true });
      const copied: string[] = [];
      (window as unknown as { copied: string[] }).copied = copied;
      document.execCommand = () => {
        // What a real copy would take: the selected part of the focused field.
        const field = document.activeElement as HTMLTextAreaElement;
        copied.push(field.value.slice(field.selectionStart, field.selectionEnd));
        return copied.length === 1;
      };
    });
    await page.click('button[data-copy="trigger-curl"]');
    await page.waitForSelector('button[data-copy="trigger-curl"][data-outcome=copied]');
    expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([
      await page.textContent("#trigger-curl"),
    ]);
    // The second copy fails: the text is left selected for Ctrl+C, and the page says so.
    await page.click('button[data-copy="trigger-headers"]');
    await page.waitForSelector('button[data-copy="trigger-headers"][data-outcome=failed]');
    expect(await page.evaluate(() => String(window.getSelection()))).toBe(await page.textContent("#trigger-headers"));
    expect(await page.textContent("#copy-status")).toContain("press Ctrl+C");
    await page.close();
  });

  it("shows the request as SDK code for @upstash/workflow and @upstash/qstash, from the library", async () => {
    const page = await playground.open("#tab=trigger");
    const options = {
      url: "https://example.com/api/workflow",
      body: { hello: "world" },
      retries: 5,
      retryDelay: "pow(2, retried) * 1000",
      delay: "10s",
      flowControl: { key: "user-42", rate: 10, period: "1m" },
    };
    const workflow = toSdkCode(options, { sdk: "workflow" });
    expect(await page.textContent("#trigger-sdk")).toBe(workflow.ok ? workflow.value : "");
    expect(await page.textContent("#trigger-sdk")).toContain("await client.trigger({");
    expect(await page.textContent("#trigger-curl")).toBe(toCurl(buildTriggerRequest(options).request!));
    await page.selectOption("#t-endpoint", "qstash");
    await page.waitForFunction(() => document.getElementById("trigger-sdk")?.textContent.includes("publishJSON"));
    const qstash = toSdkCode(options, { sdk: "qstash" });
    expect(await page.textContent("#trigger-sdk")).toBe(qstash.ok ? qstash.value : "");
    expect(await page.textContent("#trigger-curl")).toBe(toCurl(buildPublishRequest(options).request!));
    expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).get("tp")).toBe("qstash");
    // An invalid request has no code to copy.
    await page.fill("#t-retries", "-1");
    await page.waitForFunction(() => document.getElementById("trigger-sdk")?.textContent === "—");
    expect(await page.isDisabled('button[data-copy="trigger-sdk"]')).toBe(true);
    // So does a flow-control value that does not parse: no half request without it.
    await page.fill("#t-retries", "5");
    await page.fill("#t-flow", "rate=10, period=");
    await page.waitForSelector("#trigger-diagnostics .diagnostic");
    await page.waitForFunction(() =>
      ["trigger-headers", "trigger-curl", "trigger-sdk"].every((id) => document.getElementById(id)?.textContent === "—"),
    );
    await page.close();
  });

  it("says so when a limit applies", async () => {
    const page = await playground.open();
    await typeExpression(page, "1000 * (1 + retried)");
    expect(await page.isHidden("#retries-note")).toBe(true);
    await page.fill("#retries", "150");
    await page.waitForSelector("#retries-note:not([hidden])");
    expect(await page.textContent("#retries-note")).toContain("at most 100");
    expect(await page.$$eval("#schedule tbody tr", (rows) => rows.length)).toBe(101);
    await page.fill("#retries", "-2");
    await page.waitForFunction(() => document.getElementById("retries-note")?.textContent.includes("showing 0"));
    await page.click("#tab-delivery");
    await page.fill("#d-runs", "200000");
    await page.waitForSelector("#delivery-note:not([hidden])");
    expect(await page.textContent("#delivery-note")).toBe("Runs: at most 100,000 here, so 100,000.");
    await page.close();
  });

  it("shows hints' code as code and every message as text, never as markup", async () => {
    const page = await playground.open();
    const source = "<img src=x onerror=alert(1)> + retries";
    await typeExpression(page, source);
    const found = tryCompile(source).diagnostics;
    expect(found.length).toBeGreaterThan(0);
    expect(await page.$$eval("#diagnostics img, #expression-underlay img", (nodes) => nodes.length)).toBe(0);
    expect(await page.$$eval("#diagnostics .diagnostic", (nodes) => nodes.length)).toBe(found.length);
    const hints = await page.$$eval("#diagnostics .hint", (nodes) => nodes.map((n) => ({ text: n.textContent, html: n.innerHTML })));
    for (const hint of hints) expect(hint.text).not.toContain("`");
    expect(hints.some((h) => h.html.includes("<code>min(x, y)</code>"))).toBe(true);
    // The character the message quotes is code text, escaped, not a tag.
    expect(await page.$$eval("#diagnostics .message code", (nodes) => nodes.map((n) => n.innerHTML))).toContain("&lt;");
    await page.close();
  });

  it("draws syntax diagrams with exactly the operators the parser accepts", async () => {
    const page = await playground.browser.newPage();
    await page.goto(pathToFileURL(join(playground.dir, "syntax-diagrams.html")).href);
    await page.waitForSelector("svg .terminal");
    const terminals = await page.$$eval("svg .terminal text", (nodes) => nodes.map((n) => n.textContent));
    const shown = new Set(terminals.flatMap((text) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? "")));
    const punctuation = new Set<string>(Object.values(PUNCTUATION).map((p) => p.text));
    const operators = [...shown].filter((text) => !punctuation.has(text));
    const rows: readonly OperatorRow[] = OPERATORS;
    const infix = (row: OperatorRow): boolean => row.infix !== undefined && "operator" in row.infix;
    const accepted = rows.filter((row) => infix(row) || row.prefix !== undefined).map((r) => r.text);
    const refused = rows.filter((row) => row.infix !== undefined && "unsupported" in row.infix).map((r) => r.text);
    expect(operators.sort()).toEqual([...accepted].sort());
    for (const op of operators) {
      const row = rows.find((r) => r.text === op);
      const sample = row !== undefined && !infix(row) ? `${op}2` : `2 ${op} 3`;
      expect(tryCompile(sample).ok, sample).toBe(true);
    }
    for (const op of refused) {
      expect(shown.has(op), `${op} in the diagrams`).toBe(false);
      expect(tryCompile(`2 ${op} 3`).ok, `2 ${op} 3`).toBe(false);
    }
    expect(refused).toEqual(expect.arrayContaining(["^", "**"]));
    // And the playground links them.
    const playgroundPage = await playground.open("", { from: "file" });
    await playgroundPage.click("footer a[href='syntax-diagrams.html']");
    await playgroundPage.waitForSelector("svg .terminal");
    await playgroundPage.close();
    await page.close();
  });

  it("has no serious or critical axe-core violation on any tab, light or dark", async () => {
    const violations: string[] = [];
    for (const colorScheme of ["light", "dark"] as const) {
      const page = await playground.open("", { bypassCSP: true, colorScheme });
      await page.addScriptTag({ path: AXE });
      for (const tab of TABS) {
        await page.click(`#tab-${tab}`);
        await page.waitForTimeout(300);
        const found = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: { run(context: Document): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
            }
          ).axe;
          const result = await axe.run(document);
          return result.violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
        });
        violations.push(...found.map((v) => `${colorScheme} ${tab}: ${v}`));
      }
      await page.close();
    }
    expect(violations).toEqual([]);
  }, 120_000);

  it("reaches every control by Tab on every tab, and names every button", async () => {
    const page = await playground.open();
    for (const tab of TABS) {
      await page.click(`#tab-${tab}`);
      const controls = await page.$$eval("a[href], button, input, select, textarea, pre[tabindex]", (nodes) =>
        nodes
          .filter((n) => (n as HTMLElement).offsetParent !== null && !(n as HTMLButtonElement).disabled && (n as HTMLElement).tabIndex >= 0)
          .map((n, i) => {
            n.setAttribute("data-order", String(i));
            return i;
          }),
      );
      await page.evaluate(() => {
        (document.activeElement as HTMLElement | null)?.blur();
      });
      const reached = new Set<string>();
      for (let step = 0; step < controls.length + 5; step++) {
        await page.keyboard.press("Tab");
        reached.add((await page.evaluate(() => document.activeElement?.getAttribute("data-order"))) ?? "");
      }
      const missed = controls.filter((i) => !reached.has(String(i)));
      expect(missed, `${tab}: controls Tab never reaches`).toEqual([]);
      await page.evaluate(() => {
        for (const n of document.querySelectorAll("[data-order]")) n.removeAttribute("data-order");
      });
    }
    const unnamed = await page.$$eval(
      "button",
      (buttons) => buttons.filter((b) => (b.getAttribute("aria-label") ?? b.textContent).trim() === "").length,
    );
    expect(unnamed).toBe(0);
    await page.close();
  }, 60_000);
});

describe.runIf(hasChromium)("npm run playground -- --open", () => {
  /** Runs the command with a PATH of node alone, plus `opener` as xdg-open when given; resolves with what it printed once it serves. */
  async function serve(opener: boolean): Promise<{ output: string; opened: string; page: string }> {
    const bin = mkdtempSync(join(tmpdir(), "retry-delay-open-"));
    // node for npm's shebang and the script, sh for npm's script shell: and nothing else.
    symlinkSync(process.execPath, join(bin, "node"));
    symlinkSync("/bin/sh", join(bin, "sh"));
    const log = join(bin, "opened.txt");
    if (opener) {
      writeFileSync(join(bin, "xdg-open"), `#!/bin/sh\necho "$1" > "${log}"\n`);
      chmodSync(join(bin, "xdg-open"), 0o755);
    }
    const npm = ["/usr/bin/npm", "/usr/local/bin/npm"].find((p) => existsSync(p)) ?? "npm";
    const child = spawn(npm, ["run", "--silent", "playground", "--", "--open", "--port", "0", "--out", join(bin, "site")], {
      cwd: root,
      env: { PATH: bin, HOME: process.env.HOME ?? tmpdir() },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const found = /playground: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
          if (found && (!opener || existsSync(log)) && (opener || output.includes("no browser"))) {
            clearInterval(timer);
            resolve(found[1] ?? "");
          }
        }, 100);
        child.on("exit", (code) => {
          clearInterval(timer);
          reject(new Error(`exited ${String(code)}: ${output}`));
        });
      });
      const page = await (await fetch(url)).text();
      return { output, opened: opener ? readFileSync(log, "utf8").trim() : "", page };
    } finally {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
      rmSync(bin, { recursive: true, force: true });
    }
  }

  it("builds, serves on loopback, prints the URL and opens it in a browser", async () => {
    const { output, opened, page } = await serve(true);
    const url = /playground: (http:\S+)/.exec(output)?.[1];
    expect(opened).toBe(url);
    expect(page).toContain("<title>retry-delay playground");
  }, 90_000);

  it("keeps serving, and says so, where no browser can be opened", async () => {
    const { output, page } = await serve(false);
    expect(output).toContain("no browser to open here: open the URL above");
    expect(page).toContain("<title>retry-delay playground");
  }, 90_000);
});
