#!/usr/bin/env bash
# Benchmark: `voices --json` on WARC files of generated, real-sized news pages (about 80 KB
# each, with request/metadata records, redirects and images as in a crawl), gzipped one
# member per record, at two sizes: throughput (pages/s, MB/s of the .warc.gz and of the
# WARC it holds) and peak memory, which should be the same at both sizes. Builds the
# release binary first.
#
#   bench/warc.sh              # 100 MB and 1 GB of WARC (uncompressed)
#   bench/warc.sh 20 200       # other sizes, in MB
#   JOBS=1 bench/warc.sh       # one core
set -euo pipefail
cd "$(dirname "$0")/.."
export SWIFT_BACKTRACE=interactive=no
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(100 1000); fi
swift build -c release --product voices >/dev/null
bin=$(swift build -c release --show-bin-path)/voices
dir=$(mktemp -d "${TMPDIR:-/tmp}/voices-warc-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
jobs=()
[ -n "${JOBS:-}" ] && jobs=(--jobs "$JOBS")
printf '| WARC (uncompressed) | .warc.gz | pages | time | pages/s | MB/s of .warc.gz | MB/s of WARC | peak memory |\n|---|---|---|---|---|---|---|---|\n'
for mb in "${sizes[@]}"; do
    read -r pages records bytes < <(python3 bench/gen-warc.py "$dir/c.warc.gz" "$mb")
    gz=$(stat -c %s "$dir/c.warc.gz")
    /usr/bin/time -f '%e %M' -o "$dir/time" "$bin" --json "${jobs[@]}" "$dir/c.warc.gz" > "$dir/out.jsonl" 2> "$dir/err"
    read -r secs kb < "$dir/time"
    lines=$(wc -l < "$dir/out.jsonl")
    [ "$lines" -eq "$pages" ] || { echo "bench: $lines JSON lines for $pages pages" >&2; cat "$dir/err" >&2; exit 1; }
    awk -v b="$bytes" -v g="$gz" -v p="$pages" -v s="$secs" -v k="$kb" 'BEGIN {
        printf "| %.0f MB | %.0f MB | %d | %.1f s | %.0f | %.1f | %.1f | %.0f MB |\n", b/1e6, g/1e6, p, s, p/s, g/1e6/s, b/1e6/s, k/1024 }'
    rm -f "$dir/c.warc.gz" "$dir/out.jsonl"
done
