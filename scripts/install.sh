#!/usr/bin/env bash
# Installs voices with its manual page and shell completions (bash, zsh, fish).
#
#   scripts/install.sh            # into ~/.local (bin/, share/man/man1/, share/…/completions)
#   scripts/install.sh /usr/local # system-wide (run as root)
#
# Builds in release mode; the manual page comes from swift-argument-parser's generate-manual
# plugin and the completions from `voices --generate-completion-script`, so both always match
# the options of the binary installed.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-$HOME/.local}"
swift build -c release --product voices
bin="$(swift build -c release --show-bin-path)/voices"
man_out="$(mktemp -d)"
trap 'rm -rf "$man_out"' EXIT
swift package --allow-writing-to-directory "$man_out" generate-manual --output-directory "$man_out" >/dev/null
install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
    "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 755 "$bin" "$prefix/bin/voices"
install -m 644 "$man_out/voices.1" "$prefix/share/man/man1/voices.1"
"$bin" --generate-completion-script bash > "$prefix/share/bash-completion/completions/voices"
"$bin" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_voices"
"$bin" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/voices.fish"
echo "installed voices in $prefix/bin, its manual (man voices) and completions for bash, zsh and fish"
case ":${MANPATH:-}:" in *":$prefix/share/man:"*) ;; *) echo "(if man voices finds nothing: export MANPATH=\"$prefix/share/man:\$MANPATH\")";; esac
