#!/usr/bin/env bash
# CSV import as a user waits for it, whole process: a generated CRM export of people at 2,000
# companies (five columns), previewed (--dry-run) and then imported into an empty database, at
# growing sizes. Prints the time and the largest resident memory of each run.
#
#   scripts/measure-csv.sh [ROWS ...]   default: 20000 100000 1000000
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet -p rapport --bin rapport
rapport=$PWD/target/release/rapport
work=target/measure/csv
mkdir -p "$work"

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(20000 100000 1000000)

printf '%-10s %-8s %-12s %-12s %-12s %-12s\n' rows file "preview s" "preview MiB" "import s" "import MiB"
for rows in "${sizes[@]}"; do
  csv="$work/people-$rows.csv"
  [ -f "$csv" ] || python3 - "$rows" "$csv" <<'EOF'
import sys
rows, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w", encoding="utf-8", newline="") as f:
    f.write("Company,First Name,Last Name,Email,Job Title\r\n")
    for n in range(rows):
        f.write(f"Company {n % 2000},Person,Number {n},person.{n}@company{n % 2000}.example,Buyer\r\n")
EOF
  db="$work/import-$rows.db"
  rm -f "$db" "$db"-* && rm -rf "$(dirname "$db")/backups"
  "$rapport" --db "$db" account add "An existing client" >/dev/null
  measure() { /usr/bin/time -f '%e %M' "$rapport" --db "$db" import "$csv" "$@" 2>&1 >/dev/null | tail -1; }
  read -r preview_s preview_kb < <(measure --dry-run)
  read -r import_s import_kb < <(measure)
  printf '%-10s %-8s %-12s %-12s %-12s %-12s\n' "$rows" "$(du -h "$csv" | cut -f1)" \
    "$preview_s" "$((preview_kb / 1024))" "$import_s" "$((import_kb / 1024))"
done
