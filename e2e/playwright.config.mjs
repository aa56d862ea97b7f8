// End-to-end tests: Playwright drives Debian's Chromium (never a downloaded
// browser) against the release build in dist/, served by tools/serve.mjs
// with the production CSP, under a sub-path to prove dist/ is relocatable.
import { createServer } from "node:net";
import { defineConfig } from "@playwright/test";

/** A port that nothing listens on now, as the system hands it out. */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// A free port unless E2E_PORT names one, so that runs side by side (a clean
// clone and a working tree, other projects) never collide. It is chosen
// once, by the runner, whose workers inherit the environment.
process.env.E2E_PORT ||= String(await freePort());
export const PORT = Number(process.env.E2E_PORT);
export const BASE = "/tools/80-20/";
/** Every server of the tests listens on, and is reached by, this name. */
export const HOST_NAME = "127.0.0.1";

export default defineConfig({
  testDir: ".",
  // Only the Playwright specs: e2e/engines/*.test.mjs are node:test files
  // (`make engines`), which Playwright's default pattern would also load,
  // running every engine's flows once more inside it, unchecked.
  testMatch: "**/*.spec.mjs",
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
    baseURL: `http://${HOST_NAME}:${PORT}${BASE}`,
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
    url: `http://${HOST_NAME}:${PORT}${BASE}`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
