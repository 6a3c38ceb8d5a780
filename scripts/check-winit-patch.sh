#!/usr/bin/env bash
# Proves that patches/winit is winit 0.30.13 from the registry with
# patches/winit.diff applied, and nothing else.
#
# Fetches the release through cargo (a scratch package that depends on
# winit =0.30.13, without the patch), copies it, applies the diff, and
# compares the result with patches/winit file by file. Exit 0 when they are
# identical; otherwise prints the difference and exits 1.
#
# Usage: scripts/check-winit-patch.sh [--write]
#   --write  re-make patches/winit.diff from the vendored tree (after a
#            deliberate change to patches/winit), then check it
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
version=0.30.13
write=0
case "${1:-}" in
    --write) write=1 ;;
    "") ;;
    -h | --help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The release as cargo unpacks it.
mkdir -p "$work/fetch/src"
cat >"$work/fetch/Cargo.toml" <<EOF
[package]
name = "winit-release"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
winit = { version = "=$version", default-features = false }
EOF
: >"$work/fetch/src/lib.rs"
(cd "$work/fetch" && cargo fetch --quiet --target x86_64-unknown-linux-gnu)
cargo_home=${CARGO_HOME:-$HOME/.cargo}
release=$(find "$cargo_home/registry/src" -mindepth 2 -maxdepth 2 -type d -name "winit-$version" | head -n1)
[ -n "$release" ] || { echo "winit $version was not unpacked by cargo fetch" >&2; exit 1; }

# Both trees without cargo's unpack marker, side by side as a/ and b/.
mkdir -p "$work/cmp"
cp -r "$release" "$work/cmp/a"
cp -r "$here/patches/winit" "$work/cmp/b"
rm -f "$work/cmp/a/.cargo-ok" "$work/cmp/b/.cargo-ok"

if [ "$write" = 1 ]; then
    (cd "$work/cmp" && git diff --no-index --no-prefix a b >"$here/patches/winit.diff") || true
    echo "wrote patches/winit.diff ($(grep -c '^+++ ' "$here/patches/winit.diff") files)"
fi

cp -r "$work/cmp/a" "$work/applied"
(cd "$work/applied" && patch --quiet -p1 --no-backup-if-mismatch <"$here/patches/winit.diff")
if diff -r "$work/applied" "$work/cmp/b" >"$work/rest.diff"; then
    files=$(grep -c '^+++ ' "$here/patches/winit.diff")
    echo "patches/winit is winit $version plus patches/winit.diff ($files files), nothing else"
else
    echo "patches/winit differs from winit $version plus patches/winit.diff:" >&2
    cat "$work/rest.diff" >&2
    echo "(a deliberate change: scripts/check-winit-patch.sh --write, and say why in patches/README.md)" >&2
    exit 1
fi
