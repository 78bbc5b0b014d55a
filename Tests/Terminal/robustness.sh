#!/usr/bin/env bash
# Terminal robustness of the interactive reader, in a real terminal (tmux):
#   - q, Ctrl-C, SIGTERM, SIGHUP, SIGQUIT and a forced crash (--debug-crash) leave `stty`
#     sane (icanon echo isig) with the expected exit status;
#   - a storm of 100 resizes in about 3 seconds leaves the reader alive and drawing exactly
#     what a fresh reader draws at the final size;
#   - an article full of escape sequences shows them as visible symbols (␛) and changes
#     nothing in the terminal: the window title, the colours of what is printed after,
#     the alternate screen and the cursor stay as they were.
# Usage: Tests/Terminal/robustness.sh [path/to/voices]   (default .build/debug/voices)
# Exit 0 when every case passes, 1 otherwise; 77 (skip) without tmux.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
V="${1:-${VOICES_BIN:-$root/.build/debug/voices}}"
command -v tmux >/dev/null || { echo "skip: tmux is not installed"; exit 77; }
[ -x "$V" ] || { echo "skip: no binary at $V (swift build first)"; exit 77; }
"$V" --help 2>/dev/null | grep -q . || { echo "skip: $V does not run"; exit 77; }
work="$(mktemp -d "${TMPDIR:-/tmp}/voices-term.XXXXXX")"
sock="voices-robust-$$"
cleanup() {
    # Stop what the panes still run (by their pids), then the server.
    for pid in $(tmux -L "$sock" list-panes -a -F '#{pane_pid}' 2>/dev/null); do
        pkill -TERM -P "$pid" 2>/dev/null; kill -TERM "$pid" 2>/dev/null
    done
    tmux -L "$sock" kill-server 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
export SWIFT_BACKTRACE=enable=no

# Our own article: a headline, speakers, quotes, long enough to page.
{
    printf 'Harbour Board Delays the Vote on the Old Pier\n\n'
    for i in $(seq 1 40); do
        printf '"We need more time, and paragraph %d says so," said Mayor Ana Ruiz. Councillor Tomas Kerr called the delay "a show" and left early.\n\n' "$i"
    done
} > "$work/article.txt"
# Every kind of escape an article could use to drive a terminal.
{
    printf 'Escapes in the Newsroom\n\n'
    printf 'Title change \033]0;PWNED-TITLE\007 and \033]2;PWNED-2\033\\ here, "said" Ana Ruiz.\n\n'
    printf 'Colour \033[31;1mRED-TEXT\033[0m and background \033[48;5;196mBG\033[49m, "a quote," said Tomas Kerr.\n\n'
    printf 'Screen \033[2J\033[H clear, \033[?1049l leave alternate, \033c reset, \033[?25l hide cursor, \033[5;5H move.\n\n'
    printf 'Clipboard \033]52;c;cHduZWQ=\007, hyperlink \033]8;;http://example.com\033\\link\033]8;;\033\\, C1 \302\233 31m, bell \007.\n\n'
    printf 'Keys \033[200~paste\033[201~ and DCS \033P+q544e\033\\ and a backspace\010\010 and DEL\177.\n'
} > "$work/escapes.txt"
# Escapes inside the headline and a quotation (what the plain listing prints).
printf 'Headline \033]0;PWNED-TITLE\007 here\n\n"We said \033]2;PWNED-2\033\\ it \033[2J\033[?1049h," said Ana Ruiz.\n' > "$work/escapes-quoted.txt"

failures=0
pass() { printf '  ok   %s\n' "$1"; }
fail() { printf '  FAIL %s\n' "$1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/       | /'; failures=$((failures + 1)); }

# start NAME WIDTH HEIGHT ARGS... — runs voices in a pane; after it exits the pane prints
# "exit=N", the stty flags that matter, and a line the test can look for.
start() {
    local name=$1 w=$2 h=$3; shift 3
    local args=""; for a in "$@"; do args+=" '$a'"; done
    tmux -L "$sock" new-session -d -s "$name" -x "$w" -y "$h" \
        "env LANG=C.UTF-8 TERM=xterm-256color NO_COLOR=\${NO_COLOR:-} sh -c 'trap : INT QUIT; \"$V\"$args; echo \"exit=\$?\"; stty -a | tr \" ;\" \"\\n\\n\" | grep -E \"^-?(icanon|echo|isig)\$\" | tr \"\\n\" \" \"; echo; printf \"after-exit\\n\"; sleep 600'"
    tmux -L "$sock" set-option -t "$name" remain-on-exit on >/dev/null
}
screen() { tmux -L "$sock" capture-pane -p -t "$1" "${@:2}"; }
wait_for() {  # NAME TEXT [SECONDS]
    local deadline=$(( $(date +%s) + ${3:-10} ))
    while [ "$(date +%s)" -le "$deadline" ]; do
        screen "$1" | grep -qF -- "$2" && return 0
        sleep 0.1
    done
    return 1
}
voices_pid() { pgrep -P "$(tmux -L "$sock" display-message -p -t "$1" '#{pane_pid}')" | head -1; }
sane() { screen "$1" | grep -E '^(-?(icanon|echo|isig) ?)+$' | grep -qvE -- '-icanon|-echo|-isig'; }
main_screen() { [ "$(tmux -L "$sock" display-message -p -t "$1" '#{alternate_on}')" = 0 ] && [ "$(tmux -L "$sock" display-message -p -t "$1" '#{cursor_flag}')" = 1 ]; }
exit_code() { screen "$1" | grep -o 'exit=[0-9]*' | head -1 | cut -d= -f2; }

echo "== leaving the reader =="
# Every signal whose default action ends the process (and that can be caught) restores the
# terminal: 128 + the signal, stty sane, the main screen back, the cursor shown.
for c in "q:0" "C-c:130" "TERM:143" "HUP:129" "QUIT:131" "USR1:138" "USR2:140" "ALRM:142" "VTALRM:154" "PROF:155" \
         "XCPU:152" "XFSZ:153" "STKFLT:144" "PWR:158" "IO:157" "RTMIN:162" "RTMAX:192" "crash:crash"; do
    how=${c%%:*}; want=${c#*:}
    name="leave-$how"
    if [ "$how" = crash ]; then start "$name" 100 30 --debug-crash "$work/article.txt"
    else start "$name" 100 30 "$work/article.txt"; fi
    if [ "$how" != crash ] && ! wait_for "$name" "Harbour Board" 10; then fail "$how: the reader never drew" "$(screen "$name")"; continue; fi
    case $how in
        q|C-c) tmux -L "$sock" send-keys -t "$name" "$how" ;;
        crash) ;;
        *) kill "-$how" "$(voices_pid "$name")" ;;
    esac
    if ! wait_for "$name" "after-exit" 10; then fail "$how: voices did not exit" "$(screen "$name")"; continue; fi
    got=$(exit_code "$name")
    if [ "$want" = crash ]; then
        [ "${got:-0}" -ne 0 ] && sane "$name" && screen "$name" | grep -q "debug crash requested" \
            && pass "forced crash: exit $got, stty sane, the crash message stays visible" \
            || fail "forced crash: exit $got" "$(screen "$name")"
    else
        [ "$got" = "$want" ] && sane "$name" && main_screen "$name" && pass "$how: exit $got, stty sane, main screen, cursor shown" \
            || fail "$how: exit $got (want $want), alternate_on $(tmux -L "$sock" display-message -p -t "$name" '#{alternate_on}'), cursor_flag $(tmux -L "$sock" display-message -p -t "$name" '#{cursor_flag}')" "$(screen "$name")"
    fi
