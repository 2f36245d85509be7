#!/usr/bin/env bash
# make run: create (once) the demo database and serve Odoo on http://localhost:$HTTP_PORT.
source "$(dirname "$0")/lib.sh"
"$ROOT_DIR/scripts/ensure_pg.sh"
mkdir -p "$DATA_DIR"

if db_exists "$DEMO_DB" && ! module_installed "$DEMO_DB" property_frontdesk; then
    info "Database $DEMO_DB exists but its installation did not finish: recreating it"
    dropdb --if-exists "$DEMO_DB"
fi
if ! db_exists "$DEMO_DB"; then
    info "Creating the database $DEMO_DB with the property addons, demo data and Simplified Chinese (a few minutes)"
    odoo_cmd -d "$DEMO_DB" -i "$PROPERTY_ADDONS" --load-language=zh_CN --stop-after-init --log-level=warn \
        || { dropdb --if-exists "$DEMO_DB"; die "Installing the addons into $DEMO_DB failed (see the log above)."; }
    odoo_cmd shell -d "$DEMO_DB" --no-http --log-level=warn <"$ROOT_DIR/scripts/demo_db_init.py" \
        || die "Could not set up the admin user of $DEMO_DB (see the log above)."
elif [ "${UPDATE:-0}" = 1 ]; then
    info "Updating the property addons in $DEMO_DB"
    odoo_cmd -d "$DEMO_DB" -u "$PROPERTY_ADDONS" --stop-after-init --log-level=warn
else
    info "Reusing the database $DEMO_DB (make run UPDATE=1 upgrades the addons first)"
fi

info "Serving Odoo on http://localhost:$HTTP_PORT  (login admin / password admin; Ctrl-C stops it)"
mapfile -t args < <(odoo_args)
exec "$PYTHON" -m odoo "${args[@]}" -d "$DEMO_DB" --db-filter="^$DEMO_DB\$" --http-port="$HTTP_PORT"
