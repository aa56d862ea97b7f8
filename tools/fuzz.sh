#!/usr/bin/env bash
# Fuzzes the share-link decoder (core/src/codec.rs) with cargo-fuzz, for
# FUZZ_SECONDS (default 60) per target, starting from the frozen share links
# in fuzz/seeds/. Targets: FUZZ_TARGETS (default "decode wire report").
#
#   decode  any text as a payload
#   wire    any bytes as the data inside valid zlib and base64 layers
#   report  any text as an earlier result file (core/src/earlier.rs)
#
# New inputs go to fuzz/corpus/ and crashes to fuzz/artifacts/ (both ignored
# by git). A crash fails the script; replay it with
#   cargo +<toolchain> fuzz run --fuzz-dir fuzz decode fuzz/artifacts/decode/crash-...
# (with the toolchain that `tools/setup.sh release-toolchain` prints) then add
# the input to core/tests/codec.rs as a case.
#
# cargo-fuzz needs a nightly toolchain: this uses the release build's pinned
# nightly, by the name `tools/setup.sh release-toolchain` prints (it installs
# it if missing), so CI, `make build` and `make fuzz` name one toolchain.
set -euo pipefail
cd "$(dirname "$0")/.."

export PATH="$HOME/.cargo/bin:$PATH"
seconds="${FUZZ_SECONDS:-60}"
targets="${FUZZ_TARGETS:-decode wire report}"

say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

command -v rustup >/dev/null 2>&1 || die "rustup is missing: cargo-fuzz needs a nightly toolchain."
toolchain=$(tools/setup.sh release-toolchain) || die "no nightly toolchain for cargo-fuzz (see tools/setup.sh)."
if ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz (about 2 minutes the first time)"
  cargo install cargo-fuzz --locked
fi

for target in $targets; do
  [ -d "fuzz/seeds/$target" ] || die "unknown target $target: no fuzz/seeds/$target"
  mkdir -p "fuzz/corpus/$target"
  say "fuzzing $target for ${seconds}s"
  # The first folder receives new inputs; the seeds are only read.
  cargo +"$toolchain" fuzz run --fuzz-dir fuzz "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
    -max_total_time="$seconds" -max_len=20000 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
done
