#!/usr/bin/env bash
# Sets up a fresh machine and runs every test: Catch2 (via ctest) and pytest.
# This is the README's test command and what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
(cd build && ctest --output-on-failure --parallel "$(nproc 2>/dev/null || echo 2)")
.venv/bin/python -m pip install -q ".[test,notebook]"
# Every Python test runs here: the optional extras are installed, the CLI is built.
BARRIERFREE_ALL_EXTRAS=1 BARRIERFREE_CLI="$PWD/build/src/cli/barrierfree" .venv/bin/python -m pytest -q tests/python
