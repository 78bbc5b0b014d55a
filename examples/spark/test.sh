#!/usr/bin/env bash
# The Spark job in local mode (local[2]) on small WARC files of our own pages; its output
# must equal `voices --json` run on each file directly. Called by .ci/run after the Swift
# tests (needs the debug build, Java 17 and PySpark).
set -euo pipefail
cd "$(dirname "$0")/../.."
VOICES="${VOICES:-$PWD/.build/debug/voices}"
[ -x "$VOICES" ] || { echo "spark test: FAILED: $VOICES is not built (swift build first)"; exit 1; }
python3 -c 'import pyspark' 2>/dev/null || { echo "spark test: FAILED: pyspark is not installed (pip install pyspark)"; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/warc"
python3 examples/spark/make_warcs.py "$work/warc" > "$work/paths.txt"
# The direct run, file by file in the list's order.
while read -r f; do "$VOICES" --json "$f" 2>>"$work/direct.err"; done < "$work/paths.txt" > "$work/expected.jsonl"
# The same through Spark, the binary shipped as a cluster would get it.
export PYSPARK_PYTHON=python3 SPARK_LOCAL_IP=127.0.0.1
# PySpark's own spark-submit (a pip install puts no shim on PATH everywhere).
submit="$(python3 -c 'import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), "bin", "spark-submit"))')"
"$submit" --master 'local[2]' --conf spark.ui.enabled=false --files "$VOICES" \
    examples/spark/voices_job.py --paths "$work/paths.txt" --output "$work/out" > "$work/spark.log" 2>&1 || {
    tail -n 40 "$work/spark.log"; echo "spark test: FAILED: spark-submit exited with an error"; exit 1; }
cat "$work"/out/part-* > "$work/actual.jsonl"
expected=$(wc -l < "$work/expected.jsonl"); files=$(wc -l < "$work/paths.txt")
if [ "$expected" -eq 0 ]; then echo "spark test: FAILED: the direct run printed nothing"; exit 1; fi
if cmp -s "$work/expected.jsonl" "$work/actual.jsonl"; then
    echo "spark test: OK: $expected JSON lines from $files WARC files in local[2], identical to voices --json run directly"
else
    diff <(head -c 2000 "$work/expected.jsonl") <(head -c 2000 "$work/actual.jsonl") | head -n 20 || true
    echo "spark test: FAILED: the Spark job's output ($(wc -l < "$work/actual.jsonl") lines) differs from voices --json ($expected lines)"
    exit 1
fi
