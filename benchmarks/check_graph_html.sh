#!/usr/bin/env bash
# Build the graph of the bundled seeds as an HTML page, open it in headless Chromium, fail on
# console errors, and leave a screenshot to look at.
#
#   benchmarks/check_graph_html.sh [OUT_DIR]        (default: a fresh temporary folder)
#
# Needs Debian's chromium (apt-get install -y chromium); exits 0 with a notice when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
OUT=${1:-$(mktemp -d)}
mkdir -p "$OUT"
BROWSER=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$BROWSER" ]; then
  echo "check_graph_html: no chromium on this machine; skipped" >&2
  exit 0
fi
"$PY" - "$OUT" <<'PY'
import sys
from pathlib import Path

from zhengce import cli

cli.COMMAND_MODULES = ("cmd_graph",)
out = Path(sys.argv[1])
status = cli.main(["graph", "zhengce/samples", "-o", str(out / "seeds.html"), "-o", str(out / "seeds.png")])
status |= cli.main(["graph", "zhengce/samples/yingtan_2023_skills_action.txt", "-o", str(out / "yingtan.html")])
sys.exit(status)
PY
fail=0
for page in seeds yingtan; do
  profile=$(mktemp -d)
  log="$OUT/$page.chromium.log"
  "$BROWSER" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --enable-logging=stderr --v=0 \
    --screenshot="$OUT/$page.screenshot.png" --window-size=1200,900 \
    "file://$(realpath "$OUT/$page.html")" >"$log" 2>&1 || true
  rm -rf "$profile"
  if grep -E "Uncaught|ERROR:CONSOLE" "$log"; then
    echo "check_graph_html: $page.html: console errors (see $log)" >&2
    fail=1
  fi
  if [ ! -s "$OUT/$page.screenshot.png" ]; then
    echo "check_graph_html: $page.html: no screenshot" >&2
    fail=1
  fi
done
echo "check_graph_html: pages and screenshots in $OUT"
exit $fail
