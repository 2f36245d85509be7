# shellcheck shell=bash
# Shared settings and helpers of the project's scripts (sourced, not run).
#
# Everything can be overridden from the environment or from make, e.g.
#   make run DB_HOST=db.example.lan DB_PORT=5433 DB_USER=odoo DB_PASSWORD=secret

set -o errexit -o nounset -o pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
DB_HOST="${DB_HOST:-127.0.0.1}"
DB_PORT="${DB_PORT:-5432}"
DB_USER="${DB_USER:-$(id -un)}"
DB_PASSWORD="${DB_PASSWORD:-}"
HTTP_PORT="${HTTP_PORT:-8069}"
DEMO_DB="${DEMO_DB:-property_demo}"
ODOO_CONF="${ODOO_CONF:-$ROOT_DIR/config/odoo.conf}"
DATA_DIR="${DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/property-suite}"
CACHE_DIR="${CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/property-suite}"
ODOO_NIGHTLY_URL="${ODOO_NIGHTLY_URL:-https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz}"
PROPERTY_ADDONS="property_frontdesk,property_billing,property_renovation,property_concierge"

export TZ=UTC PGHOST="$DB_HOST" PGPORT="$DB_PORT" PGUSER="$DB_USER"
[ -n "$DB_PASSWORD" ] && export PGPASSWORD="$DB_PASSWORD"

if [ -t 1 ]; then
    _red=$'\e[31m' _green=$'\e[32m' _bold=$'\e[1m' _reset=$'\e[0m'
else
    _red="" _green="" _bold="" _reset=""
fi

info() { printf '%s==>%s %s\n' "$_bold" "$_reset" "$*"; }
ok() { printf '%s ok %s %s\n' "$_green" "$_reset" "$*"; }
die() {
    # die "what is missing" "how to provide it" ...
    printf '\n%sERROR:%s %s\n' "$_red" "$_reset" "$1" >&2
    shift
    local line
    for line in "$@"; do
        printf '       %s\n' "$line" >&2
    done
    exit 1
}

have() { command -v "$1" >/dev/null 2>&1; }

# Run a command as root: directly, through sudo, or not at all.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif have sudo; then
        sudo "$@"
    else
        return 1
    fi
}

odoo_importable() {
    "$PYTHON" -c 'import odoo.release, sys; sys.exit(0 if odoo.release.version_info[:2] == (18, 0) else 3)' \
        >/dev/null 2>&1
}

# The addons path: ours first, then the core addons of the installed Odoo.
addons_path() {
    "$PYTHON" - "$ROOT_DIR/addons" <<'EOF'
import os
import sys

import odoo

base = os.path.dirname(os.path.abspath(odoo.__file__))
paths = [sys.argv[1], os.path.join(base, "addons")]
main = os.path.normpath(os.path.join(base, "..", "addons"))
if os.path.isdir(main):
    paths.append(main)
print(",".join(paths))
EOF
}

# Common arguments of every Odoo command line of this project.
odoo_args() {
    local args=(-c "$ODOO_CONF" "--addons-path=$(addons_path)" "--data-dir=$DATA_DIR"
        "--db_host=$DB_HOST" "--db_port=$DB_PORT" "--db_user=$DB_USER")
    [ -n "$DB_PASSWORD" ] && args+=("--db_password=$DB_PASSWORD")
    printf '%s\n' "${args[@]}"
}

odoo_cmd() {
    local args
    mapfile -t args < <(odoo_args)
    "$PYTHON" -m odoo "$@" "${args[@]}"
}

db_exists() {
    [ "$(psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$1'" 2>/dev/null)" = "1" ]
}

module_installed() {
    # module_installed DB MODULE
    [ "$(psql -d "$1" -Atc "SELECT 1 FROM ir_module_module WHERE name = '$2' AND state = 'installed'" 2>/dev/null)" = "1" ]
}
