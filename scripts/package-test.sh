#!/usr/bin/env bash
# The packages as a user meets them (issue 22): the .deb built by `make package` is installed on
# this machine, its `rapport` and its desktop app are used from where they were installed — the
# CLI makes the demo in the user's own data folder, the app opens on it in a real window — then
# the package is removed and the user's data folder must be exactly as it was. The .rpm is
# checked for the same files. Runs as root, or with sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf 'package-test: %s\n' "$*" >&2; exit 1; }
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)

deb=$(ls -t target/release/bundle/deb/*.deb 2>/dev/null | head -1)
rpm=$(ls -t target/release/bundle/rpm/*.rpm 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no .deb in target/release/bundle/deb: run make package"
[ -n "$rpm" ] || fail "no .rpm in target/release/bundle/rpm: run make package"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)

say "What the packages hold"
listing=$(dpkg-deb --contents "$deb")
for wanted in usr/bin/rapport usr/bin/rapport-desktop usr/share/applications/Rapport.desktop \
  usr/share/doc/rapport/copyright usr/share/icons/hicolor/16x16/apps/rapport-desktop.png \
  usr/share/icons/hicolor/48x48/apps/rapport-desktop.png usr/share/icons/hicolor/512x512/apps/rapport-desktop.png; do
  grep -Eq " (\./)?$wanted\$" <<<"$listing" || fail "the .deb lacks /$wanted"
done
[ "$(dpkg-deb --field "$deb" Version)" = "$version" ] || fail "the .deb is not version $version"
dpkg-deb --field "$deb" Depends | grep -q libwebkit2gtk-4.1-0 || fail "the .deb does not depend on WebKitGTK"
rpm_files=$(rpm -qlp "$rpm" 2>/dev/null)
for wanted in /usr/bin/rapport /usr/bin/rapport-desktop /usr/share/applications/Rapport.desktop /usr/share/licenses/rapport/LICENSE; do
  grep -qx "$wanted" <<<"$rpm_files" || fail "the .rpm lacks $wanted"
done
[ "$(rpm -qp --queryformat '%{VERSION}' "$rpm" 2>/dev/null)" = "$version" ] || fail "the .rpm is not version $version"

# A user of their own: a home, a data folder, nothing from this checkout on the path.
user_home=$(mktemp -d)
export HOME="$user_home" XDG_DATA_HOME="$user_home/.local/share" XDG_CONFIG_HOME="$user_home/.config"
unset RAPPORT_DB
export RAPPORT_AT="2026-12-02T10:00:00Z"
installed=false
cleanup() {
  if $installed; then "${as_root[@]}" dpkg --remove rapport >/dev/null 2>&1 || true; fi
  rm -rf "$user_home"
}
trap cleanup EXIT

say "Installing $deb"
"${as_root[@]}" dpkg --install "$deb" >/dev/null
installed=true
[ "$(command -v rapport)" = /usr/bin/rapport ] || fail "rapport is not on the PATH from the package"
line=$(/usr/bin/rapport --version)
[[ "$line" =~ ^rapport\ $version\ \(data\ format\ [0-9]+\)$ ]] || fail "rapport --version said: $line"
echo "$line"
/usr/bin/rapport demo | grep -q "Demo portfolio ready" || fail "rapport demo did not fill the data folder"
data="$XDG_DATA_HOME/rapport/rapport.db"
[ -f "$data" ] || fail "the demo is not in the user's data folder ($data)"
exec_line=$(sed -n 's/^Exec=//p' /usr/share/applications/Rapport.desktop)
[ -x "$(command -v "${exec_line%% *}")" ] || fail "the desktop entry starts '$exec_line', which is not installed"

say "The installed app, in a real window"
RAPPORT_APP=/usr/bin/rapport-desktop RAPPORT_CLI=/usr/bin/rapport RAPPORT_INSTALLED_DB="$data" \
  node --test tests/package/

before=$(cd "$XDG_DATA_HOME/rapport" && find . -type f -name '*.db' -print0 | sort -z | xargs -0 sha256sum)

say "Removing the package"
"${as_root[@]}" dpkg --remove rapport >/dev/null
installed=false
[ ! -e /usr/bin/rapport ] && [ ! -e /usr/bin/rapport-desktop ] || fail "removing the package left its programs"
after=$(cd "$XDG_DATA_HOME/rapport" && find . -type f -name '*.db' -print0 | sort -z | xargs -0 sha256sum)
[ "$before" = "$after" ] || fail "removing the package changed the user's data folder"
say "Installed, used and removed; the user's data is as it was ($(wc -l <<<"$after") files)"
