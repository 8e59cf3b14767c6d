#!/usr/bin/env bash
# Builds dist/chatflow_<version>_amd64.deb from an already built bin/chatflow:
# the binary, a desktop entry and the icon, depending on the GTK and WebKitGTK
# runtime libraries the window needs.
set -euo pipefail
version="${1:?usage: package-deb.sh VERSION}"
version="${version#v}"
# Debian versions must start with a digit; a bare commit becomes 0.0.0~<commit>.
[[ "$version" =~ ^[0-9]+\.[0-9]+ ]] || version="0.0.0~git${version}"
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT

install -Dm755 bin/chatflow "$root/usr/bin/chatflow"
install -Dm644 build/linux/chatflow.desktop "$root/usr/share/applications/chatflow.desktop"
for size in 512 256 128 64 48 32; do
  mkdir -p "$root/usr/share/icons/hicolor/${size}x${size}/apps"
  convert build/appicon.png -resize "${size}x${size}" "$root/usr/share/icons/hicolor/${size}x${size}/apps/chatflow.png"
done
mkdir -p "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<CONTROL
Package: chatflow
Version: ${version}
Section: net
Priority: optional
Architecture: amd64
Depends: libgtk-3-0, libwebkit2gtk-4.1-0
Maintainer: Chatflow Studio <support@chatflow.invalid>
Installed-Size: $(du -sk "$root/usr" | cut -f1)
Description: Design WhatsApp chatbots and run them from your own computer
 Chatflow Studio is a desktop app for small businesses: drag chat components
 onto a canvas, connect your own JSON APIs, try the bot in a simulator and
 answer WhatsApp customers live through the Cloud API webhook.
CONTROL
mkdir -p dist
dpkg-deb --build --root-owner-group "$root" "dist/chatflow_${version}_amd64.deb" >/dev/null
echo "dist/chatflow_${version}_amd64.deb"
