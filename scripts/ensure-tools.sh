#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already present.
# Usage: scripts/ensure-tools.sh build   # wasm32 target, wasm-bindgen-cli, wasm-pack, npm tools
#        scripts/ensure-tools.sh test    # the above plus Debian chromium + chromium-driver
#        scripts/ensure-tools.sh fuzz    # the build tools plus cargo-fuzz
# Idempotent: every step checks first, so a warm machine spends well under a second here.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-build}"
say() { printf '\033[1m[tools]\033[0m %s\n' "$*" >&2; }

# 1. The wasm32 target for the Rust toolchain.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The standard library's source: the light tier rebuilds it for size (wasm-pack.toml).
if ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
  say "adding rustup component rust-src"
  rustup component add rust-src
fi

# 2. wasm-bindgen-cli at exactly the version of the wasm-bindgen crate in Cargo.lock.
want_wb=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock 2>/dev/null || true)
if [ -z "$want_wb" ]; then
  cargo generate-lockfile >/dev/null 2>&1 || true
  want_wb=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)
fi
have_wb=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have_wb" != "$want_wb" ]; then
  say "installing wasm-bindgen-cli $want_wb (have: ${have_wb:-none}); takes a few minutes"
  # Not --locked: the registry mirror may lack the newest patch of a dependency.
  cargo install wasm-bindgen-cli --version "$want_wb" --force
fi

# 3. wasm-pack (it uses the wasm-bindgen found on PATH).
if ! command -v wasm-pack >/dev/null 2>&1; then
  say "installing wasm-pack"
  cargo install wasm-pack
fi

# 4. npm tools (binaryen's wasm-opt, playwright-core, commonmark-spec, oracles), from package-lock.json.
if [ -f package.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages"
    if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
  fi
fi

# 5. cargo-fuzz for the fuzzing run (it needs no nightly: the Makefile sets RUSTC_BOOTSTRAP).
if [ "$what" = fuzz ] && ! command -v cargo-fuzz >/dev/null 2>&1; then
  say "installing cargo-fuzz"
  cargo install cargo-fuzz
fi

# 6. Browser for the end-to-end tests: Debian's chromium and chromedriver (never a downloaded build).
if [ "$what" = test ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian chromium and chromium-driver"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # A CJK font, so that screenshots of Chinese articles show text rather than empty boxes.
  if ! dpkg -s fonts-wqy-zenhei >/dev/null 2>&1 && ! fc-list 2>/dev/null | grep -qiE 'wenquanyi|noto (sans|serif) cjk'; then
    say "installing a CJK font (fonts-wqy-zenhei)"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-wqy-zenhei >/dev/null
  fi
fi
