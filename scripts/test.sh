#!/usr/bin/env bash
# Runs every test of the solution and ends with one summary line: "Tests: N passed, N failed, N skipped".
# Starts a private throwaway MariaDB for the MySQL-mode tests (installing Debian's mariadb-server when it is
# missing and this runs as root; otherwise it says what to install) and stops it afterwards.
# Usage: scripts/test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d -t naviyam-test.XXXXXX)
log="$work/test.log"
cleanup() {
  scripts/mariadb.sh stop "$work/mariadb" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# A free loopback port for this run's database.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
scripts/mariadb.sh start "$work/mariadb" "$port"
export NAVIYAM_TEST_MYSQL="Server=127.0.0.1;Port=${port};User ID=naviyam;Password=naviyam;Database=naviyam"

status=0
dotnet test Naviyam.sln --configuration Release "$@" 2>&1 | tee "$log" || status=$?

# Each test assembly prints "Failed:  X, Passed:  Y, Skipped:  Z"; add them up into one closing line.
read -r passed failed skipped < <(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" \
  | awk -F'[:,]' '{f+=$2; p+=$4; s+=$6} END {print p+0, f+0, s+0}')
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
