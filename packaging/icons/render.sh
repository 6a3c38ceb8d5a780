#!/usr/bin/env bash
# Renders prepkit.svg to the PNG sizes desktops ask for, and the macOS .icns
# (when png2icns from icnsutils is installed) and the Windows .ico (when
# ImageMagick is). Run from anywhere.
# Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" prepkit.svg -o "prepkit-$size.png"
done
if command -v png2icns >/dev/null; then
  png2icns ../macos/prepkit.icns prepkit-16.png prepkit-32.png prepkit-48.png \
    prepkit-128.png prepkit-256.png prepkit-512.png >/dev/null
fi
if command -v convert >/dev/null; then
  convert prepkit-16.png prepkit-32.png prepkit-48.png prepkit-64.png prepkit-128.png prepkit-256.png \
    ../windows/prepkit.ico
fi
