#!/usr/bin/env bash
# Runs every test of the solution in two stages and ends with one summary line: "Tests: N passed, N failed, N skipped".
#   main   every test except the fault tests (xunit trait Category=Fault)
#   fault  the fault tests: real silo processes killed under load, the database stopped and frozen behind a proxy
# Starts a private throwaway MariaDB for the MySQL-mode tests (installing Debian's mariadb-server when it is
# missing and this runs as root; otherwise it says what to install) and stops it afterwards.
# Usage: scripts/test.sh [--stage main|fault] [extra dotnet test arguments]
#   (by default both stages run, the fault stage after the main one even when the main one failed)
set -euo pipefail
cd "$(dirname "$0")/.."

stages=(main fault)
if [ "${1:-}" = "--stage" ]; then
  case "${2:-}" in
    main|fault) stages=("$2") ;;
    *) echo "scripts/test.sh: --stage is main or fault" >&2; exit 2 ;;
  esac
  shift 2
fi

work=$(mktemp -d -t naviyam-test.XXXXXX)
cleanup() {
  scripts/mariadb.sh stop "$work/mariadb" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# A free loopback port for this run's database.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
scripts/mariadb.sh start "$work/mariadb" "$port"
export NAVIYAM_TEST_MYSQL="Server=127.0.0.1;Port=${port};User ID=naviyam;Password=naviyam;Database=naviyam"

# Adds up the test assemblies' counts as "passed failed skipped": each prints "Failed:  X, Passed:  Y, Skipped:  Z",
# or, under the detailed console logger, "Total tests: N" followed by "Passed: Y", "Failed: X" and "Skipped: Z" lines.
count() {
  if grep -Eq 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$1"; then
    grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$1" \
      | awk -F'[:,]' '{f+=$2; p+=$4; s+=$6} END {print p+0, f+0, s+0}'
  else
    awk '/^Total tests:/ {t=1} t && /^ +Passed: +[0-9]+$/ {p+=$2} t && /^ +Failed: +[0-9]+$/ {f+=$2} t && /^ +Skipped: +[0-9]+$/ {s+=$2}
         END {print p+0, f+0, s+0}' "$1"
  fi
}

status=0
total_passed=0 total_failed=0 total_skipped=0
summaries=()
for stage in "${stages[@]}"; do
  log="$work/$stage.log"
  echo "=== Stage ${stage} ==="
  stage_status=0
  if [ "$stage" = main ]; then
    dotnet test Naviyam.sln --configuration Release --filter "Category!=Fault" "$@" 2>&1 | tee "$log" || stage_status=$?
  else
    # Only the integration tests carry fault tests; the main stage (when it ran) has built them already. The detailed
    # logger prints what each fault test measured (recovery times, counts) even when it passes.
    build=()
    [ "${#stages[@]}" -gt 1 ] && build=(--no-build)
    dotnet test tests/Naviyam.IntegrationTests --configuration Release "${build[@]}" --filter "Category=Fault" \
      --logger "console;verbosity=detailed" "$@" 2>&1 | tee "$log" || stage_status=$?
  fi
  read -r passed failed skipped < <(count "$log")
  summaries+=("Stage ${stage}: ${passed} passed, ${failed} failed, ${skipped} skipped")
  total_passed=$((total_passed + passed)) total_failed=$((total_failed + failed)) total_skipped=$((total_skipped + skipped))
  if [ "$stage_status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
    status=1
  fi
done

# The failed tests' names, just above the summary, so that a log's tail says what failed.
if [ "$total_failed" -ne 0 ]; then
  echo "Failed tests:"
  grep -hE '^ +Failed [A-Za-z_][A-Za-z0-9_.]+ \[' "$work"/*.log | sed -E 's/^ +Failed /  /' | sort -u || true
fi
printf '%s\n' "${summaries[@]}"
echo "Tests: ${total_passed} passed, ${total_failed} failed, ${total_skipped} skipped"
exit "$status"
