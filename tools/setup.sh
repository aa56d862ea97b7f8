#!/usr/bin/env bash
# Installs what `make` needs, idempotently: each step checks first and skips
# what is already there. `tools/setup.sh build` is enough to build and serve;
# `tools/setup.sh test` adds the other browsers and the test tools. (The
# build needs Chromium too: it prerenders the worked example.)
#
# Everything comes from package registries (crates.io, npm, Debian); nothing
# is fetched from GitHub, and Trunk is never allowed to fetch its own tools.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The driver of Firefox for the cross-engine tests (crates.io; the npm
# package of that name downloads a binary from elsewhere).
GECKODRIVER_VERSION=0.37.1
# The release build's toolchain: a pinned nightly, for the size flags that
# stable Rust lacks (see SIZE_RUSTFLAGS in the Makefile). The commit is what
# identifies it when it is installed under the plain name "nightly".
NIGHTLY=nightly-2026-05-20
NIGHTLY_COMMIT=e50aa6fba4e63ab34c72bf9acfd2c307c1155d1a
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

need_command() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is missing. $2"
}

# True when the command's output has a line that is exactly $1. The output
# is read whole first: under pipefail, `cmd | grep -q` fails at random when
# grep stops reading before cmd has written everything (cmd dies of the
# closed pipe), which made this script miss a toolchain that was there.
has_line() {
  local line=$1 out
  shift
  out=$("$@" 2>/dev/null) || return 1
  grep -qxF -- "$line" <<<"$out"
}

# The wasm-bindgen version that Cargo.lock pins; the CLI must match it.
bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

rust_tools() {
  need_command cargo "Install Rust with rustup: https://rustup.rs (then open a new shell)."
  need_command rustup "Install Rust with rustup: https://rustup.rs (the wasm32 target needs rustup)."
  if ! has_line wasm32-unknown-unknown rustup target list --installed; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  [ -f Cargo.lock ] || cargo generate-lockfile
  # Trunk builds offline, so every crate must be in the local registry.
  cargo fetch --locked >/dev/null 2>&1 || cargo fetch
  if ! has_line "trunk $TRUNK_VERSION" trunk --version; then
    say "installing Trunk $TRUNK_VERSION (about 15 minutes the first time)"
    cargo install trunk --locked --version "$TRUNK_VERSION"
  fi
  local want
  want=$(bindgen_version)
  [ -n "$want" ] || die "Cargo.lock has no wasm-bindgen entry."
  if ! has_line "wasm-bindgen $want" wasm-bindgen --version; then
    say "installing wasm-bindgen-cli $want (about 5-8 minutes the first time)"
    # Not --locked: its lock file pins a webpki-roots release the registry lacks.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

# Prints the name of the pinned nightly, installing it (with the standard
# library's source, which -Zbuild-std compiles) if no toolchain has its commit.
release_toolchain() {
  local name="" host installed
  host=$(rustc -vV | sed -n 's/^host: //p')
  # The names alone ("nightly-x86_64-unknown-linux-gnu"), without "(active)".
  installed=$(rustup toolchain list | sed 's/ .*//')
  for candidate in "$NIGHTLY" nightly; do
    # Listed first: `rustup run` would install a missing toolchain itself.
    grep -qxF -- "$candidate-$host" <<<"$installed" || continue
    if has_line "commit-hash: $NIGHTLY_COMMIT" rustup run "$candidate" rustc -vV; then
      name=$candidate
      break
    fi
  done
  if [ -z "$name" ]; then
    say "installing Rust $NIGHTLY for the release build (a few minutes the first time)"
    rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src >&2
    name=$NIGHTLY
  fi
  if ! has_line rust-src rustup component list --toolchain "$name" --installed; then
    say "adding the standard library's source to $name"
    rustup component add rust-src --toolchain "$name" >&2
  fi
  # Trunk builds offline, so the crates the standard library depends on
  # must be downloaded too (the same -Zbuild-std as the Makefile's build).
  if ! RUSTUP_TOOLCHAIN=$name CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    cargo fetch --locked --offline --target wasm32-unknown-unknown >/dev/null 2>&1; then
    say "downloading the standard library's dependencies for $name"
    RUSTUP_TOOLCHAIN=$name CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
      cargo fetch --locked --target wasm32-unknown-unknown >&2
  fi
  printf '%s\n' "$name"
}

node_tools() {
  need_command node "Install Node.js 20 or later (Debian: apt-get install nodejs npm)."
  need_command npm "Install npm (Debian: apt-get install npm)."
  # node_modules/.package-lock.json is written by npm after a complete install.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing the npm tools (wasm-opt, esbuild, Playwright, axe-core, selenium-webdriver)"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  fi
  has_line "wasm-opt version 131 (version_131)" wasm-opt --version || die "wasm-opt from npm binaryen 131 is not on PATH."
}

browser() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    return
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Chromium and ChromeDriver from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends chromium chromium-driver \
      || { apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver; }
  else
    die "the tests need Chromium at /usr/bin/chromium and ChromeDriver at /usr/bin/chromedriver.
  On Debian or Ubuntu, as root: apt-get install chromium chromium-driver
  Elsewhere, install Chromium and a matching ChromeDriver and link them to those paths."
  fi
}

