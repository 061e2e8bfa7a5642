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

# 2. npm tools (binaryen's wasm-opt, playwright-core, commonmark-spec, oracles), from package-lock.json.
npm_tools() {
  if [ -f package.json ]; then
    if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
      say "installing npm packages"
      if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
    fi
  fi
}

# 3. Browser for the end-to-end tests: Debian's chromium and chromedriver (never a downloaded build),
#    and a CJK font, so that screenshots of Chinese articles show text rather than empty boxes.
browser() {
  local packages=()
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then packages+=(chromium chromium-driver); fi
  # (dpkg-query's status, not `dpkg -s`: a removed package whose configuration is left
  # still answers `dpkg -s`.)
  if ! dpkg-query -W -f='${Status}' fonts-wqy-zenhei 2>/dev/null | grep -q 'ok installed' && ! fc-list 2>/dev/null | grep -qiE 'wenquanyi|noto (sans|serif) cjk'; then
    packages+=(fonts-wqy-zenhei)
  fi
  [ "${#packages[@]}" -gt 0 ] || return 0
  say "installing Debian packages: ${packages[*]}"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
}

# 2 and 3 wait on the network and the disk, not the processor: they run while cargo builds
# the tools of 4 and 5 (about a minute less on a clean clone).
npm_tools & background=("$!")
if [ "$what" = test ]; then browser & background+=("$!"); fi

# 4 and 5 build in one target dir: the crates they share build once (−20 s).
tools_target=target/tools

# 4. wasm-bindgen-cli at exactly the version of the wasm-bindgen crate in Cargo.lock.
want_wb=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock 2>/dev/null || true)
if [ -z "$want_wb" ]; then
  cargo generate-lockfile >/dev/null 2>&1 || true
  want_wb=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)
fi
have_wb=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have_wb" != "$want_wb" ]; then
  say "installing wasm-bindgen-cli $want_wb (have: ${have_wb:-none}); takes a few minutes"
  # Not --locked: the registry mirror may lack the newest patch of a dependency.
  # --debug: half the build time (1.8 against 3.5 min on a clean clone), and its output
  # is the same bytes; it takes 1.6 s instead of 0.3 for the full tier.
  cargo install wasm-bindgen-cli --version "$want_wb" --force --debug --target-dir "$tools_target"
fi

# 5. wasm-pack (it uses the wasm-bindgen found on PATH).
if ! command -v wasm-pack >/dev/null 2>&1; then
  say "installing wasm-pack"
  # --debug: it only runs cargo and wasm-bindgen (1.5 against 2.5 min to build).
  cargo install wasm-pack --debug --target-dir "$tools_target"
fi

# 6. cargo-fuzz for the fuzzing run (it needs no nightly: the Makefile sets RUSTC_BOOTSTRAP).
if [ "$what" = fuzz ] && ! command -v cargo-fuzz >/dev/null 2>&1; then
  say "installing cargo-fuzz"
  cargo install cargo-fuzz
fi

failed=0
for pid in "${background[@]}"; do wait "$pid" || failed=1; done
[ "$failed" = 0 ] || { say "installing the npm packages or the browser failed (see above)"; exit 1; }
