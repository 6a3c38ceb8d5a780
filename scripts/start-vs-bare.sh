#!/usr/bin/env bash
# start-vs-bare.sh - Prepkit's start against a bare eframe window, side by side.
#
# Builds the app and examples/bare_window.rs (same eframe) in release, then
# starts them alternately on a private Xvfb, RUNS times each (default 5), and
# prints per run and as medians:
#   start_ms  spawn -> the first top-level window is mapped
#   quiet_ms  spawn -> the last repaint (X Damage) before the window stayed
#             unchanged for 300 ms: when the user sees the final content
#   rss_mb    resident memory after SETTLE seconds (default 3)
# and the ratios Prepkit / bare. Each run gets a fresh HOME, so Prepkit shows
# its first-run notebook. Interleaving the two keeps a loaded machine's noise
# fair to both: compare the ratios, not the absolute times.
#
# usage: scripts/start-vs-bare.sh [-n RUNS] [-w SETTLE] [-q GAP_MS] [-B] [-e VAR=VALUE]...
#   -q  the unchanged time that counts as settled (default 300 ms; on a loaded
#       machine a frame can take longer than that: raise it, e.g. -q 1000)
#   -B  do not build (use the binaries already in the target folder)
#   -e  extra environment for Prepkit only (repeatable), e.g. -e PREPKIT_NO_BUNDLED_FONT=1
# Needs: Xvfb, xdpyinfo, python3 with libX11 and libXdamage (ctypes).
set -eu

RUNS=5 SETTLE=3 GAP=300 BUILD=1 EXTRA=()
while getopts ":n:w:q:Be:h" opt; do
  case $opt in
    n) RUNS=$OPTARG ;; w) SETTLE=$OPTARG ;; q) GAP=$OPTARG ;; B) BUILD=0 ;; e) EXTRA+=("$OPTARG") ;;
    h) sed -n '2,22p' "$0"; exit 0 ;;
    *) sed -n '2,22p' "$0" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
TARGET=${CARGO_TARGET_DIR:-target}
if [ "$BUILD" = 1 ]; then
  cargo build --release --bin prepkit --example bare_window
