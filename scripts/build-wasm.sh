#!/usr/bin/env bash
# Builds the WebAssembly package into www/pkg as wasm-pack.toml says, then optimizes it
# with binaryen's wasm-opt from npm, and copies the demo sample next to the page.
set -euo pipefail
cd "$(dirname "$0")/.."

# Read wasm-pack.toml (Python's tomllib: no extra dependency).
eval "$(python3 - <<'PY'
import tomllib, shlex
c = tomllib.load(open("wasm-pack.toml", "rb"))
b, o = c["build"], c.get("wasm-opt", {})
print(f"TARGET={shlex.quote(b['target'])} OUT_DIR={shlex.quote(b['out-dir'])} OUT_NAME={shlex.quote(b['out-name'])} PROFILE={shlex.quote(b['profile'])}")
print(f"OPT_ENABLED={'1' if o.get('enabled') else '0'}")
print("OPT_ARGS=(" + " ".join(shlex.quote(a) for a in o.get("args", [])) + ")")
PY
)"

wasm-pack build --"$PROFILE" --target "$TARGET" --out-dir "$OUT_DIR" --out-name "$OUT_NAME" --no-pack . >&2
wasm="$OUT_DIR/${OUT_NAME}_bg.wasm"
if [ "$OPT_ENABLED" = 1 ] && [ "$PROFILE" = release ]; then
  node_modules/.bin/wasm-opt "${OPT_ARGS[@]}" "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
fi
rm -f "$OUT_DIR/.gitignore"

# The page ships its own copy of the canonical sample so that a deployed www/ works alone.
sample=../shared/samples/sina-cross-border-ecommerce.md
mkdir -p www/samples
if [ -f "$sample" ]; then cp "$sample" www/samples/; fi

printf 'built %s (%s bytes, %s gzipped)\n' "$wasm" "$(wc -c <"$wasm")" "$(gzip -9c "$wasm" | wc -c)" >&2
