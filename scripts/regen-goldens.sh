#!/usr/bin/env bash
# Rewrites the golden check results in tests/data/golden/ from the current
# build. Run it only after reviewing what changed: the goldens are the
# reviewed record of what barrierfree says about each bundled household.
#   scripts/regen-goldens.sh && git diff tests/data/golden
set -euo pipefail
cd "$(dirname "$0")/.."
bf=${BARRIERFREE:-build/src/cli/barrierfree}
for f in data/examples/*.json; do
  name=$(basename "$f" .json)
  "$bf" check "$f" > "tests/data/golden/$name.check.json"
done
echo "rewrote $(ls tests/data/golden/*.check.json | wc -l) golden results"
