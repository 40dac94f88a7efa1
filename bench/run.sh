#!/usr/bin/env bash
# The benchmark of docs/performance.md: bench/run.sh [h2|postgres] [key=value ...]
# Builds the jar (unless it is there and BENCH_REBUILD is not set), prepares the database (PostgreSQL: drops and
# creates grievance_bench, and grievance_bench_audit for section d, at 127.0.0.1:5432 as user postgres, trust
# auth; BENCH_DB names another database), then runs bench/Bench.java (JDK only), which starts the app as a child process and drives it over HTTP.
# Results: target/bench/bench-<db>.{txt,json,csv}. Options (key=value) are listed in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-h2}"
case "$db" in h2|postgres) shift || true ;; *=*) db=h2 ;; *) echo "usage: bench/run.sh [h2|postgres] [key=value ...]" >&2; exit 2 ;; esac
jar=target/grievance-engine-0.1.0-SNAPSHOT.jar
if [[ ! -f "$jar" || -n "${BENCH_REBUILD:-}" ]]; then
  ./mvnw -B -ntp -q -DskipTests package
fi
pghost="${BENCH_PG_HOST:-127.0.0.1}"
pguser="${BENCH_PG_USER:-postgres}"
benchdb="${BENCH_DB:-grievance_bench}"
if [[ "$db" == postgres ]]; then
  for name in "$benchdb" "${benchdb}_audit"; do
    psql -h "$pghost" -U "$pguser" -d postgres -qAt -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name"
  done
fi
mkdir -p target/bench
exec java bench/Bench.java db="$db" jar="$jar" pgHost="$pghost" pgUser="$pguser" \
  pgUrl="jdbc:postgresql://$pghost:5432/$benchdb" "$@"
