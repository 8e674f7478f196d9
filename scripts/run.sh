#!/usr/bin/env bash
# Opens Rapport on the demo portfolio, kept in .dev/ so your own data is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."

db="${RAPPORT_DB:-$PWD/.dev/rapport.db}"
if [ ! -f "$db" ]; then
  ./target/debug/rapport --db "$db" demo
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  # No screen here (a server or CI box): open the window on a virtual one.
  export DISPLAY=:77
  if ! xdpyinfo -display "$DISPLAY" >/dev/null 2>&1; then
    Xvfb "$DISPLAY" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
    sleep 1
  fi
  echo "No display found: Rapport is running on the virtual display $DISPLAY."
  echo "See it with: DISPLAY=$DISPLAY import -window root rapport.png"
fi

echo "Opening Rapport on $db"
WEBKIT_DISABLE_DMABUF_RENDERER=1 RAPPORT_DB="$db" exec ./target/debug/rapport-desktop
