#!/usr/bin/env bash
# Proof of no change for a refactoring: runs two builds of the CLI (OLD_JAR, NEW_JAR) on the same frozen copy of
# results/ and compares what users see: `plan` of every experiment file (every run id and state) and the whole
# report (index.html, run pages, charts, data files), byte for byte, the generation time and duration masked.
# Usage: dev/same-output.sh OLD_JAR NEW_JAR   (from the project root; build a jar with mvn -o -q package -DskipTests)
# Exit 0 when everything is identical; otherwise prints the differing files and exits 1.
set -euo pipefail
old="${1:?usage: dev/same-output.sh OLD_JAR NEW_JAR}"; new="${2:?usage: dev/same-output.sh OLD_JAR NEW_JAR}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cp -r results "$work/results"    # frozen: a run in progress must not move between the two reports
find "$work/results" -name '*.lock' -delete   # no live process owns the copy: both builds read "stopped"

for side in old new; do
  jar="$old"; [ "$side" = new ] && jar="$new"
  mkdir -p "$work/$side/plan"
  for config in experiments/*.yaml; do
    SSGAN_JAR="$jar" ./ssgan plan "$config" --results "$work/results" --checkpoints "$work/none" > "$work/$side/plan/$(basename "$config").txt" 2>&1 || true
  done
  # one output path for both, so that paths printed in the summary or written into pages agree
  SSGAN_JAR="$jar" ./ssgan report --results "$work/results" --checkpoints "$work/none" --out "$work/report" \
    > "$work/$side/summary.txt" 2>&1
  mv "$work/report" "$work/$side/report"
  # the one line that must differ: when the report was generated
  sed -i -E 's/Generated [^ ]+ from/Generated (time) from/' "$work/$side/report/index.html"
  sed -i -E '1s/\([0-9.]+ s\)$/(time)/' "$work/$side/summary.txt"   # how long the report took
done
if diff -r -q "$work/old" "$work/new"; then
  echo "same output: plan of $(ls experiments/*.yaml | wc -l) experiment files, report ($(find "$work/new/report" -type f | wc -l) files) and terminal summary"
else
  diff -r -u "$work/old" "$work/new" | grep -a -v '^Binary files' | head -60   # the text differences, first lines
  exit 1
fi
