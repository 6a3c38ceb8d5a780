#!/usr/bin/env bash
# Starts the app under Xvfb with a fresh data folder, waits for its window,
# takes a screenshot and checks it is not blank, closes the window, and
# checks that the notebook file was written.
set -euo pipefail
bin=$(realpath "$1")
work=$(mktemp -d)
trap 'kill "${app:-0}" "${xvfb:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

display=:97
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done

export DISPLAY=$display PREPKIT_DATA_DIR="$work/data" HOME="$work/home" XDG_RUNTIME_DIR="$work/run"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"
"$bin" >"$work/app.log" 2>&1 &
app=$!

win=""
for _ in $(seq 300); do
  win=$(xdotool search --onlyvisible --name '^Prepkit' 2>/dev/null | head -n1 || true)
  [ -n "$win" ] && break
  kill -0 "$app" 2>/dev/null || { echo "app exited early:"; cat "$work/app.log"; exit 1; }
  sleep 0.1
done
[ -n "$win" ] || { echo "no window within 30 s"; cat "$work/app.log"; exit 1; }
sleep 3
import -window root "$work/shot.png"
colors=$(convert "$work/shot.png" -format '%k' info:)
echo "screenshot: $colors distinct colours"
[ "$colors" -gt 50 ] || { echo "the window looks blank"; exit 1; }

xdotool windowfocus --sync "$win" 2>/dev/null || true
xdotool key --window "$win" ctrl+q
for _ in $(seq 100); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app" 2>/dev/null; then echo "app did not quit on Ctrl+Q"; cat "$work/app.log"; exit 1; fi
wait "$app" || { echo "app exited with an error:"; cat "$work/app.log"; exit 1; }

nb=$(ls "$PREPKIT_DATA_DIR"/notebooks/*.json 2>/dev/null | head -n1 || true)
[ -n "$nb" ] || { echo "no notebook was written"; exit 1; }
grep -q '"schema_version"' "$nb" || { echo "the notebook file is not a notebook"; exit 1; }
echo "GUI smoke test: ok (window, $colors colours, clean quit, $(basename "$nb") written)"
