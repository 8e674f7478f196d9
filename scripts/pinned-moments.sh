#!/usr/bin/env bash
# Runs the tests at the moments that once broke them — a Monday 09:00, a Friday 17:55, a Saturday
# night, the night Europe's clocks go forward, New Year's Eve — to prove no test depends on the
# hour it runs at. At each moment the machine's clock is set there for the tests' processes
# (libfaketime, from Debian), and the app and its demo are pinned to it (RAPPORT_TEST_AT).
#
#   scripts/pinned-moments.sh                   every moment, every suite
#   scripts/pinned-moments.sh 2027-01-01T00:00:00Z ...   moments of your own
#   SUITES="e2e" scripts/pinned-moments.sh      only some suites (rust, ui, e2e)
#
# Prints one line per moment and suite, and exits non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."

moments=("$@")
if [ ${#moments[@]} -eq 0 ]; then
  moments=(
    "2026-12-07T09:00:00Z" # Monday morning
    "2026-12-04T17:55:00Z" # Friday, five to six
    "2026-12-05T23:30:00Z" # Saturday night
    "2027-03-28T00:59:00Z" # a minute before Europe's clocks go forward
    "2026-12-31T23:30:00Z" # New Year's Eve
  )
fi
suites="${SUITES:-rust ui e2e}"

if ! command -v faketime >/dev/null 2>&1; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get install -y -qq faketime >/dev/null
fi

# Built once, on the machine's real clock; only the tests run at the pinned moments (rustc and
# rustdoc can hang under libfaketime, so the Rust suite leaves out the doc-tests, which read no
# clock).
make --no-print-directory build >/dev/null
cargo test --workspace --exclude rapport-empty-window --lib --bins --tests --no-run --quiet

log_dir="$(mktemp -d)"
failed=0
printf '%-22s %-5s %-6s %s\n' "moment" "suite" "result" "seconds"
for moment in "${moments[@]}"; do
  fake="@$(date -u -d "$moment" '+%Y-%m-%d %H:%M:%S')"
  for suite in $suites; do
    case "$suite" in
      rust) cmd=(cargo test --workspace --exclude rapport-empty-window --lib --bins --tests --quiet --no-fail-fast) ;;
      ui) cmd=(npm run --silent ui:test) ;;
      e2e) cmd=(npm run --silent e2e) ;;
      *) echo "unknown suite $suite" >&2; exit 2 ;;
    esac
    start=$(date +%s)
    log="$log_dir/${moment//:/}-$suite.log"
    # rustc itself can hang under libfaketime, so nothing is compiled here (see above), and a
    # suite that still takes past 20 minutes counts as failed.
    if RAPPORT_TEST_AT="$moment" TZ=UTC timeout 1200 faketime -f "$fake" "${cmd[@]}" >"$log" 2>&1; then
      result=passed
    else
      result=FAILED
      failed=1
    fi
    printf '%-22s %-5s %-6s %s\n' "$moment" "$suite" "$result" "$(($(date +%s) - start))"
    [ "$result" = passed ] || tail -n 30 "$log"
  done
done
echo "Logs: $log_dir"
exit $failed
