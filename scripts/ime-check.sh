#!/usr/bin/env bash
# Korean input in a real Prepkit window, under an X11 input method.
#
# Starts Xvfb, a session bus and fcitx5 (with fcitx5-hangul) or ibus
# (with ibus-hangul) in a scratch HOME, opens a one-section brief in the
# release binary, and types 두벌식 keys one `xdotool key` at a time (as a
# person does; `xdotool type` garbles composition over XIM):
#
#   1. click the first topic's notes, Ctrl+Space (fcitx5) or Shift+Space
#      (ibus-hangul) for Hangul, type 면접 준비
#      (a u s w j q space w n s q l), Esc             → "면접 준비"
#   2. click the notes, type 가 (r k), click empty page space
#                                                     → "면접 준비가"
#   3. click the second topic's notes, click back into the first,
#      type " 간" (space r k s), Esc                    → "면접 준비가 간"
#
# Hangul mode is switched on once, in step 1: if a refocus resets it,
# step 3 types "rks". It prints the saved notes (from the notebook JSON),
# whether they are right, and the input method's IC events and commits.
#
# Usage: scripts/ime-check.sh [--onthespot] [--ibus | --ibus-esc-off] [--bin PATH]
#                             [--out DIR] [--display :N] [--delay SECONDS]
#   --onthespot  fcitx5's XIM on-the-spot style (UseOnTheSpot=True), where
#                the app draws the preedit; the default is fcitx5's popup
#   --ibus       ibus-daemon with ibus-hangul instead of fcitx5, with Esc
#                not an off key (ibus-hangul's default off-keys=Escape
#                switches to English on Esc in every application)
#   --ibus-esc-off  the same with ibus-hangul's default off-keys: Esc
#                switches to English, so the expected note is "면접 준비rk rks"
#   --out DIR    keep the scratch HOME, logs and screenshots there
# Needs: Xvfb, xdotool, ImageMagick (import), dbus-run-session, jq, and
# fcitx5 + fcitx5-hangul or ibus + ibus-hangul. Exit status 0 when the
# saved notes are right.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
bin="${CARGO_TARGET_DIR:-$here/target}/release/prepkit"
onthespot=0
im=fcitx
esc_off=0
out=""
display=":65"
delay=0.4
while [ $# -gt 0 ]; do
    case "$1" in
        --onthespot) onthespot=1 ;;
        --ibus) im=ibus ;;
        --ibus-esc-off) im=ibus; esc_off=1 ;;
        --bin) bin=$2; shift ;;
        --out) out=$2; shift ;;
        --display) display=$2; shift ;;
        --delay) delay=$2; shift ;;
        -h | --help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done
[ -x "$bin" ] || { echo "no binary at $bin (cargo build --release)" >&2; exit 2; }

if [ -z "$out" ]; then
    out=$(mktemp -d)
    cleanup_out=1
fi
mkdir -p "$out"
scratch="$out/home"
rm -rf "$scratch"
mkdir -p "$scratch/.config/fcitx5/conf" "$scratch/data" "$scratch/runtime"
chmod 700 "$scratch/runtime"

cat >"$scratch/.config/fcitx5/profile" <<'EOF'
[Groups/0]
Name=Default
Default Layout=us
DefaultIM=hangul

[Groups/0/Items/0]
Name=keyboard-us
Layout=

[Groups/0/Items/1]
Name=hangul
Layout=

[GroupOrder]
0=Default
EOF
if [ "$onthespot" = 1 ]; then
    echo "UseOnTheSpot=True" >"$scratch/.config/fcitx5/conf/xim.conf"
fi

cat >"$scratch/brief.md" <<'EOF'
# IME check

## Likely Interview Topics

- Korean input
  - First topic
  - Second topic
EOF

Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; [ -z "${cleanup_out:-}" ] || rm -rf "$out"' EXIT
sleep 1

# Everything below runs on one session bus, in the scratch HOME.
export HOME="$scratch" XDG_CONFIG_HOME="$scratch/.config" XDG_DATA_HOME="$scratch/.local/share" \
    XDG_CACHE_HOME="$scratch/.cache" XDG_RUNTIME_DIR="$scratch/runtime" \
    PREPKIT_DATA_DIR="$scratch/data" DISPLAY="$display" \
    IME_BIN="$bin" IME_KIND="$im" IME_ESC_OFF="$esc_off" IME_OUT="$out" IME_DELAY="$delay"
