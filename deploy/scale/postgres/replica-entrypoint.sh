#!/bin/sh
# The streaming replica: on first start, copy the primary (pg_basebackup -R writes the
# standby settings), then run as a hot standby.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  export PGPASSWORD="${REPLICATION_PASSWORD:?}"
  until pg_basebackup -h db -U replicator -D "$PGDATA" -R -X stream -c fast; do
    echo "waiting for the primary"; rm -rf "${PGDATA:?}"/*; sleep 2
  done
  chmod 700 "$PGDATA"
fi
exec postgres -c hot_standby=on
