# Social 80/20. The two commands of the README's quick start:
#   make serve   build the widget and serve it on http://127.0.0.1:8080
#   make test    run every test layer
# Both install what is missing first (tools/setup.sh), and skip what is there.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8080
WASM := --target wasm32-unknown-unknown

.PHONY: serve build test tools test-tools lint unit browser e2e engines fuzz clean bench size

## Build the release bundle into dist/ and serve it with the production headers.
serve: build
	node tools/serve.mjs dist $(PORT)

## Build the release bundle (wasm-opt at -Oz) into dist/, and prerender the
## worked example into its index.html with headless Chromium (tools/prerender.mjs).
## It is compiled with the pinned nightly that tools/setup.sh installs, for
## one size option stable Rust lacks: a panic aborts at once instead of
## formatting a message nobody sees (with panic = "abort" on stable the
## formatter, panic locations and their strings are still linked in). The
## standard library is rebuilt with it (-Zbuild-std). That takes 18.5 KB
## brotli off the wasm; everything else (lints, tests, fuzzing aside) uses
## stable. -Zlocation-detail=none and -Zfmt-debug=none were measured on top:
## under 100 bytes together, not worth what they change.
SIZE_RUSTFLAGS := -Zunstable-options -Cpanic=immediate-abort
build: tools
	RUSTUP_TOOLCHAIN=$$(tools/setup.sh release-toolchain) \
	CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
	RUSTFLAGS="$(SIZE_RUSTFLAGS)" \
	trunk build --release
	node tools/prerender.mjs dist

## Every test layer: lints, core unit and property tests, browser tests, end-to-end tests.
test: test-tools lint unit browser e2e engines size

tools:
	@tools/setup.sh build

test-tools:
	@tools/setup.sh test

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --locked -- -D warnings
	cargo clippy -p social8020 $(WASM) --all-targets --locked -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked

## Native tests: the core's unit, table and property tests, doctests, the reducer.
unit:
	cargo test --workspace --locked

## The real components in headless Chromium (wasm-bindgen-test).
browser:
	cargo test -p social8020 $(WASM) --locked --lib --test browser

## Playwright drives /usr/bin/chromium against the release build served with a strict CSP.
e2e: build
	playwright test --config e2e/playwright.config.mjs

## The same visitor flows in Chromium, Firefox and WebKit, each through its own
## WebDriver server (e2e/engines/); an engine that is not installed is skipped
## with the reason. Ports E2E_PORT+10 to +15 (ENGINES_PORT moves them).
engines: build test-tools
	node --test --test-concurrency=1 e2e/engines/

## Fuzz the share-link decoder for FUZZ_SECONDS (default 60) per target; needs nightly.
fuzz:
	tools/fuzz.sh

clean:
	cargo clean
	rm -rf dist e2e/results

## Sizes, browser timings against a plain-JS baseline, native core benches and
## share-link lengths, as one table; also bench/out/bench.json. Never fails on timings.
bench: build test-tools
	node bench/run.mjs

## The size budget as a test: wasm + JS + CSS of dist/, brotli, at most
## 150 KB (docs/spec.md §8), and embed.js at most 2 KB.
size: build
	node tools/size-guard.mjs dist
