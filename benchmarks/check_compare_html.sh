#!/usr/bin/env bash
# Render the comparison report of the five seeds in headless Chromium: take a screenshot and fail on
# any console error or uncaught exception. Look at the screenshot afterwards.
#
#   bash benchmarks/check_compare_html.sh [OUT_DIR]        (default /tmp/zhengce-compare-check)
#
# Needs Debian's chromium: apt-get update && apt-get install -y chromium (and fonts-noto-cjk for the
# Chinese text to show). Set KEEP_TALL=1 to also take a full-length screenshot (tall.png).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/zhengce-compare-check}
mkdir -p "$out"
py=.venv/bin/python
[[ -x $py ]] || py=python3
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $browser ]]; then
  echo "chromium not found: apt-get update && apt-get install -y chromium" >&2
  exit 2
fi

# the report, through the command itself (registering `compare` in case cli.py does not list it yet)
"$py" - "$out/report.html" <<'EOF'
import sys
import zhengce.cli as cli
if "cmd_compare" not in cli.COMMAND_MODULES:
    cli.COMMAND_MODULES = tuple(cli.COMMAND_MODULES) + ("cmd_compare",)
sys.exit(cli.main(["compare", "zhengce/samples", "-o", sys.argv[1]]))
EOF

shot() {  # $1 = png, $2 = window size; chromium's own log goes to $out/chromium.log
  local profile
  profile=$(mktemp -d)
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
    --enable-logging=stderr --v=0 --screenshot="$1" --window-size="$2" "file://$out/report.html" \
    2>>"$out/chromium.log" >/dev/null || true
  rm -rf "$profile"
}
: >"$out/chromium.log"
shot "$out/report.png" 1400,1000
[[ ${KEEP_TALL:-0} == 1 ]] && shot "$out/tall.png" 1400,7000

# the page writes nothing to its console: any message it logs (console.error, an uncaught
# exception, a resource that failed to load) fails the check
errors=$(grep -E 'CONSOLE' "$out/chromium.log" || true)
if [[ ! -s $out/report.png ]]; then
  echo "FAIL: no screenshot written (see $out/chromium.log)" >&2
  exit 1
fi
if [[ -n $errors ]]; then
  echo "FAIL: console errors in the report page:" >&2
  echo "$errors" >&2
  exit 1
fi
echo "OK: $out/report.html rendered without console errors; screenshot $out/report.png ($(stat -c %s "$out/report.png") bytes)"
