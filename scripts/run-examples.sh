#!/usr/bin/env bash
# Sets up a fresh machine and runs barrierfree on the bundled households: the 52 households
# of data/examples/huimin-52.jsonl are planned as a district programme would plan them.
# This is the README's main command. It leaves in out/:
#   plans.jsonl        one result per household (findings, plan, bill of quantities, proof)
#   summary.json       the programme roll-up
#   drawings/ID.svg    each home with its barriers and the modifications (A4 landscape)
#   reports/ID.html    each household's printable report (Chinese; reports-en/ in English)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --system
scripts/build.sh >/dev/null
bf=build/src/cli/barrierfree
households=data/examples/huimin-52.jsonl
mkdir -p out

echo "== validating the bundled households =="
"$bf" validate --quiet data/examples/*.json "$households"

echo "== planning $(wc -l < "$households") households (barrierfree batch) =="
"$bf" batch "$households" -o out/plans.jsonl --summary out/summary.json

echo "== drawings and reports =="
"$bf" render "$households" --plan -o out/drawings
"$bf" report "$households" -o out/reports
"$bf" report "$households" --lang en -o out/reports-en

echo
echo "Done: out/plans.jsonl, out/summary.json, out/drawings/*.svg, out/reports/*.html"
