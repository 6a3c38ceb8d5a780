#!/usr/bin/env bash
# Makes Prepkit.app (and Prepkit.dmg when hdiutil exists, i.e. on macOS)
# from a built binary. Usage: packaging/macos/bundle.sh [BINARY] [OUT_DIR]
# Defaults: target/dist/prepkit and target/macos.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-target/dist/prepkit}
out=${2:-target/macos}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
app="$out/Prepkit.app"
rm -rf "$app"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
install -m755 "$bin" "$app/Contents/MacOS/prepkit"
install -m644 packaging/macos/prepkit.icns "$app/Contents/Resources/prepkit.icns"
sed "s/@VERSION@/$version/g" packaging/macos/Info.plist >"$app/Contents/Info.plist"
if command -v plutil >/dev/null; then plutil -lint "$app/Contents/Info.plist"; fi
if command -v hdiutil >/dev/null; then
  rm -f "$out/Prepkit.dmg"
  hdiutil create -volname Prepkit -srcfolder "$app" -ov -format UDZO "$out/Prepkit.dmg"
fi
echo "$app"
