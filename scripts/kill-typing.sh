#!/usr/bin/env bash
# Steady typing, then SIGKILL at a random moment, in the real window: text
# typed more than one second before the kill must be there after a restart.
#
# Usage: scripts/kill-typing.sh [BINARY] [KILLS] [DISPLAY]
#   BINARY   the prepkit binary (default: target/release/prepkit, else
#            target/debug/prepkit)
#   KILLS    how many kills (default 30)
#   DISPLAY  an X display number for a private Xvfb (default :21)
#
# Each round starts the app (which replays its crash journal), checks that
# everything typed more than a second before the previous kill is in the
# notebook file, opens the first topic's notes and clicks into them (Ctrl+End), types
# one key every 200 ms with xdotool, and kills the app with SIGKILL between
# 1.2 and 5 s into the typing. Exit 0 when every round kept its text; 1 with
# the failing round otherwise. Needs Xvfb, xdotool and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-}
if [ -z "$bin" ]; then
  bin=target/release/prepkit
  [ -x "$bin" ] || bin=target/debug/prepkit
fi
bin=$(realpath "$bin")
kills=${2:-30}
display=${3:-:21}
work=$(mktemp -d)
trap 'kill -9 "${app:-0}" 2>/dev/null || true; kill "${typer:-0}" "${xvfb:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

# Starts the private X server, or starts it again if it went away (on a
# shared machine something else may end it; the app is restarted each round
# anyway, so a new server changes nothing for the check).
xvfb_restarts=-1
ensure_xvfb() {
  if [ -n "${xvfb:-}" ] && kill -0 "$xvfb" 2>/dev/null; then return; fi
  xvfb_restarts=$((xvfb_restarts + 1))
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >>"$work/xvfb.log" 2>&1 &
  xvfb=$!
  for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done
}
ensure_xvfb
export DISPLAY=$display PREPKIT_DATA_DIR="$work/data" HOME="$work/home" XDG_RUNTIME_DIR="$work/run"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"

now() { date +%s.%N; }

# Starts the app and waits for its window (in $win).
start_app() {
  ensure_xvfb
  "$bin" >>"$work/app.log" 2>&1 &
  app=$!
  win=""
  for _ in $(seq 300); do
    win=$(xdotool search --onlyvisible --name '^Prepkit' 2>/dev/null | head -n1 || true)
    [ -n "$win" ] && break
    kill -0 "$app" 2>/dev/null || { echo "the app exited early:"; tail -20 "$work/app.log"; exit 1; }
    sleep 0.1
  done
  [ -n "$win" ] || { echo "no window within 30 s"; exit 1; }
}

# All notes of the notebook file, one string (empty when there is no file).
notes() {
  python3 - "$PREPKIT_DATA_DIR/notebooks" <<'EOF'
import glob, json, sys
out = []
for path in glob.glob(sys.argv[1] + "/*.json"):
    if ".unsaved-" in path:
        continue
    try:
        nb = json.load(open(path, encoding="utf-8"))
    except Exception:
        continue
    for s in nb.get("sections", []):
        for g in s.get("groups", []):
            for i in g.get("items", []):
                out.append(i.get("notes", ""))
print("\n".join(out))
EOF
}

letters=abcdefghijklmnopqrstuvwxyz
expected=""   # what the notes must hold after the next restart
total_typed=0
worst_lost=0
started=$(now)
for round in $(seq 0 "$kills"); do
  start_app
  if [ -n "$expected" ]; then
    # The journal is replayed and saved at once; give the save a moment.
    ok=""
    for _ in $(seq 100); do
      if notes | grep -F -- "$expected" >/dev/null; then ok=1; break; fi
      sleep 0.1
    done
    if [ -z "$ok" ]; then
      echo "FAIL round $round: after the restart the notes lack \"$expected\""
      echo "notes now: $(notes | tr '\n' '|')"
      exit 1
    fi
    # How many of the keys sent before the kill came back.
    kept=$(notes | python3 -c "import sys; t = sys.stdin.read(); s = sys.argv[1]; print(max(n for n in range(len(s) + 1) if s[:n] in t))" "$last_text")
    lost=$((last_sent - kept))
    [ "$lost" -gt "$worst_lost" ] && worst_lost=$lost
    echo "  after the restart: $kept of $last_sent keys there"
  fi
  [ "$round" -eq "$kills" ] && { kill -9 "$app"; wait "$app" 2>/dev/null || true; break; }
  sleep 1
  xdotool windowfocus --sync "$win" 2>/dev/null || true
  # Open the first topic's notes (its ▶), click into them (both sit at the
  # same place in a 1280×800 window at every start), and go to the end.
  xdotool mousemove 329 205 click 1
  sleep 1
  xdotool mousemove 770 250 click 1
  sleep 0.5
  xdotool key ctrl+End
  sleep 0.2
  sleep 0.3
  # One key every 200 ms; each key's time goes to the log once sent.
  token="k$(printf %02d "$round")"
  text="$token$letters$letters$letters"
  : >"$work/keys.log"
  (
    for ((i = 0; i < ${#text}; i++)); do
      xdotool key "${text:i:1}"
      echo "$(now) $i" >>"$work/keys.log"
      sleep 0.2
    done
  ) &
  typer=$!
  # A random moment between 1.2 and 5 s into the typing.
  sleep "$(python3 -c "import random; print(round(random.uniform(1.2, 5.0), 3))")"
  kill -9 "$app"
  killed=$(now)
  kill "$typer" 2>/dev/null || true
  wait "$typer" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  # Keys sent more than a second before the kill must survive it.
  keep=$(awk -v k="$killed" '$1 < k - 1.0 { n = $2 + 1 } END { print n + 0 }' "$work/keys.log")
  sent=$(wc -l <"$work/keys.log")
  total_typed=$((total_typed + sent))
  expected=${text:0:keep}
  last_text=$text
  last_sent=$sent
  echo "round $round: $sent keys sent, killed $(awk -v k="$killed" 'NR==1 { printf "%.1f", k - $1 }' "$work/keys.log") s into the typing; must keep $keep"
done
elapsed=$(python3 -c "print(round($(now) - $started))")
echo "PASS: $kills kills during steady typing (200 ms a key), $total_typed keys sent; everything typed more than 1 s before each kill was there after the restart; at most $worst_lost keys lost to a kill ($elapsed s; X server restarted $xvfb_restarts times)"
