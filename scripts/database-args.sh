# Sourced by scripts/backup.sh and scripts/restore.sh: the arguments both take, "[-h HOST] [-P PORT] [-u USER] DATABASE
# FILE", checked, and the MariaDB client programs looked up. Sets host, port, user, database and file; exits 2 on bad
# usage. The caller sets `script` (its name, for messages) first.

usage() { echo "usage: scripts/$script.sh [-h HOST] [-P PORT] [-u USER] DATABASE FILE (password in NAVIYAM_DB_PASSWORD)" >&2; exit 2; }

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
[[ $database =~ ^[A-Za-z0-9_]+$ ]] || { echo "$script: '$database' is not a database name (letters, digits, _)" >&2; exit 2; }
[[ $port =~ ^[0-9]+$ ]] || { echo "$script: port '$port' is not a number" >&2; exit 2; }

# The clients read the password from the environment, so it never appears in a process list.
export MYSQL_PWD=${NAVIYAM_DB_PASSWORD:-}

# Prints the path of a MariaDB client program (PATH, then /usr/bin as Debian installs it), or says what to install and
# fails: the caller writes `program=$(find_client NAME) || exit 3`.
find_client() {
  command -v "$1" || { [ -x "/usr/bin/$1" ] && echo "/usr/bin/$1"; } || {
    echo "$script: $1 not found; install Debian's mariadb-client (apt-get install mariadb-client)" >&2
    return 3
  }
}
