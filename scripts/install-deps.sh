#!/usr/bin/env bash
# Installs what barrierfree needs to build and test, on Debian/Ubuntu. Idempotent:
# packages already present are not fetched again.
#
#   scripts/install-deps.sh            system packages + a Python virtual environment (.venv)
#   scripts/install-deps.sh --system   system packages only
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ libboost-dev libeigen3-dev nlohmann-json3-dev catch2 libmimalloc-dev libsimdjson-dev)
# A cmake, ninja or Python from elsewhere on PATH (pyenv, pip) is as good as Debian's.
command -v cmake >/dev/null 2>&1 || packages+=(cmake)
command -v ninja >/dev/null 2>&1 || packages+=(ninja-build)
python3 - >/dev/null 2>&1 <<'PY' || packages+=(python3 python3-venv python3-dev)
import os, sysconfig, venv
assert os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h"))
PY

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "install-deps: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

[ "${1:-}" = "--system" ] && exit 0

# Python: a virtual environment for the package, its tests and notebooks.
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q "scikit-build-core>=0.8" "pybind11>=2.10" "pytest>=7" "jsonschema>=4.18"
