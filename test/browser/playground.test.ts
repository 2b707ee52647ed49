/// <reference lib="dom" />
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDuration, simulateDelivery, simulateSchedule, tryCompile } from "../../src/index.js";
import { hasChromium, inlineScript, screenshots, startPlayground, typeExpression, type OpenOptions, type Playground } from "./harness.js";

/* The playground's tabs in Chromium (test/browser/harness.ts), against the library's own answers. */

describe.runIf(hasChromium)("the playground in Chromium", () => {
  let playground: Playground;

  beforeAll(async () => {
    playground = await startPlayground();
    // The library in the browser: no Node built-in may reach the bundle, and no eval.
    const bundle = inlineScript(await readFile(join(playground.dir, "index.html"), "utf8"));
    expect(bundle).not.toMatch(/["']node:/);
    expect(bundle).not.toMatch(/\bnew Function\b|(^|[^.\w])eval\s*\(/m);
  }, 60_000);

  afterAll(async () => {
    await (playground as Playground | undefined)?.close();
    expect(playground.offsite, "requests outside the page's own server").toEqual([]);
  });

  const open = (hash = "", viewport?: { width: number; height: number }): Promise<Page> =>
    playground.open(hash, viewport === undefined ? {} : ({ viewport } satisfies OpenOptions));

  it("shows the schedule of a valid expression, equal to the library's", async () => {
    const page = await open();
    await typeExpression(page, "max(1000, pow(2, retried) * 100)");
    await page.fill("#retries", "6");
    await page.waitForTimeout(300);
    expect(await page.textContent("#expression-status")).toBe(
      "valid — min 1s (retried = 0), max 3.2s (retried = 5) over 6 retries".replace("3.2s", formatDuration(3200)),
    );
    const rows = await page.$$eval("#schedule tbody tr", (trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.getAttribute("data-ms") ?? td.textContent)),
    );
    const expected = simulateSchedule({ retryDelay: "max(1000, pow(2, retried) * 100)", retries: 6, start: 0 });
    expect(expected.ok).toBe(true);
    if (expected.ok) {
      expect(rows).toEqual(
        expected.value.entries.map((e) => [
          String(e.attempt),
          e.retried === undefined ? "–" : String(e.retried),
          String(e.delayMs),
          String(e.cumulativeMs),
        ]),
      );
      expect(await page.textContent("#explanation")).toBe(expected.value.explanation);
    }
    await page.screenshot({ path: join(screenshots, "valid.png"), fullPage: true });
    await page.close();
  });

  it("underlines exactly the reported spans of an invalid expression", async () => {
    const page = await open();
    const source = "Pow(2, retries) * 1000";
    await typeExpression(page, source);
    const result = tryCompile(source);
    expect(result.ok).toBe(false);
    const marks = await page.$$eval("#expression-underlay mark", (nodes) =>
      nodes.map((m) => ({
        start: Number(m.getAttribute("data-start")),
        end: Number(m.getAttribute("data-end")),
        text: m.textContent,
        code: m.getAttribute("data-code"),
      })),
    );
    expect(marks).toEqual(
      result.diagnostics.map((d) => ({ start: d.span.start, end: d.span.end, text: source.slice(d.span.start, d.span.end), code: d.code })),
    );
    // The mirror sits under the input's own characters: same font, size and padding.
    const styles = await page.evaluate(() => {
      const pick = (id: string) => {
        const s = getComputedStyle(document.getElementById(id) as HTMLElement);
        return [s.fontFamily, s.fontSize, s.paddingLeft, s.paddingTop, s.letterSpacing];
      };
      return { input: pick("expression"), underlay: pick("expression-underlay") };
    });
    expect(styles.underlay.slice(0, 2)).toEqual(styles.input.slice(0, 2));
    const borderAdjusted = (padding: string) => Number.parseFloat(padding);
    expect(borderAdjusted(styles.underlay[2] ?? "0")).toBeCloseTo(borderAdjusted(styles.input[2] ?? "0") + 1, 0);
    // And the first mark starts where the input's first character does, the second where "retries" does.
    const box = await page.$eval("#expression-underlay mark", (m) => m.getBoundingClientRect().left);
    const inputBox = await page.$eval("#expression", (i) => i.getBoundingClientRect().left);
    expect(box - inputBox).toBeGreaterThan(5);
    expect(box - inputBox).toBeLessThan(20);
    // Hints show code as code, not as raw backticks.
    expect(await page.$$eval(".diagnostic .hint", (nodes) => nodes.map((n) => n.textContent))).toEqual(
      result.diagnostics.map((d) => `hint: ${(d.hint ?? "").replaceAll("`", "")}`),
    );
    expect(await page.$$eval(".diagnostic .hint code", (nodes) => nodes.map((n) => n.textContent))).toEqual(["pow", "retried"]);
    expect(await page.isHidden("#schedule-section")).toBe(true);
    await page.screenshot({ path: join(screenshots, "invalid.png"), fullPage: true });
    await page.close();
  });

  it("restores the state from a shared URL", async () => {
    const hash = `#${new URLSearchParams({ tab: "duration", e: "1000 * (1 + retried)", r: "4", d: "90m", go: "0", f: "rate=3" }).toString()}`;
    const page = await open(hash);
    expect(await page.getAttribute("#tab-duration", "aria-selected")).toBe("true");
    expect(await page.isVisible("#panel-duration")).toBe(true);
    expect(await page.textContent("#duration-result")).toBe("5,400,000 ms = 1h30m");
    await page.click("#tab-expression");
    expect(await page.inputValue("#expression")).toBe("1000 * (1 + retried)");
    expect(await page.$$eval("#schedule tbody tr", (rows) => rows.length)).toBe(5);
    // Changing a value writes it back into the URL.
    await page.fill("#retries", "2");
    await page.waitForTimeout(300);
    expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).get("r")).toBe("2");
    await page.screenshot({ path: join(screenshots, "shared.png"), fullPage: true });
    await page.close();
  });

  it("simulates a delivery in the Delivery tab, equal to the library's, shareable by URL", async () => {
    const hash = `#${new URLSearchParams({ tab: "delivery", dn: "2000", df: "parallelism=5, rate=10, period=1m", dr: "3", de: "pow(2, retried) * 1000", dh: "2s", dp: "0.1", dz: "7", dt: "3m" }).toString()}`;
    const page = await open(hash);
    expect(await page.getAttribute("#tab-delivery", "aria-selected")).toBe("true");
    await page.waitForSelector("#delivery-summary [data-field=makespanMs]");
    const expected = simulateDelivery({
      arrivals: { count: 2000 },
      flowControl: "parallelism=5, rate=10, period=1m",
      retries: 3,
      retryDelay: "pow(2, retried) * 1000",
      endpoint: { duration: "2s", failures: [{ probability: 0.1, status: 500 }] },
      seed: 7,
      output: { snapshots: ["3m"] },
    });
    if (!expected.ok) throw new Error("valid scenario");
    const { summary, snapshots } = expected.value;
    expect(await page.textContent("#delivery-summary [data-field=makespanMs] dd")).toBe(formatDuration(summary.makespanMs));
    expect(await page.textContent("#delivery-summary [data-field=maxWaitList] dd")).toBe(summary.maxWaitList.toLocaleString("en-US"));
    expect(await page.textContent("#delivery-summary [data-field=completed] dd")).toBe(summary.completed.toLocaleString("en-US"));
    const snapshot = JSON.parse((await page.textContent("#delivery-snapshot")) ?? "{}") as Record<string, number>;
    expect(snapshot).toMatchObject({
      waitListSize: snapshots[0]?.waitListSize,
      parallelismCount: 5,
      rateCount: snapshots[0]?.rateCount,
      rateMax: 10,
    });
    // Charts: one line for calls in flight that never passes the dashed parallelism line, bars for calls.
    expect(Number(await page.getAttribute("#delivery-flight polyline.series", "data-max"))).toBe(5);
    expect(await page.$$eval("#delivery-flight line.limit", (lines) => lines.length)).toBe(1);
    expect(await page.$$eval("#delivery-calls rect.bar", (bars) => bars.length)).toBeGreaterThan(10);
    await page.screenshot({ path: join(screenshots, "delivery-valid.png"), fullPage: true });
    // An edit re-simulates and lands in the URL.
    await page.fill("#d-flow", "parallelism=5");
    await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get("df") === "parallelism=5");
    expect(await page.textContent("#delivery-summary [data-field=callsPerPeriod] dt")).toBe("calls per 1m");
    await page.fill("#d-flow", "rate=0");
    await page.waitForSelector("#delivery-diagnostics .diagnostic[data-code=invalid-count]");
    expect(await page.textContent("#delivery-diagnostics")).toContain("flowControl");
    expect(await page.isHidden("#delivery-results")).toBe(true);
    await page.screenshot({ path: join(screenshots, "delivery.png"), fullPage: true });
    expect(playground.errors).toEqual([]);
    await page.close();
  });

  it("links the schedule view and the delivery view", async () => {
    const page = await open();
    await typeExpression(page, "1000 * (1 + retried)");
    await page.click("#to-delivery");
    expect(await page.getAttribute("#tab-delivery", "aria-selected")).toBe("true");
    expect(await page.inputValue("#d-retry-delay")).toBe("1000 * (1 + retried)");
    await page.fill("#d-retry-delay", "max(1000, pow(2, retried) * 100)");
    await page.fill("#d-retries", "5");
    await page.click("#to-schedule");
    expect(await page.getAttribute("#tab-expression", "aria-selected")).toBe("true");
    expect(await page.inputValue("#expression")).toBe("max(1000, pow(2, retried) * 100)");
    expect(await page.$$eval("#schedule tbody tr", (rows) => rows.length)).toBe(6);
    await page.close();
  });

  // A diagnostic that carries a fix, found in the library itself (issue 18 adds them); without one, the apply function's unit test covers the button's logic.
  const withFix = ["30s", "Pow(2, retried) * 1000", "pow(2, retries) * 1000", "2 ** retried", "1000ms"].find((source) => {
    const found = tryCompile(source).diagnostics;
    return found.some((d) => d.fix !== undefined || (d.suggestions ?? []).length > 0);
  });

  it.runIf(withFix !== undefined)("applies a diagnostic's fix with one click", async () => {
    const source = withFix as string;
    const page = await open();
    await typeExpression(page, source);
    const diagnostic = tryCompile(source).diagnostics.find((d) => d.fix !== undefined || (d.suggestions ?? []).length > 0);
    const fix = diagnostic?.fix ?? diagnostic?.suggestions?.[0];
    if (fix === undefined) throw new Error("unreachable");
    const button = page.locator(`.diagnostic[data-code="${diagnostic?.code ?? ""}"] button.apply`).first();
    expect((await button.textContent())?.includes("`")).toBe(false);
    await button.click();
    const repaired = source.slice(0, fix.span.start) + fix.text + source.slice(fix.span.end);
    expect(await page.inputValue("#expression")).toBe(repaired);
    await page.waitForTimeout(200);
    expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).get("e")).toBe(repaired);
    await page.close();
  });

  it("runs the other tabs, by keyboard", async () => {
    const page = await open();
    await page.focus("#tab-expression");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await page.getAttribute("#tab-flow", "aria-selected")).toBe("true");
    await page.fill("#flow", "period=1m");
    await page.waitForTimeout(300);
    expect(await page.textContent("#flow-diagnostics")).toContain("Upstash-Flow-Control-Value should be either rate=X or parallelism=Y");
    await page.keyboard.press("ArrowRight");
    await page.click("#tab-trigger");
    expect(await page.textContent("#trigger-curl")).toContain("-H 'Upstash-Retry-Delay: pow(2, retried) * 1000'");
    expect(await page.textContent("#trigger-curl")).toContain('"Authorization: Bearer $QSTASH_TOKEN"');
    // Every input has a label.
    expect(
      await page.$$eval("input", (inputs) => inputs.filter((i) => i.labels === null || i.labels.length === 0).map((i) => i.id)),
    ).toEqual([]);
    await page.screenshot({ path: join(screenshots, "trigger.png"), fullPage: true });
    expect(playground.errors).toEqual([]);
    await page.close();
  });
});
