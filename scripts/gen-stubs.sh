#!/usr/bin/env bash
# Regenerates python/barrierfree/_core.pyi, the type stubs of the compiled module, from the
# installed package (pip install . first). tests/python/test_stubs.py fails when the
# checked-in stubs differ from what this writes.
#   scripts/gen-stubs.sh [PYTHON]
set -euo pipefail
cd "$(dirname "$0")/.."
python=${1:-.venv/bin/python}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$python" -m pybind11_stubgen barrierfree._core --output-dir "$out" --numpy-array-remove-parameters >/dev/null
cp "$out/barrierfree/_core.pyi" python/barrierfree/_core.pyi
echo "wrote python/barrierfree/_core.pyi"
