#!/usr/bin/env bash
# Renders every screen of the game to docs/screenshots/ under Xvfb (needs xvfb and
# mesa-vulkan-drivers). Plays go to a throwaway data folder.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release
bin="${CARGO_TARGET_DIR:-target}/release/boundaries"
out=docs/screenshots
mkdir -p "$out"
export BOUNDARIES_DATA_DIR
BOUNDARIES_DATA_DIR=$(mktemp -d)
trap 'rm -rf "$BOUNDARIES_DATA_DIR"' EXIT
shot() {
    local name=$1 size=$2
    shift 2
    xvfb-run -a -s "-screen 0 ${size}x24" "$bin" "$@" --window "$size" --screenshot "$out/$name.png" >/dev/null 2>&1
    echo "$out/$name.png"
}
shot title 1280x800 --screen title
shot library 1280x800 --screen library
shot briefing 1280x800 --open gift-at-the-door
shot play 1280x800 --open gift-at-the-door --screen play
shot feedback 1280x800 --open gift-at-the-door --choose take-it-quietly --screen play
shot result 1280x800 --open gift-at-the-door --choose hold-for-office,tea-and-a-few,hand-in-sealed,call-chioma --screen result
shot settings 1280x800 --screen settings
shot replay 1280x800 --open gift-at-the-door --choose hold-for-office,tea-and-a-few,hand-in-sealed,call-chioma --screen replay
shot records 1280x800 --screen records
# Induction mode writes the audience window and, beside it, the presenter's.
xvfb-run -a -s "-screen 0 3300x1200x24" "$bin" --induction gift-at-the-door --present 12 \
    --screenshot "$out/induction-discussion.png" >/dev/null 2>&1
xvfb-run -a -s "-screen 0 3300x1200x24" "$bin" --induction gift-at-the-door --present 12 \
    --votes 5,4,2,1 --screenshot "$out/induction-reveal.png" >/dev/null 2>&1
# The reveal on one screen at the sizes of common projectors: the room's text shrinks to fit.
shot induction-reveal-1280x720 1280x720 --induction gift-at-the-door --single-screen --present 12 --votes 5,4,2,1
shot induction-reveal-1024x600 1024x600 --induction gift-at-the-door --single-screen --present 12 --votes 5,4,2,1
echo "$out/induction-*.png"
# Voting by phone: the audience with the vote open, and the phone's page in Chromium.
xvfb-run -a -s "-screen 0 3300x1200x24" "$bin" --induction gift-at-the-door --phones --phones-address 127.0.0.1 \
    --open-vote --screenshot "$out/induction-phones.png" >/dev/null 2>&1
rm -f "$out/induction-phones-presenter.png"
PHONE_SCREENSHOT="$PWD/$out/phone-vote.png" cargo test -q -p boundaries-phones --test browser >/dev/null
echo "$out/induction-phones.png $out/phone-vote.png"
shot play-1024x600 1024x600 --open friend-request --screen play
shot library-4k 3840x2160 --screen library
