#!/usr/bin/env bash
# Builds the WebAssembly tiers into www/pkg as wasm-pack.toml says (each tier: cargo
# features, opt-level, wasm-opt arguments), optimizes each with binaryen's wasm-opt from
# npm, and copies the demo sample next to the page.
#
#   scripts/build-wasm.sh            the tiers wasm-pack.toml marks `built`
#   scripts/build-wasm.sh light full the tiers named
set -euo pipefail
cd "$(dirname "$0")/.."

# Read wasm-pack.toml (Python's tomllib: no extra dependency): one line per tier to build.
tiers=$(python3 - "$@" <<'PY'
import sys, tomllib
c = tomllib.load(open("wasm-pack.toml", "rb"))
b, tiers = c["build"], c["tiers"]
names = sys.argv[1:] or [n for n, t in tiers.items() if t.get("built")]
for n in names:
    if n not in tiers:
        sys.exit(f"wasm-pack.toml has no tier {n!r} (tiers: {', '.join(tiers)})")
    t = tiers[n]
    cargo = [] if t.get("default-features", True) else ["--no-default-features"]
    if t.get("features"):
        cargo += ["--features", ",".join(t["features"])]
    opt = t.get("wasm-opt", []) + b.get("wasm-opt-features", [])
    # A tier that rebuilds the standard library for size (its `build-std` and `rustflags`):
    # its own target dir, so that the tiers do not rebuild each other's dependencies.
    std = t.get("build-std", "")
    if std:
        cargo += ["-Z", f"build-std={std}"]
    # "|"-separated: unlike a tab, it keeps empty fields apart in `read`.
    print("|".join([
        n, b["target"], b["out-dir"], t["out-name"], b["profile"], str(t.get("opt-level", "3")),
        " ".join(opt), " ".join(cargo), " ".join(t.get("rustflags", [])),
        f"target/wasm-{n}" if std or t.get("rustflags") else "target"]))
PY
)

# One tier: its cargo build through wasm-pack, then wasm-opt.
build_tier() {
  local name=$1 target=$2 out_dir=$3 out_name=$4 profile=$5 opt_level=$6 opt_args=$7 cargo_args=$8 rustflags=$9 target_dir=${10}
  local start wasm vars
  start=$(date +%s)
  # The size flags are unstable (-Z, panic=immediate-abort) on the stable compiler:
  # RUSTC_BOOTSTRAP lets it take them, for this tier's build only. A tier without them
  # gets no variable at all (an empty one still changes cargo's fingerprints: everything
  # would rebuild, the native CLI too).
  vars=(CARGO_PROFILE_RELEASE_OPT_LEVEL="$opt_level")
  if [ -n "$rustflags" ]; then vars+=(RUSTFLAGS="$rustflags"); fi
  if [ "$target_dir" != target ]; then vars+=(CARGO_TARGET_DIR="$target_dir"); fi
  case "$rustflags $cargo_args" in *-Z*) vars+=(RUSTC_BOOTSTRAP=1) ;; esac
  # shellcheck disable=SC2086 # the cargo arguments are words
  env "${vars[@]}" wasm-pack build --"$profile" --target "$target" \
    --out-dir "$out_dir" --out-name "$out_name" --no-pack . -- $cargo_args >&2
  wasm="$out_dir/${out_name}_bg.wasm"
  # Cargo's own output still has its function names: kept for the size report per crate
  # (bench/browser/wasm-sizes.mjs, printed by make bench).
  mkdir -p target/wasm-tiers
  cp "$target_dir/wasm32-unknown-unknown/$profile/folio.wasm" "target/wasm-tiers/$name.wasm"
  if [ -n "$opt_args" ] && [ "$profile" = release ]; then
    # shellcheck disable=SC2086
    node_modules/.bin/wasm-opt $opt_args "$wasm" -o "$wasm.opt"
    mv "$wasm.opt" "$wasm"
  fi
  rm -f "$out_dir/.gitignore"
  printf 'built tier %s: %s (%s bytes, %s gzipped) in %ss\n' "$name" "$wasm" "$(wc -c <"$wasm")" \
    "$(gzip -9c "$wasm" | wc -c)" "$(($(date +%s) - start))" >&2
}

# The tiers build at once: each has long stretches on one core (the full tier's fat LTO
# link and its wasm-opt -O3, ~2.5 of its 4 minutes on a clean clone), which the other
# tier's dependencies fill. They share no files: a tier with its own flags has its own
# target dir, and each writes its own names in the out-dir.
pids=()
while IFS='|' read -r name target out_dir out_name profile opt_level opt_args cargo_args rustflags target_dir; do
  [ -n "$name" ] || continue
  build_tier "$name" "$target" "$out_dir" "$out_name" "$profile" "$opt_level" "$opt_args" "$cargo_args" "$rustflags" "$target_dir" &
  pids+=("$!")
done <<<"$tiers"
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
[ "$failed" = 0 ] || { echo "build-wasm: a tier failed to build (its messages are above)" >&2; exit 1; }

# The page ships its own copy of the canonical sample so that a deployed www/ works alone.
sample=../shared/samples/sina-cross-border-ecommerce.md
mkdir -p www/samples
if [ -f "$sample" ]; then cp "$sample" www/samples/; fi
