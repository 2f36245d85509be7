#!/usr/bin/env bash
# make bench [ARGS="units tickets ..."]: run the benchmarks of tests/perf/bench_<name>.py
# on the database $BENCH_DB (created once with the four addons, without demo data).
# Each benchmark prints its figures and rolls its data back. Options are passed on to
# the benchmarks: make bench ARGS="billing --units 2000". When OCA contract
# (odoo-addon-contract) is importable, it is installed there for bench_billing.py.
source "$(dirname "$0")/lib.sh"
"$ROOT_DIR/scripts/ensure_pg.sh"
BENCH_DB="${BENCH_DB:-property_bench}"
mkdir -p "$DATA_DIR"
if ! module_installed "$BENCH_DB" property_frontdesk; then
    dropdb --if-exists "$BENCH_DB"
    info "Creating the benchmark database $BENCH_DB"
    odoo_cmd -d "$BENCH_DB" -i "$PROPERTY_ADDONS" --without-demo=all --stop-after-init --log-level=warn \
        || die "Installing the addons into $BENCH_DB failed."
fi
names=()
options=()
for arg in "$@"; do
    if [[ "$arg" == -* || ${#options[@]} -gt 0 && "$arg" =~ ^[0-9]+$ ]]; then
        options+=("$arg")
    else
        names+=("$arg")
    fi
done
if [ ${#names[@]} -eq 0 ]; then
    for f in "$ROOT_DIR"/tests/perf/bench_*.py; do
        n="$(basename "$f" .py)"
        names+=("${n#bench_}")
    done
fi
args=(--database "$BENCH_DB" --addons-path "$(addons_path)" --db-host "$DB_HOST" --db-port "$DB_PORT"
    --db-user "$DB_USER" --data-dir "$DATA_DIR")
[ -n "$DB_PASSWORD" ] && args+=(--db-password "$DB_PASSWORD")
if [[ " ${names[*]} " == *" billing "* || ${#names[@]} -eq 0 ]] \
    && "$PYTHON" -c "import importlib.util as u, sys; sys.exit(not u.find_spec('odoo.addons.contract'))" \
    && ! module_installed "$BENCH_DB" contract; then
    info "Installing OCA contract into $BENCH_DB (compared by bench_billing.py)"
    odoo_cmd -d "$BENCH_DB" -i contract --stop-after-init --log-level=warn \
        || die "Installing contract into $BENCH_DB failed."
fi
status=0
for name in "${names[@]}"; do
    script="$ROOT_DIR/tests/perf/bench_$name.py"
    [ -f "$script" ] || die "No benchmark $script."
    info "Benchmark $name"
    "$PYTHON" "$script" "${args[@]}" "${options[@]}" || status=1
done
exit $status
