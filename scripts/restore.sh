#!/usr/bin/env bash
# Restores a file written by scripts/backup.sh into a database with the mariadb client. The database is created when
# it is missing and must hold no tables: a restore never mixes two databases. Start the service on it afterwards
# (Naviyam__Storage__Mode=MySql and the connection string naming it); its migrations are already recorded, so
# `migrate` finds nothing to do. Orleans' membership rows (silos of the cluster that was backed up) are cleared.
#
# Usage: scripts/restore.sh [-h HOST] [-P PORT] [-u USER] DATABASE FILE
#   HOST 127.0.0.1, PORT 3306, USER naviyam unless given; the password is read from NAVIYAM_DB_PASSWORD. A FILE ending
#   in .gz is decompressed. The user needs all privileges on DATABASE (and CREATE to create it).
# Exit codes: 0 restored, 2 usage, 3 mariadb client missing, 4 the restore failed, 5 DATABASE is not empty,
#   6 FILE missing or unreadable.
set -uo pipefail

script=restore
source "$(dirname "$0")/database-args.sh" "$@"
[ -r "$file" ] || { echo "restore: cannot read $file" >&2; exit 6; }

client=$(find_client mariadb) || exit 3
sql() { "$client" --no-defaults --host="$host" --port="$port" --user="$user" --protocol=TCP --default-character-set=utf8mb4 "$@"; }

if ! sql -e "CREATE DATABASE IF NOT EXISTS \`$database\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"; then
  echo "restore: cannot create or reach $database on $host:$port" >&2
  exit 4
fi
tables=$(sql -N -B -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$database'") || {
  echo "restore: cannot read $database on $host:$port" >&2; exit 4; }
if [ "$tables" -ne 0 ]; then
  echo "restore: $database already holds $tables tables; restore into an empty database" >&2
  exit 5
fi

decompress=cat
[[ $file == *.gz ]] && decompress="gzip -dc"
$decompress "$file" | sql "$database"
statuses=("${PIPESTATUS[@]}")
if [ "${statuses[0]}" -ne 0 ] || [ "${statuses[1]}" -ne 0 ]; then
  echo "restore: restoring $file into $database failed (the database is partly filled: drop it before trying again)" >&2
  exit 4
fi
# The membership rows describe the silos of the cluster that was backed up, none of which runs against this copy:
# cleared, so the first silo started here does not wait for them to be voted dead. Reminders and grain state stay.
membership=$(sql -N -B -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$database' AND table_name = 'OrleansMembershipTable'") \
  && if [ "$membership" -eq 1 ]; then sql "$database" -e "DELETE FROM OrleansMembershipTable; DELETE FROM OrleansMembershipVersionTable"; fi
if [ $? -ne 0 ]; then
  echo "restore: $file restored into $database, but its Orleans membership rows could not be cleared" >&2
  exit 4
fi
echo "restore: $file restored into $database on $host:$port"