done

echo "== standard descriptors closed =="
# stderr closed: the screen still goes to the terminal (not to where fd 2 points), and q
# gives it back. stdin of /dev/null: the listing, not a stuck reader.
tmux -L "$sock" new-session -d -s noerr -x 100 -y 30 "env LANG=C.UTF-8 TERM=xterm-256color sh -c '\"$V\" --no-state \"$work/article.txt\" 2>&-; echo \"exit=\$?\"; stty -a | tr \" ;\" \"\\n\\n\" | grep -E \"^-?(icanon|echo|isig)\$\" | tr \"\\n\" \" \"; echo; printf \"after-exit\\n\"; sleep 600'"
tmux -L "$sock" set-option -t noerr remain-on-exit on >/dev/null
if wait_for noerr "Harbour Board" 10 && [ "$(tmux -L "$sock" display-message -p -t noerr '#{alternate_on}')" = 1 ]; then
    pass "stderr closed: the reader draws on the alternate screen"
    tmux -L "$sock" send-keys -t noerr q
    wait_for noerr "after-exit" 10 && [ "$(exit_code noerr)" = 0 ] && sane noerr && main_screen noerr \
        && pass "stderr closed: q exits 0, stty sane, main screen" || fail "stderr closed: quitting" "$(screen noerr)"