# LibreOffice Calc, which e2e/trust.spec.mjs runs headless to prove that an
# exported CSV runs no formula whichever separator a spreadsheet splits on.
spreadsheet() {
  command -v soffice >/dev/null 2>&1 && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing LibreOffice Calc from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends libreoffice-calc \
      || { apt-get update && apt-get install -y --no-install-recommends libreoffice-calc; }
  else
    die "the tests need LibreOffice Calc (soffice). On Debian or Ubuntu, as root: apt-get install libreoffice-calc"
  fi
}

# Firefox and WebKit for the cross-engine tests (e2e/engines/): Debian's
# firefox-esr with geckodriver, and WebKitGTK's WebKitWebDriver, which needs
# a display (Xvfb). Where they cannot be installed this only warns: the
# suite then says which engine it skips and why.
engines() {
  local packages=()
  command -v firefox-esr >/dev/null 2>&1 || packages+=(firefox-esr)
  [ -x /usr/bin/WebKitWebDriver ] || packages+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null 2>&1 || packages+=(xvfb xauth)
  if [ ${#packages[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      say "installing ${packages[*]} from Debian (Firefox and WebKit for the cross-engine tests)"
      export DEBIAN_FRONTEND=noninteractive
      apt-get install -y --no-install-recommends "${packages[@]}" \
        || { apt-get update && apt-get install -y --no-install-recommends "${packages[@]}"; } \
        || say "warning: could not install ${packages[*]}; the cross-engine tests will skip what is missing"
    else
      say "warning: ${packages[*]} missing and cannot be installed here (needs root and apt-get):
  the cross-engine tests will skip Firefox or WebKit. On Debian or Ubuntu, as root:
  apt-get install firefox-esr webkit2gtk-driver xvfb xauth"
    fi
  fi
  if ! has_line "geckodriver $GECKODRIVER_VERSION" geckodriver --version; then
    say "installing geckodriver $GECKODRIVER_VERSION (about 4 minutes the first time)"
    cargo install geckodriver --locked --version "$GECKODRIVER_VERSION" \
      || say "warning: could not build geckodriver; the cross-engine tests will skip Firefox"
  fi
}

case "${1:-}" in
  build) rust_tools; release_toolchain >/dev/null; node_tools; browser ;;
  test) rust_tools; release_toolchain >/dev/null; node_tools; browser; spreadsheet; engines ;;
  release-toolchain) release_toolchain ;;
  *) die "usage: tools/setup.sh build|test|release-toolchain" ;;
esac
