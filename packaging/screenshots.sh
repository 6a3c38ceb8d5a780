#!/usr/bin/env bash
# Retakes docs/installed-window.png and docs/about.png from the installed
# package: Xvfb with openbox (so the window has a title bar showing its
# icon), Prepkit started from its desktop entry's Exec line with the
# built-in example, then the About page through the command palette.
# Needs the .deb installed (see ci-deb.sh) and: xvfb openbox xdotool imagemagick x11-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
docs=$PWD/docs
work=$(mktemp -d)
trap 'kill "${app:-0}" "${wm:-0}" "${xvfb:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

display=:96
Xvfb "$display" -screen 0 1200x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done
# The default data folder under a fresh home: the About page shows ~/.local/share/prepkit.
unset PREPKIT_DATA_DIR
export DISPLAY=$display HOME="$work/home" XDG_RUNTIME_DIR="$work/run"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"
openbox >"$work/wm.log" 2>&1 &
wm=$!
sleep 1

exec_line=$(sed -n 's/^Exec=//p' /usr/share/applications/app.prepkit.Prepkit.desktop)
${exec_line//%f/} >"$work/app.log" 2>&1 &
app=$!
win=""
for _ in $(seq 300); do
  win=$(xdotool search --onlyvisible --class 'app.prepkit.Prepkit' 2>/dev/null | tail -n1 || true)
  [ -n "$win" ] && break
  sleep 0.1
done
[ -n "$win" ] || { echo "no window"; cat "$work/app.log"; exit 1; }
xdotool windowsize "$win" 1100 700 windowmove "$win" 40 40
sleep 4
xprop -id "$win" WM_CLASS _NET_WM_NAME
import -window root -crop 1108x728+37+37 "$docs/installed-window.png"

xdotool windowfocus --sync "$win"
xdotool key --window "$win" ctrl+k
sleep 0.5
xdotool type --delay 40 "About Prepkit"
xdotool key --window "$win" Return
sleep 2
import -window root -crop 1108x728+37+37 "$docs/about.png"
xdotool key --window "$win" ctrl+q
wait "$app" || true
echo "wrote docs/installed-window.png and docs/about.png"
