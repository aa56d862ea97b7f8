// Screenshots of the running widget, for the README and for looking at it.
// Usage: node tools/screenshot.mjs <url> <out-prefix> [full]
//   writes <prefix>-desktop.png (1200 wide) and <prefix>-phone.png (375
//   wide): the first screen, or the whole page with "full".
import { chromium } from "@playwright/test";

const [url = "http://127.0.0.1:8080/", prefix = "docs/screenshot", full] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
for (const [name, width, height, scale] of [["desktop", 1200, 1000, 1], ["phone", 375, 812, 2]]) {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: scale });
  await page.goto(url);
  // Any language: wait for the first activity row rather than an English name.
  await page.locator(".activity").first().waitFor();
  await page.screenshot({ path: `${prefix}-${name}.png`, fullPage: full === "full" });
  await page.close();
}
await browser.close();
