#!/usr/bin/env bash
# Serves a built site with deploy/nginx.conf on 127.0.0.1:PORT: Debian's
# nginx in the foreground, its pid, logs and temporary files under a folder
# of its own that is removed when it stops (Ctrl+C or SIGTERM).
# Usage: scripts/nginx.sh DIST PORT
# The e2e suite starts it with E2E_SERVER=nginx (e2e/support/nginx.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 2 ]; then
  echo "usage: scripts/nginx.sh DIST PORT" >&2
  exit 2
fi
dist=$(realpath "$1")
port=$2
case "$port" in
  ''|*[!0-9]*) echo "nginx.sh: PORT must be a number, not '$port'" >&2; exit 2 ;;
esac
nginx=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$nginx" ]; then
  echo "nginx.sh: nginx is missing: run scripts/bootstrap.sh (or apt-get install nginx)" >&2
  exit 1
fi
if [ ! -f "$dist/index.html" ] || [ ! -f "$dist/_headers.nginx.conf" ]; then
  echo "nginx.sh: $dist is not a build with its headers (index.html, _headers.nginx.conf): run make build" >&2
  exit 1
fi

prefix=$(mktemp -d "${TMPDIR:-/tmp}/quiz-nginx.XXXXXX")
# Run as root, nginx's workers become `nobody`: they must reach the prefix.
chmod 755 "$prefix"
pids=()
stop() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$prefix"
}
trap stop EXIT
trap 'exit 0' INT TERM

edits=(-e "s|@DIST@|$dist|g" -e "s|@LISTEN@|127.0.0.1:$port|g" -e "s|@PREFIX@|$prefix|g")
if [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
  echo "nginx.sh: no brotli_static module (Debian: libnginx-mod-http-brotli-static): serving the .gz files only" >&2
  edits+=(-e '/# brotli$/d')
fi
sed "${edits[@]}" deploy/nginx.conf > "$prefix/nginx.conf"

# -e: the log nginx writes to before it has read its configuration.
touch "$prefix/error.log"
tail -n +1 -f "$prefix/error.log" >&2 &
pids+=($!)
"$nginx" -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log" -g 'daemon off;' &
nginx_pid=$!
pids=("$nginx_pid" "${pids[@]}")
echo "nginx.sh: serving $dist on http://127.0.0.1:$port/ (prefix $prefix)" >&2
set +e
wait "$nginx_pid"
status=$?
exit "$status"
