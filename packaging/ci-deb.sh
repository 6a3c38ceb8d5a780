#!/usr/bin/env bash
# The Debian package, proven end to end (called by .ci/run, as root):
#   validate the desktop entry and metainfo → build the .deb from the release
#   build → check its contents → install it with apt (pulling its Depends) →
#   check the MIME type and its default app → start the installed prepkit
#   under Xvfb from the desktop entry's Exec line with a brief → check the
#   window's title, WM_CLASS and icon → start it again with a second brief
#   and check the first window took it (one window per user) → quit → remove
#   the package and check it is gone.
# Prints how long each step took. Needs network for apt only.
# PREPKIT_DEB=path/to.deb checks that package instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=${CARGO_TARGET_DIR:-$root/target}
app_id=app.prepkit.Prepkit
work=$(mktemp -d)
cleanup() {
  kill "${app:-0}" "${xvfb:-0}" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

started=$SECONDS
last=$SECONDS
step() {
  printf -- '--> %s (previous step: %ss)\n' "$*" "$((SECONDS - last))"
  last=$SECONDS
}
fail() {
  echo "ci-deb: $*" >&2
  [ -f "$work/app.log" ] && { echo "--- app log:"; cat "$work/app.log"; } >&2
  exit 1
}

step "tools"
need=(desktop-file-utils appstream xdg-utils shared-mime-info hicolor-icon-theme dpkg-dev
      x11-utils xvfb xauth xdotool)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! cargo deb --version >/dev/null 2>&1; then
  cargo install --locked --quiet cargo-deb --version 3.8.0
fi

step "validate the desktop entry and the metainfo"
desktop-file-validate "packaging/$app_id.desktop"
appstreamcli validate --no-net "packaging/$app_id.metainfo.xml"

if [ -n "${PREPKIT_DEB:-}" ]; then
  step "use the given .deb: $PREPKIT_DEB"
  deb=$(realpath "$PREPKIT_DEB")
else
  step "build the .deb (from the release build)"
  cargo build --locked --release
  # --fast: this package is only installed here, not shipped (smaller xz is
  # what `cargo deb --profile dist` in the release workflow makes).
  cargo deb --no-build --fast --output "$work/"
  deb=$(ls "$work"/prepkit_*.deb)
fi
dpkg-deb --info "$deb" | sed -n '/Package:/,/Description:/p'
dpkg-deb --contents "$deb" | awk '{print $3, $6}' >"$work/contents"
for f in usr/bin/prepkit "usr/share/applications/$app_id.desktop" "usr/share/metainfo/$app_id.metainfo.xml" \
         "usr/share/mime/packages/$app_id.xml" "usr/share/icons/hicolor/16x16/apps/$app_id.png" \
         "usr/share/icons/hicolor/512x512/apps/$app_id.png" "usr/share/icons/hicolor/scalable/apps/$app_id.svg"; do
  grep -q " ./$f\$" "$work/contents" || fail "the package lacks /$f"
done
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"

step "install it"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends "$deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt could not install the package"; }
bin=$(command -v prepkit) || fail "prepkit is not on PATH after installing"
[ "$bin" = /usr/bin/prepkit ] || fail "prepkit is $bin, not /usr/bin/prepkit"
if readelf -S "$bin" | grep -q '\.symtab'; then fail "the installed binary is not stripped"; fi
echo "installed: $bin, $(stat -c %s "$bin") bytes, stripped; $(prepkit --version)"

step "MIME type and default app"
grep -q "application/x-prepkit-notebook:\*\.prepkit" /usr/share/mime/globs2 \
  || fail "the MIME database does not know *.prepkit"
export HOME="$work/home" XDG_RUNTIME_DIR="$work/run" PREPKIT_DATA_DIR="$work/data"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"
default=$(xdg-mime query default application/x-prepkit-notebook)
[ "$default" = "$app_id.desktop" ] || fail "the default app for notebooks is '$default', not $app_id.desktop"
echo "xdg-mime query default application/x-prepkit-notebook → $default"
grep -q "^text/markdown=.*$app_id.desktop" /usr/share/applications/mimeinfo.cache \
  || fail "$app_id.desktop is not offered for text/markdown"

