// The three engines a visitor uses, each through its own WebDriver server:
// Chromium (Debian's chromium + chromedriver), Firefox (Debian's firefox-esr
// + geckodriver from crates.io) and WebKit (WebKitGTK's WebKitWebDriver and
// MiniBrowser, under Xvfb because WebKitGTK has no headless mode). Nothing
// is downloaded: a driver or browser that is missing makes its engine
// skipped, with the reason and the command that installs it.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Capabilities, WebDriver } from "selenium-webdriver";
import { Executor, HttpClient } from "selenium-webdriver/http/index.js";

const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** The first of these paths that exists, or null. */
const firstOf = (...paths) => paths.find((path) => path && existsSync(path)) ?? null;

/** A command on PATH, or null. */
function which(name) {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : null;
}

/** WebKitGTK's MiniBrowser, wherever the distribution put it. */
function miniBrowser() {
  for (const lib of ["/usr/lib", "/usr/libexec", "/usr/local/libexec"]) {
    if (!existsSync(lib)) continue;
    for (const dir of readdirSync(lib)) {
      const candidates = [
        join(lib, dir, "MiniBrowser"),
        ...["webkit2gtk-4.1", "webkit2gtk-4.0", "webkitgtk-6.0"].map((api) => join(lib, dir, api, "MiniBrowser")),
      ];
      const found = firstOf(...candidates);
      if (found) return found;
    }
  }
  return null;
}

const INSTALL = "run tools/setup.sh test as root, or: apt-get install firefox-esr webkit2gtk-driver xvfb xauth && cargo install geckodriver --locked";

/**
 * The engines, each with `missing` (why it cannot run here, or null) and
 * `start(port, downloads)`, which starts its driver and a session.
 */
export const ENGINES = [
  {
    name: "Chromium",
    missing() {
      if (!existsSync("/usr/bin/chromium")) return "no /usr/bin/chromium (apt-get install chromium)";
      if (!existsSync("/usr/bin/chromedriver")) return "no /usr/bin/chromedriver (apt-get install chromium-driver)";
      return null;
    },
    command: (port) => ["/usr/bin/chromedriver", [`--port=${port}`]],
    capabilities: (downloads) => ({
      browserName: "chrome",
      "goog:chromeOptions": {
        binary: "/usr/bin/chromium",
        args: [...CHROMIUM_FLAGS, "--headless=new", "--window-size=1200,900", "--lang=en-US"],
        prefs: {
          "download.default_directory": downloads,
          "download.prompt_for_download": false,
          "intl.accept_languages": "en-US",
        },
      },
    }),
    downloads: true,
  },
  {
    name: "Firefox",
    missing() {
      if (!firstOf("/usr/lib/firefox-esr/firefox-esr", which("firefox-esr"))) return `no firefox-esr (${INSTALL})`;
      if (!which("geckodriver")) return `no geckodriver (${INSTALL})`;
      return null;
    },
    command: (port) => [which("geckodriver"), ["--port", String(port), "--log", "fatal"]],
    capabilities: (downloads) => ({
      browserName: "firefox",
      "moz:firefoxOptions": {
        binary: firstOf("/usr/lib/firefox-esr/firefox-esr", which("firefox-esr")),
        args: ["-headless", "-width", "1200", "-height", "900"],
        prefs: {
          "intl.accept_languages": "en-US",
          "browser.download.folderList": 2,
          "browser.download.dir": downloads,
          "browser.download.useDownloadDir": true,
          "browser.download.always_ask_before_handling_new_types": false,
          "browser.download.manager.showWhenStarting": false,
          // No first-run pages or update checks on a test machine.
          "app.update.disabledForTesting": true,
          "browser.shell.checkDefaultBrowser": false,
          "datareporting.policy.dataSubmissionEnabled": false,
        },
      },
    }),
    downloads: true,
  },
  {
    name: "WebKit",
    missing() {
      if (!existsSync("/usr/bin/WebKitWebDriver")) return `no /usr/bin/WebKitWebDriver (${INSTALL})`;
      if (!miniBrowser()) return `no WebKitGTK MiniBrowser (${INSTALL})`;
      if (!which("xvfb-run")) return `no xvfb-run: WebKitGTK needs a display (${INSTALL})`;
      return null;
    },
    // -a: a free display number, so runs side by side do not collide.
    command: (port) => [
      which("xvfb-run"),
      ["-a", "-s", "-screen 0 1280x1024x24", "/usr/bin/WebKitWebDriver", `--port=${port}`],
    ],
    capabilities: () => ({
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": { binary: miniBrowser(), args: ["--automation"] },
    }),
    // MiniBrowser saves a download, unasked, in the user's download folder
    // (GLib's XDG user directory): one of its own, through a config folder
    // of its own.
    env(downloads) {
      const config = join(downloads, ".config");
      mkdirSync(config);
      writeFileSync(join(config, "user-dirs.dirs"), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
      return { XDG_CONFIG_HOME: config };
    },
    downloads: true,
  },
];

async function waitForDriver(url, child) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the driver exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/status`);
      if (response.ok && (await response.json()).value?.ready !== false) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no WebDriver server answered at ${url}`);
}

/**
 * Starts the engine's driver on `port` and a session in it. Returns
 * `{ driver, downloads, stop }`; `downloads` is the folder its downloads go
 * to, or null when the engine cannot report them.
 */
export async function startEngine(engine, port) {
  const downloads = mkdtempSync(join(tmpdir(), `social8020-${engine.name.toLowerCase()}-`));
  const [program, args] = engine.command(port);
  // Its own process group, so that stopping it also stops what it started
  // (Xvfb, the browser) and nothing else.
  const env = { ...process.env, ...engine.env?.(downloads) };
  const child = spawn(program, args, { detached: true, env, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr.on("data", (chunk) => (log = (log + chunk).slice(-4000)));
  const stop = async () => {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    }
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForDriver(url, child);
    const executor = new Executor(new HttpClient(url));
    const driver = await WebDriver.createSession(executor, new Capabilities(engine.capabilities(downloads)));
    await driver.getSession();
    await driver.manage().setTimeouts({ script: 10_000, pageLoad: 30_000 });
    return {
      driver,
      downloads: engine.downloads ? downloads : null,
      stop: async () => {
        await driver.quit().catch(() => {});
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw new Error(`${engine.name} did not start: ${error.message}\n${log}`);
  }
}
