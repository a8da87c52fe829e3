#!/usr/bin/env bash
# `npm run check:backup [-- SOURCE_DATABASE_URL]`: prove that a backup restores.
#
#   1. pg_dump -Fc the source database (without an argument: a throwaway
#      database filled with the demo data and learners with a full history);
#   2. pg_restore it into a new, empty database;
#   3. compare the row count of every table, and every sequence position;
#   4. sign in against the restored copy with lib authenticate().
#
# With a real SOURCE_DATABASE_URL set CHECK_EMAIL and CHECK_PASSWORD to an
# account of that database for step 4. The restored copy is dropped at the
# end (KEEP_RESTORED=1 keeps it). Needs pg_dump/pg_restore at least as new as
# the server.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
SOURCE="${1:-}"
stamp="$(date +%s)_$$"
work="$(mktemp -d)"
created=()

url_for() { node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$BASE" "$1"; }
psql_base() { psql "$BASE" -v ON_ERROR_STOP=1 -qAtc "$1"; }
cleanup() {
  rm -rf "$work"
  for db in "${created[@]}"; do
    if [ "$db" = "cohort_restored_$stamp" ] && [ "${KEEP_RESTORED:-0}" = "1" ]; then echo "Kept $(url_for "$db")"; continue; fi
    psql_base "drop database if exists \"$db\" with (force)" || true
  done
}
trap cleanup EXIT

tsx() { npx tsx scripts/backup-verify.ts "$@"; }

if [ -z "$SOURCE" ]; then
  psql_base "create database \"cohort_backup_src_$stamp\""
  created+=("cohort_backup_src_$stamp")
  SOURCE="$(url_for "cohort_backup_src_$stamp")"
  echo "Source: a throwaway database with demo data and learners with a full history."
  tsx fill "$SOURCE"
  CHECK_EMAIL="admin@demo.cohort" CHECK_PASSWORD="cohort-demo-2026"
fi

echo "1. Backing up: pg_dump --format=custom"
start=$(date +%s%N)
pg_dump --format=custom --no-owner --file="$work/cohort.dump" "$SOURCE"
echo "   $(du -h "$work/cohort.dump" | cut -f1) in $(( ($(date +%s%N) - start) / 1000000 )) ms"

echo "2. Restoring into a new, empty database: pg_restore"
psql_base "create database \"cohort_restored_$stamp\""
created+=("cohort_restored_$stamp")
RESTORED="$(url_for "cohort_restored_$stamp")"
start=$(date +%s%N)
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$RESTORED" "$work/cohort.dump"
echo "   restored in $(( ($(date +%s%N) - start) / 1000000 )) ms"

echo "3. Comparing every table's row count and every sequence"
status=0
tsx compare "$SOURCE" "$RESTORED" || status=1

echo "4. Signing in against the restored copy"
if [ -n "${CHECK_EMAIL:-}" ] && [ -n "${CHECK_PASSWORD:-}" ]; then
  CHECK_PASSWORD="$CHECK_PASSWORD" tsx sign-in "$RESTORED" "$CHECK_EMAIL" || status=1
else
  echo "   skipped: set CHECK_EMAIL and CHECK_PASSWORD to an account of the source database"
  status=1
fi

if [ $status -eq 0 ]; then echo "RESULT: PASS — the backup restores"; else echo "RESULT: FAIL"; fi
exit $status
