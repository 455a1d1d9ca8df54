#!/usr/bin/env bash
# The screenshots of the README: a region's report (the 偏关县 plan of the report tests) and the
# overview, rendered by Debian's headless Chromium. Usage: docs/screenshots.sh (after swift build).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
.build/debug/practiced report --profiles Tests/CLITests/Fixtures/reports/profiles.jsonl --out "$OUT" --format html
shot() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$OUT/chromium" \
  --screenshot="$2" --window-size="$3" "file://$OUT/$1" 2>/dev/null; }
shot G3.html docs/report-region.png 1000,2600
shot index.html docs/report-overview.png 1300,700
echo "docs/report-region.png docs/report-overview.png"
