#!/usr/bin/env bash
# Starts a throw-away LaRS (the xapi-rs crate 0.2.0, a conformant xAPI 2.0 LRS; GPL-3.0,
# a test fixture only, never a dependency) with a private PostgreSQL cluster, both on
# 127.0.0.1, in DIR, and prints the xAPI endpoint (needs Debian's postgresql 15).
#
# usage: scripts/lars.sh DIR LRS_PORT PG_PORT   start both
#        scripts/lars.sh stop DIR               stop both
#        scripts/lars.sh pause DIR              stop only the database (LaRS then answers
#                                               statements with HTTP 500, its own failure)
#        scripts/lars.sh resume DIR             start the database again
#        scripts/lars.sh halt DIR               kill LaRS at once (SIGKILL), database left up
#        scripts/lars.sh relaunch DIR           start LaRS again on its port
set -euo pipefail
pg=/usr/lib/postgresql/15/bin
lars=${LARS_BIN:-$HOME/.cache/boundaries/lars/bin/xapi-rs}

start_db() {
    su postgres -c "$pg/pg_ctl -D $1/db -o '-k $1/db -p $(cat "$1/pgport") -h 127.0.0.1' -l $1/db/log -w start" >/dev/null
}

# Starts LaRS in DIR and waits until it answers.
start_lars() {
    local dir=$1 port
    port=$(cat "$dir/port")
    (
        cd "$dir/run"
        CARGO_MANIFEST_DIR="$dir/run" nohup "$lars" >>"$dir/lars.log" 2>&1 &
        echo $! >"$dir/lars.pid"
    )
    for _ in $(seq 1 100); do
        if curl -fsS "http://127.0.0.1:$port/about" >/dev/null 2>&1; then
            echo "http://127.0.0.1:$port/"
            return 0
        fi
        sleep 0.2
    done
    echo "LaRS did not start; its log:" >&2
    tail -20 "$dir/lars.log" >&2
    return 1
}

case "${1:-}" in
stop)
    [ -f "$2/lars.pid" ] && kill "$(cat "$2/lars.pid")" 2>/dev/null || true
    [ -d "$2/db" ] && su postgres -c "$pg/pg_ctl -D $2/db -m immediate stop" >/dev/null 2>&1 || true
    exit 0
    ;;
pause)
    su postgres -c "$pg/pg_ctl -D $2/db -m fast -w stop" >/dev/null
    exit 0
    ;;
resume)
    start_db "$2"
    exit 0
    ;;
halt)
    pid=$(cat "$2/lars.pid")
    kill -KILL "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
    exit 0
    ;;
relaunch)
    start_lars "$2" >/dev/null
    exit 0
    ;;
esac

dir=$1 port=$2 pgport=$3
mkdir -p "$dir/db" "$dir/run/logs" "$dir/run/static"
chmod 755 "$dir" "$(dirname "$dir")"
chown postgres "$dir/db"
su postgres -c "$pg/initdb -D $dir/db -A trust -U lars" >/dev/null
echo "$pgport" >"$dir/pgport"
echo "$port" >"$dir/port"
start_db "$dir"
su postgres -c "$pg/createdb -h 127.0.0.1 -p $pgport -U lars xapi"
secret=$(head -c 32 /dev/urandom | base64)
cat >"$dir/run/.env" <<ENV
DB_SERVER_URL="postgresql://lars@127.0.0.1:$pgport"
DB_NAME="xapi"
DB_MAX_CONNECTIONS = 8
DB_MIN_CONNECTIONS = 1
DB_ACQUIRE_TIMEOUT_SECS = 8
DB_IDLE_TIMEOUT_SECS = 8
DB_MAX_LIFETIME_SECS = 8
DB_STATEMENTS_PAGE_LEN = 20
LRS_HOST = "127.0.0.1"
LRS_PORT = $port
LRS_AUTHORITY_IFI = "admin@my.xapi.net"
LRS_MODE = "legacy"
LRS_ROOT_EMAIL = "admin@my.xapi.net"
LRS_USER_CACHE_LEN = 100
LRS_EXTERNAL_URL="http://127.0.0.1:$port/"
EXT_DEFAULT_LANGUAGE="en"
JWS_STRICT=false
RUST_LOG="info"
ENV
cat >"$dir/run/Rocket.toml" <<TOML
[default.limits]
json = "16 MiB"
[default]
address = "127.0.0.1"
port = $port
secret_key = "$secret"
cli_colors = false
[debug]
workers = 4
log_level = "critical"
[release]
workers = 4
log_level = "critical"
TOML
start_lars "$dir"
