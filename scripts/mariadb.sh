#!/usr/bin/env bash
# Private, throwaway MariaDB instance for development and tests. No systemd, no system config.
#
#   scripts/mariadb.sh start  DIR PORT   fresh instance: DIR/data, DIR/mysql.sock, 127.0.0.1:PORT,
#                                        database `naviyam`, user naviyam/naviyam
#   scripts/mariadb.sh stop   DIR        shut the instance in DIR down (no-op when none runs)
#   scripts/mariadb.sh status DIR        exit 0 when the instance in DIR answers, 1 otherwise
#
# `start` always begins from an empty data directory: whatever DIR held is stopped and wiped.
set -euo pipefail

DB_NAME=naviyam
DB_USER=naviyam
DB_PASSWORD=naviyam
START_TIMEOUT_SECONDS=60
STOP_TIMEOUT_SECONDS=30

die() {
    echo "mariadb.sh: $*" >&2
    exit 1
}

usage() {
    echo "usage: $0 start DIR PORT | stop DIR | status DIR" >&2
    exit 2
}

# Looks a program up on PATH and then in the usual Debian locations (sbin is often not on PATH).
find_program() {
    local name dir
    for name in "$@"; do
        if command -v "$name" >/dev/null 2>&1; then
            command -v "$name"
            return 0
        fi
        for dir in /usr/sbin /usr/bin /sbin /bin /usr/local/sbin /usr/local/bin; do
            if [[ -x "$dir/$name" ]]; then
                echo "$dir/$name"
                return 0
            fi
        done
    done
    return 1
}

resolve_programs() {
    MARIADBD=$(find_program mariadbd mysqld) || return 1
    INSTALL_DB=$(find_program mariadb-install-db mysql_install_db) || return 1
    ADMIN=$(find_program mariadb-admin mysqladmin) || return 1
    CLIENT=$(find_program mariadb mysql) || return 1
}

ensure_programs() {
    if resolve_programs; then
        return 0
    fi
    if [[ $(id -u) -ne 0 ]]; then
        die "MariaDB server programs not found (mariadbd, mariadb-install-db, mariadb-admin, mariadb).
Install them, e.g.: sudo apt-get install -y mariadb-server mariadb-client"
    fi
    local log
    log=$(mktemp /tmp/mariadb-apt.XXXXXX.log)
    # The package's own service start fails without systemd; that is expected and harmless here.
    if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y mariadb-server mariadb-client; } >"$log" 2>&1; then
        tail -n 20 "$log" >&2
        die "installing mariadb-server and mariadb-client failed (full log: $log)"
    fi
    rm -f "$log"
    resolve_programs || die "mariadb-server installed, but mariadbd/mariadb-install-db still not found"
}

# The pid of the server recorded in DIR, if that process is still alive.
running_pid() {
    local pid_file="$1/mariadbd.pid" pid
    [[ -f "$pid_file" ]] || return 1
    pid=$(<"$pid_file")
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    echo "$pid"
}

