#!/usr/bin/env bash
# Sets up a fresh machine and runs barrierfree on the bundled example households.
# This is the README's main command.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --system
scripts/build.sh >/dev/null
bf=build/src/cli/barrierfree
echo "== validating the bundled households (data/examples) =="
"$bf" validate data/examples/*.json