fi
APP=$TARGET/release/prepkit
BARE=$TARGET/release/examples/bare_window
for b in "$APP" "$BARE"; do [ -x "$b" ] || { echo "start-vs-bare: missing $b" >&2; exit 2; }; done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/start-vs-bare.XXXXXX")
XVFB_PID=""
cleanup() { [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

# One run: spawn the command, watch the X server for its window and its
# repaints, read its memory, stop it. Prints "start_ms quiet_ms rss_mb".
cat >"$WORK/measure.py" <<'PYEOF'
import ctypes as C, ctypes.util, os, select, signal, subprocess, sys, time
x = C.CDLL(ctypes.util.find_library('X11') or 'libX11.so.6')
xd = C.CDLL(ctypes.util.find_library('Xdamage') or 'libXdamage.so.1')
class XMapEvent(C.Structure):
    _fields_ = [('type', C.c_int), ('serial', C.c_ulong), ('send_event', C.c_int),
                ('display', C.c_void_p), ('event', C.c_ulong), ('window', C.c_ulong),
                ('override_redirect', C.c_int)]
class XEvent(C.Union):
    _fields_ = [('type', C.c_int), ('xmap', XMapEvent), ('pad', C.c_long * 24)]
class XDamageNotifyEvent(C.Structure):
    _fields_ = [('type', C.c_int), ('serial', C.c_ulong), ('send_event', C.c_int),
                ('display', C.c_void_p), ('drawable', C.c_ulong), ('damage', C.c_ulong)]
x.XOpenDisplay.restype = C.c_void_p; x.XOpenDisplay.argtypes = [C.c_char_p]
x.XDefaultRootWindow.restype = C.c_ulong; x.XDefaultRootWindow.argtypes = [C.c_void_p]
x.XSelectInput.argtypes = [C.c_void_p, C.c_ulong, C.c_long]
x.XNextEvent.argtypes = [C.c_void_p, C.POINTER(XEvent)]
x.XPending.argtypes = [C.c_void_p]; x.XConnectionNumber.argtypes = [C.c_void_p]
x.XSync.argtypes = [C.c_void_p, C.c_int]
x.XGetGeometry.argtypes = [C.c_void_p, C.c_ulong] + [C.c_void_p] * 7
xd.XDamageQueryExtension.argtypes = [C.c_void_p, C.c_void_p, C.c_void_p]
xd.XDamageCreate.restype = C.c_ulong; xd.XDamageCreate.argtypes = [C.c_void_p, C.c_ulong, C.c_int]
xd.XDamageSubtract.argtypes = [C.c_void_p, C.c_ulong, C.c_ulong, C.c_ulong]
ERRH = C.CFUNCTYPE(C.c_int, C.c_void_p, C.c_void_p)
_errh = ERRH(lambda d, e: 0)
x.XSetErrorHandler(_errh)
display, settle, cmd = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
dpy = x.XOpenDisplay(display.encode())
root = x.XDefaultRootWindow(dpy)
x.XSelectInput(dpy, root, 1 << 19)          # SubstructureNotifyMask
eb, er = C.c_int(), C.c_int()
xd.XDamageQueryExtension(dpy, C.byref(eb), C.byref(er))
x.XSync(dpy, 0)
fd = x.XConnectionNumber(dpy)
t0 = time.monotonic_ns()
proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL, start_new_session=True)
tmap, damages, ev = None, [], XEvent()
deadline = t0 + 30 * 10**9
while True:
    now = time.monotonic_ns()
    if tmap is not None:
        deadline = tmap + int(settle * 1e9)
    if now >= deadline:
        break
    if not x.XPending(dpy):
        select.select([fd], [], [], (deadline - now) / 1e9)
        continue
    x.XNextEvent(dpy, C.byref(ev))
    t = time.monotonic_ns()
    if ev.type == 19 and ev.xmap.event == root and not ev.xmap.override_redirect:
        w = ev.xmap.window
        r, gx, gy, gw, gh, bw, dep = (C.c_ulong(), C.c_int(), C.c_int(), C.c_uint(),
                                      C.c_uint(), C.c_uint(), C.c_uint())
        if not x.XGetGeometry(dpy, w, C.byref(r), C.byref(gx), C.byref(gy), C.byref(gw),
                              C.byref(gh), C.byref(bw), C.byref(dep)) or gw.value <= 1 or gh.value <= 1:
            continue
        if tmap is None:
            tmap = t
        xd.XDamageCreate(dpy, w, 3)         # XDamageReportNonEmpty
    elif ev.type == eb.value:
        de = C.cast(C.byref(ev), C.POINTER(XDamageNotifyEvent)).contents
        xd.XDamageSubtract(dpy, de.damage, 0, 0)
        damages.append(t)
rss = 0
try:
    for line in open('/proc/%d/status' % proc.pid):
        if line.startswith('VmRSS:'):
            rss = int(line.split()[1])
except OSError:
    pass
os.killpg(proc.pid, signal.SIGTERM)
try:
    proc.wait(timeout=5)
except subprocess.TimeoutExpired:
    os.killpg(proc.pid, signal.SIGKILL); proc.wait()
if tmap is None:
    print('NA NA NA'); sys.exit(1)
gap = int(float(os.environ.get('QUIET_MS', '300')) * 1e6)
last, quiet = tmap, None
for t in damages:
    if t < tmap:
        continue
    if t - last >= gap:
        quiet = last; break
    last = t
if quiet is None and deadline - last >= gap:
    quiet = last
print('%.1f %s %.1f' % ((tmap - t0) / 1e6,
      'NA' if quiet is None else '%.1f' % ((quiet - t0) / 1e6), rss / 1024))
PYEOF

start_xvfb() {
  local n
  for n in $(seq 91 199); do
    [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] && continue
    Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    for _ in $(seq 1 250); do
      if xdpyinfo -display ":$n" >/dev/null 2>&1; then DISP=":$n"; return 0; fi
      kill -0 "$XVFB_PID" 2>/dev/null || break
      sleep 0.02
    done
    kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null || true; XVFB_PID=""
  done
  echo "start-vs-bare: no Xvfb" >&2; exit 2
}
stop_xvfb() { kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null || true; XVFB_PID=""; }

# measure NAME COMMAND... : one run, appended to $WORK/NAME
measure() {
  local name=$1; shift
  local home=$WORK/home-$name-$i
  mkdir -p "$home"
  start_xvfb
  local out
  out=$(env -u WAYLAND_DISPLAY DISPLAY="$DISP" HOME="$home" XDG_CONFIG_HOME="$home/.config" \
    XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache" \
    XDG_STATE_HOME="$home/.local/state" QUIET_MS="$GAP" python3 "$WORK/measure.py" "$DISP" "$SETTLE" "$@") || true
  stop_xvfb
  echo "$out" >>"$WORK/$name"
  read -r s q r <<<"$out"
  printf 'run=%d app=%-7s start_ms=%s quiet_ms=%s rss_mb=%s\n' "$i" "$name" "$s" "$q" "$r"
}

for ((i = 1; i <= RUNS; i++)); do
  measure bare "$BARE"
  measure prepkit env "${EXTRA[@]}" "$APP"
done

# median COLUMN FILE
median() {
  awk -v c="$1" '$c != "NA" { v[++n] = $c } END {
    if (!n) { print "NA"; exit }
    for (i = 2; i <= n; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
    print (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }' "$2"
}
for col in 1:start_ms 2:quiet_ms 3:rss_mb; do
  c=${col%%:*} k=${col#*:}
  b=$(median "$c" "$WORK/bare") p=$(median "$c" "$WORK/prepkit")
  awk -v k="$k" -v b="$b" -v p="$p" 'BEGIN {
    if (b == "NA" || p == "NA" || b == 0) r = "NA"; else if (k == "rss_mb") r = sprintf("%+.1f MB", p - b); else r = sprintf("%.2fx", p / b)
    printf "median %-8s bare=%s prepkit=%s %s\n", k, b, p, (k == "rss_mb" ? "diff=" : "ratio=") r }'
done
