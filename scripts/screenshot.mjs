// Regenerates the README's pictures of the playground: docs/playground.png
// (desktop), docs/playground-phone.png (a 375 px phone, 20 retries) and
// docs/playground-dark.png (dark mode, the Trigger tab's SDK code). The built
// page is opened from disk in Debian's Chromium (apt-get install -y chromium).
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { buildPlayground } from "./build-site.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = await buildPlayground(join(tmpdir(), `retry-delay-screenshot-${process.pid}`));
const page = pathToFileURL(join(dir, "index.html")).href;
const hash = (state) => `#${new URLSearchParams(state).toString()}`;

/** Each picture: where it goes, the browser's settings, the page's state, and the part of the page it shows. */
const SHOTS = [
  {
    file: "docs/playground.png",
    context: { viewport: { width: 1000, height: 760 } },
    state: { tab: "expression", e: "min(3600000, pow(2, retried) * 1000)", r: "14" },
    clip: { x: 0, y: 0, width: 1000, height: 760 },
  },
  {
    file: "docs/playground-phone.png",
    context: { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    state: { tab: "expression", e: "min(3600000, pow(2, retried) * 1000)", r: "20" },
    fullPage: true,
  },
  {
    file: "docs/playground-dark.png",
    context: { viewport: { width: 1000, height: 1100 }, colorScheme: "dark" },
    state: { tab: "trigger" },
    clip: { x: 0, y: 0, width: 1000, height: 1100 },
  },
];

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
  for (const shot of SHOTS) {
    const tab = await browser.newPage({ deviceScaleFactor: 1, ...shot.context });
    await tab.goto(`${page}${hash(shot.state)}`);
    await tab.waitForSelector("html[data-ready=true]");
    // The chart redraws once it knows its width on screen.
    await tab.waitForTimeout(300);
    await tab.screenshot({ path: join(root, shot.file), ...(shot.clip ? { clip: shot.clip } : { fullPage: true }) });
    console.log(`wrote ${shot.file}`);
    await tab.close();
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