stop_instance() {
    local dir="$1" pid waited=0
    pid=$(running_pid "$dir") || return 0
    if [[ -S "$dir/mysql.sock" ]] && resolve_programs; then
        "$ADMIN" --no-defaults --socket="$dir/mysql.sock" -uroot shutdown >/dev/null 2>&1 || true
    else
        kill -TERM "$pid" 2>/dev/null || true
    fi
    while kill -0 "$pid" 2>/dev/null; do
        if ((waited >= STOP_TIMEOUT_SECONDS * 10)); then
            echo "mariadb.sh: server $pid did not stop in ${STOP_TIMEOUT_SECONDS}s; killing it" >&2
            kill -KILL "$pid" 2>/dev/null || true
            break
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

show_log_tail() {
    local log="$1"
    if [[ -f "$log" ]]; then
        echo "---- last lines of $log ----" >&2
        tail -n 25 "$log" >&2
    fi
}

cmd_start() {
    local dir="$1" port="$2"
    [[ "$port" =~ ^[0-9]+$ ]] && ((port > 0 && port < 65536)) || die "PORT must be a TCP port number, got '$port'"
    ensure_programs

    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    local data="$dir/data" sock="$dir/mysql.sock" log="$dir/mariadbd.log"

    # A previous run may have left a server or files behind: stop it, then start from nothing.
    stop_instance "$dir"
    rm -rf "$data" "$sock" "$sock.lock" "$dir/mariadbd.pid" "$log" "$dir/install.log"
    mkdir -p "$data"

    # Unix sockets are limited to about 107 bytes of path.
    ((${#sock} < 100)) || die "socket path too long ($sock); use a shorter DIR"
    ! port_in_use "$port" || die "127.0.0.1:$port is already in use; pick another PORT"

    local user_args=()
    [[ $(id -u) -ne 0 ]] || user_args=(--user=root)

    if ! "$INSTALL_DB" --no-defaults --datadir="$data" "${user_args[@]}" \
        --auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1; then
        show_log_tail "$dir/install.log"
        die "mariadb-install-db failed"
    fi

    # UTC server clock: DATETIME defaults (CURRENT_TIMESTAMP) must mean UTC, as Orleans' values do.
    # More connections than the default 151: the test run's many gateways and silos each keep a connection pool.
    setsid "$MARIADBD" --no-defaults \
        --datadir="$data" \
        --socket="$sock" \
        --port="$port" \
        --bind-address=127.0.0.1 \
        --pid-file="$dir/mariadbd.pid" \
        --log-error="$log" \
        --skip-log-bin \
        --skip-name-resolve \
        --default-time-zone=+00:00 \
        --character-set-server=utf8mb4 \
        --collation-server=utf8mb4_unicode_ci \
        --max-allowed-packet=64M \
        --max-connections=1000 \
        --innodb-buffer-pool-size=128M \
        "${user_args[@]}" \
        </dev/null >>"$dir/mariadbd.out" 2>&1 &
    local server_pid=$!

    local waited=0
    until "$ADMIN" --no-defaults --socket="$sock" -uroot --connect-timeout=2 ping >/dev/null 2>&1; do
        if ! kill -0 "$server_pid" 2>/dev/null; then
            show_log_tail "$log"
            die "mariadbd exited during start-up (port $port, datadir $data)"
        fi
        if ((waited >= START_TIMEOUT_SECONDS * 5)); then
            show_log_tail "$log"
            kill -TERM "$server_pid" 2>/dev/null || true
            die "mariadbd did not answer ping within ${START_TIMEOUT_SECONDS}s"
        fi
        sleep 0.2
        waited=$((waited + 1))
    done

    # The application user may also create naviyam_* databases (isolated test databases).
    if ! "$CLIENT" --no-defaults --socket="$sock" -uroot >/dev/null 2>"$dir/setup.err" <<SQL; then
CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$DB_USER'@'127.0.0.1', '$DB_USER'@'localhost';
GRANT ALL PRIVILEGES ON \`${DB_NAME}\\_%\`.* TO '$DB_USER'@'127.0.0.1', '$DB_USER'@'localhost';
SQL
        cat "$dir/setup.err" >&2
        die "creating database '$DB_NAME' and user '$DB_USER' failed"
    fi
    rm -f "$dir/setup.err"
    echo "mariadb ready: 127.0.0.1:$port (socket $sock), database $DB_NAME, user $DB_USER/$DB_PASSWORD"
}

cmd_stop() {
    local dir="$1"
    [[ -d "$dir" ]] || return 0
    stop_instance "$dir"
}

cmd_status() {
    local dir="$1"
    running_pid "$dir" >/dev/null || return 1
    resolve_programs || return 1
    "$ADMIN" --no-defaults --socket="$dir/mysql.sock" -uroot ping >/dev/null 2>&1
}

case "${1:-}" in
    start) [[ $# -eq 3 ]] || usage; cmd_start "$2" "$3" ;;
    stop) [[ $# -eq 2 ]] || usage; cmd_stop "$2" ;;
    status) [[ $# -eq 2 ]] || usage; cmd_status "$2" ;;
    *) usage ;;
esac
