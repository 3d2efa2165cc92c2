#!/usr/bin/env bash
# Backs up one Naviyam database with mariadb-dump (Debian's mariadb-client; scripts/mariadb.sh installs it with the
# server): every table with its data, the stored procedures (foodcard_apply, Orleans' providers') and the triggers
# (the ledger's append-only guard), from one consistent InnoDB snapshot (--single-transaction: no table is locked, the
# service keeps answering). Times are DATETIME(6) UTC and are dumped as stored. The file names no database (no USE),
# so scripts/restore.sh can put it into any database.
#
# Usage: scripts/backup.sh [-h HOST] [-P PORT] [-u USER] DATABASE FILE
#   HOST 127.0.0.1, PORT 3306, USER naviyam unless given. The password is read from NAVIYAM_DB_PASSWORD, never from
#   the command line (other users of the machine can read arguments). A FILE ending in .gz is gzip-compressed.
#   FILE is written as FILE.partial and renamed only when the dump succeeded, so a FILE is always a whole backup.
# Exit codes: 0 written, 2 usage, 3 mariadb-dump missing, 4 the dump failed (FILE not written).
set -uo pipefail

script=backup
source "$(dirname "$0")/database-args.sh" "$@"

dump=$(find_client mariadb-dump) || exit 3
partial="$file.partial"
rm -f "$partial"
compress=cat
[[ $file == *.gz ]] && compress="gzip -c"

"$dump" --no-defaults --host="$host" --port="$port" --user="$user" --protocol=TCP \
  --single-transaction --routines --triggers --hex-blob --default-character-set=utf8mb4 \
  "$database" 2>"$partial.err" \
  | $compress >"$partial"
statuses=("${PIPESTATUS[@]}")
if [ "${statuses[0]}" -ne 0 ] || [ "${statuses[1]}" -ne 0 ]; then
  echo "backup: mariadb-dump of $database on $host:$port failed:" >&2
  cat "$partial.err" >&2
  rm -f "$partial" "$partial.err"
  exit 4
fi
rm -f "$partial.err"
mv "$partial" "$file"
echo "backup: $database on $host:$port written to $file ($(wc -c <"$file") bytes)"
