#!/usr/bin/env bash
# Run the conformance corpus's own runner (run-all.sh) against tsguard as a
# separate process, exactly as it runs the reference binary.
#
# usage: scripts/run-conformance.sh CORPUS_DIR [NAME_REGEX]
#   CORPUS_DIR  folder holding run-all.sh and cases/ (e.g. tests/conformance
#               after copying the runner there, or the corpus checkout)
#   NAME_REGEX  optional: only cases whose name matches (e.g. '^(pt-|cli-)')
# Build first (npm run build; npm ci does it through `prepare`).
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 CORPUS_DIR [NAME_REGEX]" >&2
  exit 2
fi
CORPUS=$(cd "$1" && pwd -P)
ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
if [ ! -x "$CORPUS/run-all.sh" ] && [ ! -f "$CORPUS/run-all.sh" ]; then
  echo "no run-all.sh in $CORPUS" >&2
  exit 2
fi
if [ ! -f "$ROOT/dist/cli.js" ]; then
  echo "dist/ is missing: run 'npm run build' first" >&2
  exit 2
fi
exec bash "$CORPUS/run-all.sh" "node $ROOT/bin/tsguard.js" "${2:-}"
