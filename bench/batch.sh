#!/usr/bin/env bash
# Benchmark: N generated articles (web pages with furniture, Markdown notes and plain
# text, about 5 KB each, about 5 MB in all) through `voices --json` with the default jobs
# (all cores). Builds the release binary first. Prints one line with the figure.
#
#   bench/batch.sh            # 1000 articles
#   bench/batch.sh 200 --jobs 1
set -euo pipefail
cd "$(dirname "$0")/.."
export SWIFT_BACKTRACE=interactive=no
count=${1:-1000}
shift || true
swift build -c release --product voices >/dev/null
bin=$(swift build -c release --show-bin-path)/voices
dir=$(mktemp -d "${TMPDIR:-/tmp}/voices-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT

# Articles from a fixed vocabulary, the same every run (awk's srand(42)).
awk -v count="$count" -v dir="$dir" 'BEGIN {
    srand(42)
    split("council minister harbour bridge budget talks summit union ferry school report inquiry hospital court election police river market station farmers committee residents engineers officials voters", nouns, " ")
    split("said added told warned insisted argued claimed noted explained admitted", verbs, " ")
    split("Amira Haddad|Tom Brennan|Priya Nair|Daniel Okoro|Helen Marsh|Konstantin Petrov|Glenys Parry|Colin Petts|Ana Silva|Owen Price", people, "|")
    split("the|a|new|old|local|national|late|early|public|private|long|short|strong|weak|open|closed", adjs, "|")
    for (i = 0; i < count; i++) {
        kind = i % 4 == 3 ? "md" : (i % 4 == 2 ? "txt" : "html")
        file = sprintf("%s/%04d.%s", dir, i, kind)
        title = sprintf("The %s %s and the %s %s", adjs[int(rand()*16)+1], nouns[int(rand()*24)+1], adjs[int(rand()*16)+1], nouns[int(rand()*24)+1])
        body = ""
        for (p = 0; p < 15; p++) {
            para = ""
            for (s = 0; s < 3; s++) {
                sentence = ""
                for (w = 0; w < 12; w++) sentence = sentence (w ? " " : "") (rand() < 0.3 ? adjs[int(rand()*16)+1] : nouns[int(rand()*24)+1])
                who = people[int(rand()*10)+1]
                verb = verbs[int(rand()*10)+1]
                r = rand()
                if (r < 0.3) sentence = "“" toupper(substr(sentence, 1, 1)) substr(sentence, 2) ",” " who " " verb "."
                else if (r < 0.5) sentence = who " " verb " that the " sentence "."
                else sentence = toupper(substr(sentence, 1, 1)) substr(sentence, 2) "."
                para = para (s ? " " : "") sentence
            }
            body = body para "\n"
        }
        if (kind == "html") {
            printf "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s | Bench Times</title>\n<meta property=\"og:title\" content=\"%s\"><meta name=\"author\" content=\"%s\">\n<script>var s = {\"a\": 1};</script><style>.x{color:red}</style></head>\n<body><div class=\"cookie-banner\"><p>We use cookies.</p></div>\n<header><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav></header>\n<main><article><h1>%s</h1><div class=\"article-body\">\n", title, title, people[1], title > file
            n = split(body, lines, "\n")
            for (k = 1; k < n; k++) printf "<p>%s</p>\n", lines[k] > file
            printf "</div><ul class=\"share\"><li><a href=\"#\">Share</a></li></ul></article></main>\n<aside class=\"sidebar\"><ol><li><a href=\"/a\">Most read one</a></li><li><a href=\"/b\">Most read two</a></li></ol></aside>\n<footer><p>&copy; Bench Times</p></footer></body></html>\n" > file
        } else if (kind == "md") {
            printf "# %s\n\n", title > file
            n = split(body, lines, "\n")
            for (k = 1; k < n; k++) printf "%s%s\n\n", (k == 6 ? "> " : ""), lines[k] > file
        } else {
            printf "%s\n\n", title > file
            n = split(body, lines, "\n")
            for (k = 1; k < n; k++) printf "%s\n\n", lines[k] > file
        }
        close(file)
    }
}'

bytes=$(cat "$dir"/* | wc -c)
cores=$(nproc)
# One warm-up run (page cache, dynamic loader), then the best of three.
"$bin" --json "$@" "$dir"/ >/dev/null
best=""
for _ in 1 2 3; do
    start=$(date +%s%N)
    "$bin" --json "$@" "$dir"/ >"$dir.out"
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    if [[ -z "$best" || $ms -lt $best ]]; then best=$ms; fi
done
lines=$(wc -l <"$dir.out")
rm -f "$dir.out"
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
rate=$(awk -v b="$bytes" -v ms="$best" 'BEGIN { printf "%.1f", b / 1e6 / (ms / 1000) }')
jobs="default jobs ($cores cores)"
[[ $# -gt 0 ]] && jobs="$*"
echo "voices --json: $count articles ($mb MB; html, md, txt) in $(awk -v ms="$best" 'BEGIN { printf "%.2f", ms / 1000 }') s, $rate MB/s, $lines JSON lines, $jobs — best of 3"
