#!/usr/bin/env bash
# The benchmark suite in one command: builds Release, runs the end-to-end load (embedded default and the 100,000-shop
# city, each with the worst-case load and the realistic mix; 10,000 sessions, 10,000 SignalR connections, and MySQL
# mode with --mysql) and the BenchmarkDotNet micro-benchmarks, then writes docs/benchmarks.md. All load goes to
# 127.0.0.1; every part is bounded in time.
#
#   bench/run.sh [--mysql] [--quick]
#
#   --mysql   also run MySQL mode on a private, throwaway MariaDB (scripts/mariadb.sh; installs mariadb-server when
#             missing and running as root). NAVIYAM_BENCH_MYSQL=<connection string> uses an existing server instead.
#   --quick   a smoke run (short rounds, 1,000 sessions/connections, a subset of micro-benchmarks); its page says so.
#
# Takes about 25 minutes on a 2-core machine. Raw results stay in bench/results/<time>/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."

mysql=0
quick=0
for arg in "$@"; do
  case "$arg" in
    --mysql) mysql=1 ;;
    --quick) quick=1 ;;
    *) echo "usage: bench/run.sh [--mysql] [--quick]" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out="bench/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
work=$(mktemp -d -t naviyam-bench.XXXXXX)
cleanup() {
  scripts/mariadb.sh stop "$work/mariadb" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== build (Release)"
# One project at a time: this machine has 2 cores and others build on it too.
dotnet build bench/Naviyam.LoadTest/Naviyam.LoadTest.csproj -c Release -nologo -v quiet
dotnet build bench/Naviyam.Benchmarks/Naviyam.Benchmarks.csproj -c Release -nologo -v quiet

load="bench/Naviyam.LoadTest/bin/Release/net10.0/Naviyam.LoadTest.dll"
micro="bench/Naviyam.Benchmarks/bin/Release/net10.0/Naviyam.Benchmarks.dll"
if [ "$quick" -eq 1 ]; then
  timing=(--rounds 1 --round-seconds 2 --warmup-seconds 1)
  scale_timing=(--rounds 1 --round-seconds 5 --warmup-seconds 2)
  count=1000
  micro_args=(--filter '*Text*' --sample-seconds 0.5)
else
  timing=(--rounds 2 --round-seconds 5 --warmup-seconds 2)
  scale_timing=(--rounds 1 --round-seconds 15 --warmup-seconds 5)
  count=10000
  micro_args=(--sample-seconds 1.5)
fi

echo "== embedded default: the worst case and the realistic mix, in the silo, over SignalR and over REST, each beside its baseline"
# --capture keeps the sessions the in-silo mix played: the micro-benchmarks replay their query shapes.
dotnet "$load" turns --name embedded --out "$out/embedded.json" --capture "$out/mix-sessions.jsonl" "${timing[@]}" --max-minutes 12

if [ "$mysql" -eq 1 ]; then
  connection="${NAVIYAM_BENCH_MYSQL:-}"
  if [ -z "$connection" ]; then
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    scripts/mariadb.sh start "$work/mariadb" "$port"
    # Bounded pools: with MySqlConnector's default (100 per pool) and several pools, 100 concurrent sessions exceed
    # MariaDB's default max_connections (151) and turns fail with "Too many connections".
    connection="Server=127.0.0.1;Port=${port};User ID=naviyam;Password=naviyam;Database=naviyam;Maximum Pool Size=40"
  fi
  echo "== MySQL mode: the same runs with durable turns"
  dotnet "$load" turns --name mysql --mysql "$connection" --out "$out/mysql.json" "${timing[@]}" --max-minutes 14
fi

echo "== scale: 100,000 generated shops"
# Fewer sessions and longer rounds: a turn over the whole generated city takes far longer than at 3,000 shops. Both
# loads in the silo only (no transport, no 1-session pair): the issue-11 targets at this size are CPU per turn and retrieval.
dotnet "$load" turns --name scale --shops 100000 --no-transport --no-unloaded --silo-workers 10 --out "$out/scale.json" "${scale_timing[@]}" --max-minutes 10

echo "== $count active sessions"
dotnet "$load" sessions --count "$count" --out "$out/sessions.json" --max-minutes 8

echo "== $count SignalR connections (clients in a child process)"
dotnet "$load" connections --count "$count" --out "$out/connections.json" --max-minutes 6

echo "== micro-benchmarks (BenchmarkDotNet)"
dotnet "$micro" --out "$out" --mix-sessions "$out/mix-sessions.jsonl" "${micro_args[@]}"

command="bench/run.sh${*:+ $*}"
dotnet "$load" report --results "$out" --out docs/benchmarks.md --command "$command" --commit "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (with local changes to src/)')"
echo "== wrote docs/benchmarks.md (raw results in $out)"
