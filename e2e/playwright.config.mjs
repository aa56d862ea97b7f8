// End-to-end tests: Playwright drives Debian's Chromium (never a downloaded
// browser) against the release build in dist/, served by tools/serve.mjs
// with the production CSP, under a sub-path to prove dist/ is relocatable.
import { defineConfig } from "@playwright/test";

// E2E_PORT lets two runs (say, a clean clone and a working tree) coexist.
export const PORT = Number(process.env.E2E_PORT ?? 8181);
export const BASE = "/tools/80-20/";

export default defineConfig({
  testDir: ".",
  outputDir: "results",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    locale: "en-US",
    acceptDownloads: true,
    baseURL: `http://127.0.0.1:${PORT}${BASE}`,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: `node tools/serve.mjs dist ${PORT} ${BASE}`,
    cwd: "..",
    url: `http://127.0.0.1:${PORT}${BASE}`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