else
    fail "stderr closed: the reader never drew" "$(screen noerr)"
fi

echo "== resize storm =="
start storm 100 30 "$work/article.txt"
start fresh 100 30 "$work/article.txt"
if wait_for storm "Harbour Board" 10 && wait_for fresh "Harbour Board" 10; then
    t0=$(date +%s%N)
    for i in $(seq 1 100); do
        tmux -L "$sock" resize-window -t storm -x $(( 20 + RANDOM % 140 )) -y $(( 5 + RANDOM % 50 ))
        sleep 0.02
    done
    tmux -L "$sock" resize-window -t storm -x 100 -y 30
    secs=$(awk -v n=$(( $(date +%s%N) - t0 )) 'BEGIN{printf "%.1f", n/1e9}')
    sleep 1
    pid=$(voices_pid storm)
    if [ -z "$pid" ]; then
        fail "resize storm: voices died" "$(screen storm)"
    elif [ "$(screen storm)" = "$(screen fresh)" ]; then
        pass "100 resizes in ${secs}s: alive, and the screen equals a fresh reader's at 100×30"
    else
        fail "resize storm: the screen differs from a fresh reader's" "$(diff <(screen fresh) <(screen storm) | head -20)"
    fi
    cpu=$(ps -o %cpu= -p "$pid" 2>/dev/null | tr -d ' ')
    sleep 1
    ticks1=$(awk '{print $14+$15}' "/proc/$pid/stat" 2>/dev/null); sleep 1; ticks2=$(awk '{print $14+$15}' "/proc/$pid/stat" 2>/dev/null)
    [ -n "$ticks1" ] && [ $(( ticks2 - ticks1 )) -le 5 ] && pass "idle after the storm (${ticks2}-${ticks1} CPU ticks in 1 s)" \
        || fail "busy after the storm: $(( ${ticks2:-0} - ${ticks1:-0} )) CPU ticks in 1 s (cpu% $cpu)"
    tmux -L "$sock" send-keys -t fresh q
    tmux -L "$sock" send-keys -t storm q
    wait_for storm "after-exit" 5 && [ "$(exit_code storm)" = 0 ] && sane storm && pass "q after the storm: exit 0, stty sane" \
        || fail "q after the storm" "$(screen storm)"
else
    fail "resize storm: the reader never drew"
fi

echo "== an article full of escape sequences =="
tmux -L "$sock" new-session -d -s esc -x 120 -y 40 "env LANG=C.UTF-8 TERM=xterm-256color NO_COLOR=1 sh -c 'printf \"\\033]2;ORIGINAL-TITLE\\033\\\\\\\\\"; \"$V\" \"$work/escapes.txt\"; echo \"exit=\$?\"; printf \"after-exit plain\\n\"; sleep 600'"
tmux -L "$sock" set-option -t esc remain-on-exit on >/dev/null
if wait_for esc "Escapes in the Newsroom" 10; then
    shown=$(screen esc)
    title=$(tmux -L "$sock" display-message -p -t esc '#{pane_title}')
    alt=$(tmux -L "$sock" display-message -p -t esc '#{alternate_on}')
    echo "$shown" | grep -q '␛' && pass "ESC is shown as ␛" || fail "no visible ␛ on the screen" "$shown"
    echo "$shown" | grep -qF ']0;PWNED-TITLE' && pass "the sequence's text is shown, not obeyed" || fail "the title sequence's text is not on the screen" "$shown"
    [ "$title" = "ORIGINAL-TITLE" ] && pass "window title unchanged while reading" || fail "window title changed while reading: $title"
    [ "$alt" = 1 ] && pass "still on the alternate screen (\\e[?1049l was not obeyed)" || fail "the alternate screen was left while reading"
    # With NO_COLOR the reader uses no colour: any colour on screen came from the article.
    if screen esc -e | grep -qE $'\033\\[[0-9;]*(3[0-7]|4[0-7]|38;5;[0-9]+|48;5;[0-9]+)m'; then
        fail "colour codes on the screen with NO_COLOR (the article's \\e[31m was obeyed?)" "$(screen esc -e | grep -nE $'\033\\[[0-9;]*3[0-7]m' | head -3 | cat -v)"
    else
        pass "no colour on the screen (the article's \\e[31m and \\e[48;5;196m were not obeyed)"
    fi
    tmux -L "$sock" send-keys -t esc q
    if wait_for esc "after-exit plain" 10; then
        title=$(tmux -L "$sock" display-message -p -t esc '#{pane_title}')
        [ "$title" = "ORIGINAL-TITLE" ] && pass "window title unchanged after quitting" || fail "window title changed after quitting: $title"
        after=$(screen esc -e | grep 'after-exit plain')
        if printf '%s' "$after" | grep -q $'\033\\['; then fail "text printed after quitting is styled" "$(printf '%s' "$after" | cat -v)"
        else pass "text printed after quitting is plain (no colour left behind)"; fi
        cur=$(tmux -L "$sock" display-message -p -t esc '#{cursor_flag}')
        [ "$cur" = 1 ] && pass "cursor visible after quitting" || fail "cursor hidden after quitting"
    else
        fail "voices did not quit on q" "$(screen esc)"
    fi