unset WAYLAND_DISPLAY
dbus-run-session -- bash -euo pipefail -c '
out=$IME_OUT
d=$IME_DELAY
if [ "$IME_KIND" = ibus ]; then
    export XMODIFIERS=@im=ibus GTK_IM_MODULE=ibus QT_IM_MODULE=ibus
    gsettings set org.freedesktop.ibus.general preload-engines "[\"hangul\"]" 2>/dev/null || true
    # ibus-hangul switches to English on Esc by default (off-keys, for vi
    # users), in every application; the check is whether Prepkit keeps the
    # mode, so Esc is not an off key here (--ibus-esc-off keeps the default).
    if [ "$IME_ESC_OFF" = 0 ]; then
        gsettings set org.freedesktop.ibus.engine.hangul off-keys "" 2>/dev/null || true
    fi
    echo "ibus-hangul off-keys: $(gsettings get org.freedesktop.ibus.engine.hangul off-keys 2>/dev/null)" >"$out/im.log"
    ibus-daemon --xim --replace --panel=disable --verbose >>"$out/im.log" 2>&1 &
    im=$!
    sleep 3
    ibus engine hangul
    # ibus logs no context events: watch its own bus instead.
    dbus-monitor --address "$(ibus address)" >"$out/ibus-bus.log" 2>&1 &
else
    export XMODIFIERS=@im=fcitx GTK_IM_MODULE=fcitx QT_IM_MODULE=fcitx
    fcitx5 --replace --verbose="*=5" >"$out/im.log" 2>&1 &
    im=$!
    sleep 3
fi
"$IME_BIN" "$HOME/brief.md" >"$out/app.log" 2>&1 &
app=$!
win=$(xdotool search --sync --onlyvisible --name Prepkit | head -1)
xdotool windowsize "$win" 1280 800 windowmove "$win" 0 0
# The brief is imported once its notebook is written: wait for that (a busy
# machine takes longer than the pauses below), then for the frames after it.
for _ in $(seq 300); do
    ls "$HOME"/data/notebooks/*.json >/dev/null 2>&1 && break
    sleep 0.1
done
sleep 2
xdotool windowfocus --sync "$win"
shot() { import -window root "$out/$1.png"; }
key() { for k in "$@"; do xdotool key "$k"; sleep "$d"; done; }
click() { xdotool mousemove "$1" "$2" click 1; sleep 1; }

# The brief opens on its one section: open the notes of both topics. The first
# notes field never moves; the second moves down a line when the first
# shows its preview, so it is clicked where both positions overlap.
click 329 206
click 329 311
n1x=700; n1y=250
n2x=700; n2y=362

# 1. 면접 준비, Esc.
click "$n1x" "$n1y"
if [ "$IME_KIND" = ibus ]; then key shift+space; else key ctrl+space; fi
key a u s w j
shot 1-split-preedit
key q space w n s q l
shot 1-before-esc
key Escape
sleep 1
shot 1-after-esc

# 2. 가, click away.
click "$n1x" "$n1y"
key r k
shot 2-composing
click 1100 760
shot 2-after-click-away

# 3. the other field, back, " 간", Esc.
click "$n2x" "$n2y"
click "$n1x" "$n1y"
key space r k s
shot 3-composing
key Escape
sleep 2
shot 3-done
kill $app; wait $app 2>/dev/null || true
kill $im 2>/dev/null || true
'
kill $xvfb 2>/dev/null || true

notes=$(jq -r '[.sections[].groups[]?.items[]? | select(.text == "First topic") | .notes][0]' \
    "$scratch"/data/notebooks/*.json 2>/dev/null | head -1)
mode=$([ "$onthespot" = 1 ] && echo on-the-spot || echo "default style")
[ "$im" = ibus ] && mode="ibus-hangul"
[ "$esc_off" = 1 ] && mode="ibus-hangul, Esc switches to English"
expected="면접 준비가 간"
[ "$esc_off" = 1 ] && expected="면접 준비rk rks"
echo "input method: $im ($mode)"
echo "saved notes: ${notes@Q}"
echo "input method log (IC events, commits, IM switches):"
if [ "$im" = ibus ]; then
    # Context calls and commits on ibus's bus; a commit's text is the first
    # string after its CommitText.
    head -n 1 "$out/im.log" | sed 's/^/  /'
    awk '/member=(CreateInputContext|FocusIn|FocusOut|Reset|Destroy|CommitText|SetEngine)$|member=(CreateInputContext|FocusIn|FocusOut|Reset|Destroy|CommitText|SetEngine) / {
            match($0, /member=[A-Za-z]+/); m = substr($0, RSTART + 7, RLENGTH - 7)
            if (m == "CommitText") { want = 1 } else { print "  " m }
            next }
         want && /string "/ { if ($0 !~ /string "IBusText"/ && $0 !~ /string ""/) { sub(/^ */, ""); print "  CommitText " $0; want = 0 } }' \
        "$out/ibus-bus.log" 2>/dev/null | uniq | tail -n 60 || true
else
    grep -a -E "CREATE_IC|DESTROY_IC|commit|Activat|SET_IC_FOCUS|UNSET_IC_FOCUS|RESET_IC" "$out/im.log" |
        sed 's/^/  /' | tail -n 60 || true
fi
if [ "$notes" = "$expected" ]; then
    echo "OK"
else
    echo "WRONG: expected '$expected'"
    exit 1
fi