step "start the installed app from its desktop entry"
desktop=/usr/share/applications/$app_id.desktop
exec_line=$(sed -n 's/^Exec=//p' "$desktop" | head -n1)
wm_class=$(sed -n 's/^StartupWMClass=//p' "$desktop")
printf '# Packaged brief one\n\n## Likely Interview Topics\n\n- Basics\n  - Packaging\n' >"$work/one.md"
printf '# Packaged brief two\n\n## Likely Interview Topics\n\n- Basics\n  - Sockets\n' >"$work/two.md"
launch() { # The Exec line with %f replaced by a file (paths here have no spaces).
  local cmd=${exec_line//%f/$1}
  # shellcheck disable=SC2086
  timeout "$2" $cmd
}
display=:98
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done
export DISPLAY=$display
launch "$work/one.md" 600 >"$work/app.log" 2>&1 &
app=$!
win=""
for _ in $(seq 300); do
  win=$(xdotool search --onlyvisible --name 'Packaged brief one' 2>/dev/null | head -n1 || true)
  [ -n "$win" ] && break
  kill -0 "$app" 2>/dev/null || fail "the app exited early"
  sleep 0.1
done
[ -n "$win" ] || fail "no window titled with the brief within 30 s"
echo "window: $(xprop -id "$win" _NET_WM_NAME)"

step "window class and icon"
class=$(xprop -id "$win" WM_CLASS)
echo "$class"
case $class in *"\"$wm_class\""*) ;; *) fail "WM_CLASS is not the desktop entry's StartupWMClass ($wm_class)";; esac
icon=$(xprop -id "$win" -notype -f _NET_WM_ICON 32c ' = $0, $1' _NET_WM_ICON)
case $icon in "_NET_WM_ICON = 256, 256") echo "_NET_WM_ICON: a 256×256 icon";;
  *) fail "no window icon: $icon";; esac

# Waits up to 10 s for the running window's title to name $1.
wait_title() {
  for _ in $(seq 100); do
    xprop -id "$win" WM_NAME | grep -q "$1" && return 0
    sleep 0.1
  done
  return 1
}

step "a second start hands its file to the window"
launch "$work/two.md" 20 >"$work/second.log" 2>&1 || { cat "$work/second.log"; fail "the second start failed"; }
wait_title 'Packaged brief two' || fail "the running window did not open the second brief"
[ "$(xdotool search --onlyvisible --name '^Prepkit' | wc -l)" -eq 1 ] || fail "a second window opened"
echo "the second start exited at once; the first window now shows: $(xprop -id "$win" _NET_WM_NAME | cut -d'"' -f2)"

step "a .prepkit notebook opens through its MIME type"
notebook=$(ls "$PREPKIT_DATA_DIR"/notebooks/*.json | head -n1)
# The notebook's own title is its first "title"; sections have theirs later.
sed '0,/"title": "[^"]*"/s//"title": "Packaged notebook three"/' "$notebook" >"$work/three.prepkit"
# Its type comes from the name (the MIME database's glob, checked above);
# xdg-mime's own filetype query sniffs the content here (JSON) instead.
filetype=application/x-prepkit-notebook
opener=$(xdg-mime query default "$filetype")
[ "$opener" = "$app_id.desktop" ] || fail "$filetype opens with $opener"
launch "$work/three.prepkit" 20 >"$work/third.log" 2>&1 || { cat "$work/third.log"; fail "opening the notebook failed"; }
wait_title 'Packaged notebook three' || fail "the .prepkit notebook did not open"
echo "$filetype → $opener; the window shows: $(xprop -id "$win" _NET_WM_NAME | cut -d'"' -f2)"

step "quit"
xdotool windowfocus --sync "$win" 2>/dev/null || true
xdotool key --window "$win" ctrl+q
for _ in $(seq 100); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
kill -0 "$app" 2>/dev/null && fail "the app did not quit on Ctrl+Q"
wait "$app" || fail "the app exited with an error"
grep -lq '"Packaged brief two"' "$PREPKIT_DATA_DIR"/notebooks/*.json || fail "the second brief's notebook was not saved"
ls "$XDG_RUNTIME_DIR"/prepkit-*.sock >/dev/null 2>&1 && fail "the socket was left behind"

step "remove the package"
apt-get remove -y -qq prepkit >/dev/null 2>&1
[ ! -e /usr/bin/prepkit ] || fail "/usr/bin/prepkit is still there"
grep -q "application/x-prepkit-notebook" /usr/share/mime/globs2 && fail "the MIME type outlived the package"
printf -- '--> done (previous step: %ss)\n' "$((SECONDS - last))"
echo "packaging: ok in $((SECONDS - started)) s"
