#!/bin/sh
# Applies Lumina's CLI scripts to a stopped WildFly (offline, through an embedded server) in one batch each.
#
#   wildfly-config/configure.sh WILDFLY_HOME [SERVER_CONFIG] [SCRIPT.cli ...]
#
# SERVER_CONFIG defaults to standalone.xml; the scripts default to lumina.cli. Scripts are paths, or names
# of files beside this one. The environment variables the scripts read must be set (the server checks
# them when the script runs and at every boot). The container tests in it/ run exactly this.
set -eu
if [ $# -lt 1 ]; then
  echo "usage: $0 WILDFLY_HOME [SERVER_CONFIG] [SCRIPT.cli ...]" >&2
  exit 2
fi
home=$1; shift
config=standalone.xml
case "${1:-}" in *.xml) config=$1; shift ;; esac
[ $# -gt 0 ] || set -- lumina.cli
here=$(cd "$(dirname "$0")" && pwd)

commands="embed-server --std-out=discard --server-config=$config"
for script in "$@"; do
  [ -f "$script" ] || script=$here/$script
  [ -f "$script" ] || { echo "no such script: $script" >&2; exit 2; }
  commands="$commands,run-batch --file=$(cd "$(dirname "$script")" && pwd)/$(basename "$script")"
done
commands="$commands,stop-embedded-server"

# jboss-cli exits 0 even when a batch fails in --commands mode: look at its output too
out=$("$home/bin/jboss-cli.sh" --commands="$commands" 2>&1) || { echo "$out" >&2; exit 1; }
echo "$out"
case "$out" in *"failed"*|*"Failed"*|*"rror"*) exit 1 ;; esac