else
    fail "the escape article was never drawn" "$(screen esc)"
fi

echo "== eight readers quitting at once keep their eight positions =="
mkdir -p "$work/state"
for i in 1 2 3 4 5 6 7 8; do
    { printf 'Reader %d of the Harbour Board\n\n' "$i"; sed 1,2d "$work/article.txt"; } > "$work/reader-$i.txt"
    tmux -L "$sock" new-session -d -s "r$i" -x 80 -y 20 "env LANG=C.UTF-8 TERM=xterm-256color XDG_STATE_HOME=$work/state sh -c '\"$V\" \"$work/reader-$i.txt\"; echo \"exit=\$?\"; sleep 600'"
    tmux -L "$sock" set-option -t "r$i" remain-on-exit on >/dev/null
done
drawn=1
for i in 1 2 3 4 5 6 7 8; do wait_for "r$i" "Reader $i of" 15 || drawn=0; done
if [ $drawn = 1 ]; then
    for i in 1 2 3 4 5 6 7 8; do tmux -L "$sock" send-keys -t "r$i" G; done
    sleep 1
    for i in 1 2 3 4 5 6 7 8; do tmux -L "$sock" send-keys -t "r$i" q; done
    exited=1
    for i in 1 2 3 4 5 6 7 8; do wait_for "r$i" "exit=0" 15 || exited=0; done
    kept=$(grep -vc '^#' "$work/state/voices/positions" 2>/dev/null || echo 0)
    [ $exited = 1 ] && [ "$kept" = 8 ] && pass "8 readers quit together: 8 positions kept" \
        || fail "8 readers quit together: $kept positions kept, all exited: $exited" "$(cat "$work/state/voices/positions" 2>/dev/null)"
else
    fail "eight readers: not all of them drew"
fi

echo "== an unknown TERM: the plain listing, with the escapes shown, not obeyed =="
tmux -L "$sock" new-session -d -s badterm -x 160 -y 50 "env LANG=C.UTF-8 TERM=voices-no-such-terminal sh -c 'printf \"\\033]2;ORIGINAL-TITLE\\033\\\\\\\\\"; \"$V\" --no-state \"$work/escapes-quoted.txt\"; echo \"exit=\$?\"; printf \"after-exit\\n\"; sleep 600'"
tmux -L "$sock" set-option -t badterm remain-on-exit on >/dev/null
if wait_for badterm "after-exit" 10; then
    shown=$(screen badterm -S -60)
    title=$(tmux -L "$sock" display-message -p -t badterm '#{pane_title}')
    echo "$shown" | grep -q "cannot use the terminal type" && pass "unknown TERM: says so and prints the listing" || fail "unknown TERM: no message" "$shown"
    echo "$shown" | grep -q '␛' && pass "unknown TERM: ESC shown as ␛ in the listing" || fail "unknown TERM: no visible ␛" "$shown"
    [ "$title" = "ORIGINAL-TITLE" ] && pass "unknown TERM: window title unchanged" || fail "unknown TERM: window title changed to $title"
    [ "$(tmux -L "$sock" display-message -p -t badterm '#{alternate_on}')" = 0 ] && pass "unknown TERM: main screen" || fail "unknown TERM: alternate screen on"
else
    fail "unknown TERM: voices did not finish" "$(screen badterm)"
fi

echo
if [ "$failures" -eq 0 ]; then echo "terminal robustness: all passed"; exit 0; fi
echo "terminal robustness: $failures failed"; exit 1
