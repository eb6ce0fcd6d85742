#!/bin/sh
# The user list from the environment (the same password as the database's).
set -eu
printf '"%s" "%s"\n' "${POSTGRES_USER:-kinerja}" "${POSTGRES_PASSWORD:?}" > /tmp/userlist.txt
exec pgbouncer /etc/pgbouncer/pgbouncer.ini
