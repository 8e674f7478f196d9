#!/usr/bin/env bash
# Installs whatever this machine lacks to build, run and test Rapport, and nothing it already
# has: Debian's system libraries and tools, the npm packages, and tauri-driver. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Debian packages: WebKitGTK and friends for the window, Xvfb and WebKitWebDriver for the
# end-to-end tests, Chromium for the UI's own tests, ImageMagick for screenshots, strace for
# the tests that Rapport opens no network connection, a D-Bus daemon for the test that a
# second start of the app hands over to the first, and rpm to read the .rpm package's contents.
packages=(
  pkg-config build-essential
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev libssl-dev libxdo-dev
  xvfb x11-utils webkit2gtk-driver imagemagick chromium strace dbus-daemon rpm
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Rust components the checks use.
for component in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$component" || rustup component add "$component"
done

# npm packages, exactly as locked. No package may download a browser: tests use Debian's.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

# tauri-driver: the WebDriver front for the real app window.
cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$cargo_bin/tauri-driver" ]; then
  say "Installing tauri-driver"
  cargo install tauri-driver@2.1.0 --locked --quiet
fi
