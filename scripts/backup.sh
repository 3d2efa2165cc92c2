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

usage() { echo "usage: scripts/backup.sh [-h HOST] [-P PORT] [-u USER] DATABASE FILE (password in NAVIYAM_DB_PASSWORD)" >&2; exit 2; }

host=127.0.0.1 port=3306 user=naviyam
while getopts ":h:P:u:" option; do
  case "$option" in
    h) host=$OPTARG ;;
    P) port=$OPTARG ;;
    u) user=$OPTARG ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || usage
database=$1 file=$2
[[ $database =~ ^[A-Za-z0-9_]+$ ]] || { echo "backup: '$database' is not a database name (letters, digits, _)" >&2; exit 2; }
[[ $port =~ ^[0-9]+$ ]] || { echo "backup: port '$port' is not a number" >&2; exit 2; }

dump=$(command -v mariadb-dump || { [ -x /usr/bin/mariadb-dump ] && echo /usr/bin/mariadb-dump; }) || true
if [ -z "$dump" ]; then
  echo "backup: mariadb-dump not found; install Debian's mariadb-client (apt-get install mariadb-client)" >&2
  exit 3
fi

# The client reads the password from the environment, so it never appears in a process list.
export MYSQL_PWD=${NAVIYAM_DB_PASSWORD:-}
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
