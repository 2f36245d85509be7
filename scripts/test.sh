#!/usr/bin/env bash
# make test: install the four addons with demo data on a throw-away database, run every
# test (pytest-odoo, browser tours included), drop the database, exit non-zero on failure.
# Extra arguments go to pytest, e.g. scripts/test.sh -k payer addons/property_frontdesk/tests
source "$(dirname "$0")/lib.sh"
"$ROOT_DIR/scripts/ensure_pg.sh"

chrome=""
for c in chromium chromium-browser google-chrome google-chrome-stable; do
    have "$c" && chrome="$c" && break
done
[ -n "$chrome" ] || die "No Chromium: the browser tours need it." "sudo apt-get install chromium   (or run scripts/setup.sh)"
have wkhtmltopdf || die "No wkhtmltopdf: the PDF reports are rendered by the tests." "sudo apt-get install wkhtmltopdf fonts-noto-cjk"
"$PYTHON" -c "import pytest_odoo, websocket" 2>/dev/null || die "pytest-odoo or websocket-client is missing." \
    "$PYTHON -m pip install -r $ROOT_DIR/requirements-dev.txt"

TEST_DB="${TEST_DB:-property_test_$(date +%Y%m%d%H%M%S)_$$}"
KEEP_DB="${KEEP_DB:-0}"
cleanup() {
    if [ "$KEEP_DB" = 1 ]; then
        info "Keeping the test database $TEST_DB (KEEP_DB=1)"
    else
        dropdb --if-exists "$TEST_DB" 2>/dev/null || true
        rm -rf "$DATA_DIR/filestore/$TEST_DB"
    fi
}
trap cleanup EXIT
mkdir -p "$DATA_DIR"

if ! module_installed "$TEST_DB" property_frontdesk 2>/dev/null; then
    info "Installing $PROPERTY_ADDONS with demo data into $TEST_DB"
    start=$(date +%s)
    odoo_cmd -d "$TEST_DB" -i "$PROPERTY_ADDONS" --load-language=zh_CN --stop-after-init --log-level=warn \
        || die "Installing the addons failed (see the log above)."
    info "Installed in $(($(date +%s) - start)) s"
fi

pytest_args=(--odoo-database="$TEST_DB" --odoo-addons-path="$(addons_path)" --odoo-http
    --odoo-log-level="${ODOO_LOG_LEVEL:-error}"
    --odoo-extra="data-dir=$DATA_DIR" --odoo-extra="db_host=$DB_HOST" --odoo-extra="db_port=$DB_PORT"
    --odoo-extra="db_user=$DB_USER")
[ -n "$DB_PASSWORD" ] && pytest_args+=(--odoo-extra="db_password=$DB_PASSWORD")
if [ $# -eq 0 ]; then
    set -- "$ROOT_DIR"/addons/*/tests "$ROOT_DIR/tests"
fi
info "Running the tests (pytest-odoo, browser tours in headless $chrome)"
cd "$ROOT_DIR"
"$PYTHON" -m pytest -c "$ROOT_DIR/pytest.ini" "${pytest_args[@]}" "$@"
