#!/usr/bin/env bash
# Reads Prepkit's accessibility tree the way a screen reader on Linux does:
# the release app under Xvfb, with a session bus and the accessibility bus,
# accessibility switched on (org.a11y.Status IsEnabled), the AT-SPI tree
# walked with pyatspi. Prints counts: topic and question rows in the tree
# against the notebook, unnamed controls and labels, headings, and checked
# rating buttons after rating a topic "3 Okay" through AT-SPI.
#
# Needs: Xvfb, xdotool, dbus (dbus-run-session), at-spi2-core and
# python3-pyatspi (Debian: apt-get install xvfb xdotool dbus-x11
# at-spi2-core python3-pyatspi gir1.2-atspi-2.0).
#
# Usage: scripts/a11y-audit.sh [path/to/prepkit]   (default: the release build)
set -euo pipefail

if [ -z "${PREPKIT_AUDIT_IN_BUS:-}" ]; then
  # A private session bus, gone when the audit ends.
  PREPKIT_AUDIT_IN_BUS=1 exec dbus-run-session -- "$0" "$@"
fi

here=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-${CARGO_TARGET_DIR:-$here/target}/release/prepkit}")
python=${PYTHON:-/usr/bin/python3}
display=${A11Y_DISPLAY:-:64}
work=$(mktemp -d)
trap 'kill "${app:-0}" "${bus:-0}" "${xvfb:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

if ! xdpyinfo -display "$display" >/dev/null 2>&1; then
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
  xvfb=$!
  for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done
fi
export DISPLAY=$display
export HOME="$work/home" XDG_DATA_HOME="$work/data-home" XDG_CONFIG_HOME="$work/config"
export XDG_RUNTIME_DIR="$work/run" PREPKIT_DATA_DIR="$work/data"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# The accessibility bus, and accessibility on (what a desktop does when a
# screen reader starts).
launcher=$( (ls /usr/libexec/at-spi-bus-launcher /usr/lib/at-spi2-core/at-spi-bus-launcher 2>/dev/null || true) | head -n1)
[ -n "$launcher" ] || { echo "at-spi2-core is not installed"; exit 1; }
"$launcher" --launch-immediately >"$work/bus.log" 2>&1 &
bus=$!
for _ in $(seq 50); do
  busctl --user status org.a11y.Bus >/dev/null 2>&1 && break
  sleep 0.1
done
busctl --user set-property org.a11y.Bus /org/a11y/bus org.a11y.Status IsEnabled b true

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
sleep 2

"$python" - "$work/tree.json" <<'PY'
"""Walks the app's AT-SPI tree on the topics page, rates the first topic
through AT-SPI, walks again, then opens the questions page and walks it."""
import json
import sys
import time

import pyatspi

CONTROLS = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_TEXT, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_LINK,
    pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_SLIDER,
}


def app():
    desktop = pyatspi.Registry.getDesktop(0)
    for _ in range(100):
        for a in desktop:
            if a is None:
                continue
            frames = [c for c in a if c is not None]
            if "prepkit" in (a.name or "").lower() or any(
                (f.name or "").startswith("Prepkit") for f in frames
            ):
                return a
        time.sleep(0.1)
    sys.exit("the app is not on the accessibility bus")


def walk(node, out, depth=0):
    if node is None or depth > 60:
        return
    try:
        states = node.getState()
        out.append({
            "role": node.getRoleName(),
            "role_id": int(node.getRole()),
            "name": node.name or "",
            "checked": states.contains(pyatspi.STATE_CHECKED),
            "selected": states.contains(pyatspi.STATE_SELECTED),
            "node": node,
        })
        for child in node:
            walk(child, out, depth + 1)
    except Exception:  # A node gone mid-walk (the app redrew).
        return


def snapshot():
    out = []
    walk(app(), out)
    return out


def click(nodes, name):
    for n in nodes:
        if n["name"] == name:
            action = n["node"].queryAction()
            action.doAction(0)
            time.sleep(1.0)
            return True
    return False


result = {}
nodes = snapshot()
result["frame"] = next((n["name"] for n in nodes if n["role_id"] == pyatspi.ROLE_FRAME), "")
result["topics_page"] = [{k: v for k, v in n.items() if k != "node"} for n in nodes]
first = "Asynchronous request handling"
result["rated"] = click(nodes, f"3 Okay: {first}")
nodes = snapshot()
result["after_rating"] = [{k: v for k, v in n.items() if k != "node"} for n in nodes]
tab = next((n["name"] for n in nodes if n["name"].startswith("Suggested Questions to Ask")), None)
if tab:
    click(nodes, tab)
    time.sleep(1.0)
result["questions_page"] = [
    {k: v for k, v in n.items() if k != "node"} for n in snapshot()
]
with open(sys.argv[1], "w") as f:
    json.dump(result, f)
PY

xdotool windowfocus --sync "$win" 2>/dev/null || true
xdotool key --window "$win" ctrl+q
for _ in $(seq 100); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
nb=$(ls "$PREPKIT_DATA_DIR"/notebooks/*.json 2>/dev/null | head -n1 || true)
[ -n "$nb" ] || { echo "no notebook was written"; exit 1; }

"$python" - "$work/tree.json" "$nb" <<'PY'
"""Prints the counts."""
import json
import sys

tree = json.load(open(sys.argv[1]))
nb = json.load(open(sys.argv[2]))


def texts(kind):
    return {
        item["text"]
        for s in nb["sections"] if s.get("kind") == kind
        for g in s.get("groups", [])
        for item in g.get("items", [])
    }


CONTROLS = {"push button", "toggle button", "check box", "radio button", "combo box",
            "entry", "text", "menu item", "link", "page tab", "list item",
            "spin button", "slider"}
page = tree["topics_page"]
names = {n["name"] for n in page}
topics = texts("topics")
questions = texts("checklist")
qnames = {n["name"] for n in tree["questions_page"]}
unnamed_controls = [n for n in page if n["role"] in CONTROLS and not n["name"].strip()]
unnamed_labels = [n for n in page if n["role"] == "label" and not n["name"].strip()]
headings = [n["name"] for n in page if n["role"] == "heading"]
radios = [n for n in tree["after_rating"] if n["role"] == "radio button"]
checked = [n["name"] for n in radios if n["checked"]]
rated = [c for c in checked if not c.startswith("0 ")]
selected_pages = [n["name"] for n in page if n["role"] == "page tab" and n["selected"]]
print(f"window name:               {tree['frame']!r}")
print(f"nodes on the topics page:  {len(page)}")
print(f"topic rows in the tree:    {len(topics & names)} of {len(topics)}")
print(f"question rows in the tree: {len(questions & qnames)} of {len(questions)}")
print(f"unnamed controls:          {len(unnamed_controls)}")
print(f"unnamed or blank labels:   {len(unnamed_labels)}")
print(f"headings:                  {len(headings)} {headings[:4]}")
print(f"current page selected:     {selected_pages}")
print(f"rated '3 Okay' via AT-SPI: {tree['rated']}")
print(f"checked rating buttons:    {len(checked)} of {len(radios)} (one per topic drawn)")
print(f"  of them rated:           {rated}")
missing = sorted(questions - qnames)
if missing:
    print(f"questions not in the tree: {missing}")
PY
