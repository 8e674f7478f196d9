#!/usr/bin/env bash
# Whole CLI processes as a user waits for them — start, open, answer, exit — beside their floor:
# a process that opens the same file with the same SQLite and scans the touches once
# (examples/floor.rs); for the health review, also the floor that reads its 91 days of trend.
# Warm page cache, then (when this user may drop it) cold.
#
#   scripts/measure-cli.sh [DATABASE]   default: a heavy portfolio made once in target/measure/
set -euo pipefail
cd "$(dirname "$0")/.."

command -v hyperfine >/dev/null 2>&1 || {
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get install -y -qq hyperfine >/dev/null
}
cargo build --release --quiet -p rapport --bin rapport --example floor
rapport=target/release/rapport
floor=target/release/examples/floor

db="${1:-target/measure/heavy.db}"
if [ ! -f "$db" ]; then
  mkdir -p "$(dirname "$db")"
  echo "Making a heavy portfolio in $db (once)…"
  "$rapport" --db "$db" demo --scale heavy >/dev/null
fi
# Nothing but the command itself: no backup or snapshot is due while measuring.
"$rapport" --db "$db" account list >/dev/null
first=$("$rapport" --db "$db" account list --json | grep -o '"id": *"[^"]*"' | sed -n 1p | cut -d'"' -f4)

export RAPPORT_DB="$db"
run() {
  hyperfine --style basic --warmup "$1" --runs "$2" ${3:+--prepare "$3"} \
    -n floor "$floor $db" \
    -n "today --json" "$rapport today --json" \
    -n "floor with the trend" "$floor $db --trend" \
    -n "health --json" "$rapport health --json" \
    -n "account list --json" "$rapport account list --json" \
    -n "account show --json" "$rapport account show $first --json"
}
echo "== warm page cache"
run 2 10
if sync && (echo 3 >/proc/sys/vm/drop_caches) 2>/dev/null; then
  echo "== cold page cache (dropped before every run)"
  run 0 5 "sync; echo 3 > /proc/sys/vm/drop_caches"
else
  echo "== cold page cache: not measured (this user cannot drop the page cache)"
fi
