#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests, benches and CI: trust auth, 127.0.0.1 only, fsync off.
#
#   scripts/pg-throwaway.sh start   # initdb + start; prints the URL (idempotent)
#   scripts/pg-throwaway.sh url     # prints the URL, e.g. for: export TEST_DATABASE_URL=$(scripts/pg-throwaway.sh url)
#   scripts/pg-throwaway.sh status  # exit 0 when running
#   scripts/pg-throwaway.sh stop    # stops the server and deletes its data
#
# Settings (environment): PG_PORT (55432), PG_DIR (/tmp/pulse-pg-<port>), PG_BIN (newest
# /usr/lib/postgresql/*/bin), PG_ROLE (pulse), PG_DATABASE (pulse), PG_OS_USER (the user to run as, when root).
# initdb refuses to run as root, so as root the server runs as the `postgres` user when it exists,
# else as a system user `pulsepg` created on first use.
set -euo pipefail

PG_PORT="${PG_PORT:-55432}"
PG_DIR="${PG_DIR:-${TMPDIR:-/tmp}/pulse-pg-${PG_PORT}}"
PG_ROLE="${PG_ROLE:-pulse}"
PG_DATABASE="${PG_DATABASE:-pulse}"
DATA="$PG_DIR/data"
LOG="$PG_DIR/server.log"

url() { echo "postgres://${PG_ROLE}@127.0.0.1:${PG_PORT}/${PG_DATABASE}"; }

find_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
  local newest
  newest="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$newest" && -x "$newest/initdb" ]]; then echo "$newest"; return; fi
  if command -v pg_config >/dev/null && [[ -x "$(pg_config --bindir)/initdb" ]]; then pg_config --bindir; return; fi
  if command -v initdb >/dev/null; then dirname "$(command -v initdb)"; return; fi
  echo "pg-throwaway: no PostgreSQL binaries found (install postgresql or set PG_BIN)" >&2
  exit 1
}

server_user() {
  if [[ "$(id -u)" != "0" ]]; then id -un; return; fi
  if [[ -n "${PG_OS_USER:-}" ]]; then
    id "$PG_OS_USER" >/dev/null 2>&1 || useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$PG_OS_USER"
    echo "$PG_OS_USER"
    return
  fi
  if id postgres >/dev/null 2>&1; then echo postgres; return; fi
  if ! id pulsepg >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin pulsepg
  fi
  echo pulsepg
}

# Runs a command as the server's user; from / so a root-only working directory does not get in the way.
as_owner() {
  local user="$1"; shift
  if [[ "$(id -u)" == "0" ]]; then
    (cd / && runuser -u "$user" -- "$@")
  else
    (cd / && "$@")
  fi
}

# pg_ctl refuses to run as root, so look at the postmaster's pid file directly.
running() {
  local pid
  pid="$(head -n 1 "$DATA/postmaster.pid" 2>/dev/null || true)"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

start() {
  if running; then
    echo "pg-throwaway: already running on port $PG_PORT ($PG_DIR)" >&2
    url
    return
  fi
  if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
    echo "pg-throwaway: port $PG_PORT is taken by another server; set PG_PORT" >&2
    exit 1
  fi
  local user
  user="$(server_user)"
  rm -rf "$PG_DIR"
  mkdir -p "$PG_DIR"
  chown "$user" "$PG_DIR" 2>/dev/null || true
  chmod 700 "$PG_DIR"
  as_owner "$user" "$BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$PG_DIR/initdb.log" 2>&1 ||
    { cat "$PG_DIR/initdb.log" >&2; exit 1; }
  # Durability is pointless for a server deleted after the run; these make tests markedly faster.
  as_owner "$user" "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start -o \
    "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    >/dev/null || { cat "$LOG" >&2; exit 1; }
  # A superuser keeps it simple: tests create and drop their own databases from this connection.
  "$BIN/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
    -c "create role \"$PG_ROLE\" login superuser" \
    -c "create database \"$PG_DATABASE\" owner \"$PG_ROLE\"" >/dev/null
  echo "pg-throwaway: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') running as $user on 127.0.0.1:$PG_PORT ($PG_DIR)" >&2
  url
}

stop() {
  if running; then
    local owner
    owner="$(stat -c %U "$DATA")"
    as_owner "$owner" "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    echo "pg-throwaway: stopped the server on port $PG_PORT" >&2
  fi
  rm -rf "$PG_DIR"
}

BIN="$(find_bin)"
case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  status) running ;;
  *)
    echo "usage: $0 start|stop|url|status" >&2
    exit 2
    ;;
esac
