#!/usr/bin/env bash
# Install what the project needs and is missing; idempotent and quick when all is there.
#   - Debian packages: wkhtmltopdf, fonts-noto-cjk, chromium, PostgreSQL client and server,
#     build headers for Odoo's Python requirements;
#   - Odoo 18.0 when `python3 -c "import odoo"` fails: from $ODOO_SRC if set, else the
#     official 18.0 nightly source tarball;
#   - our Python requirements (requirements.txt, requirements-dev.txt).
# Usage: scripts/setup.sh [--no-dev]
source "$(dirname "$0")/lib.sh"

WITH_DEV=1
[ "${1:-}" = "--no-dev" ] && WITH_DEV=0

# --------------------------------------------------------------------------- Debian
declare -A DEB_CHECK=(
    [wkhtmltopdf]="cmd:wkhtmltopdf"
    [fonts-noto-cjk]="font:Noto Sans CJK SC"
    [chromium]="cmd:chromium|chromium-browser|google-chrome|google-chrome-stable"
    [postgresql-client]="cmd:psql"
    [libpq-dev]="cmd:pg_config"
    [libldap2-dev]="file:/usr/include/ldap.h"
    [libsasl2-dev]="file:/usr/include/sasl/sasl.h"
)
declare -A DEB_WHY=(
    [wkhtmltopdf]="renders the PDF documents (receipts, notices, work orders)"
    [fonts-noto-cjk]="Chinese glyphs in the PDF documents"
    [chromium]="runs the browser tours of the test suite"
    [postgresql-client]="psql/createdb/dropdb used by these scripts"
    [libpq-dev]="builds psycopg2 (only needed to install Odoo's requirements)"
    [libldap2-dev]="builds python-ldap (only needed to install Odoo's requirements)"
    [libsasl2-dev]="builds python-ldap (only needed to install Odoo's requirements)"
)

deb_present() {
    local spec="${DEB_CHECK[$1]}" kind="${DEB_CHECK[$1]%%:*}" what="${DEB_CHECK[$1]#*:}"
    case "$kind" in
    cmd)
        local c
        IFS='|' read -ra cmds <<<"$what"
        for c in "${cmds[@]}"; do have "$c" && return 0; done
        return 1
        ;;
    font) have fc-list && fc-list 2>/dev/null | grep -qi "$what" ;;
    file) [ -e "$what" ] ;;
    *) echo "bad check $spec" >&2; return 1 ;;
    esac
}

missing=()
for pkg in "${!DEB_CHECK[@]}"; do
    deb_present "$pkg" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    info "Installing Debian packages: ${missing[*]}"
    if have apt-get && as_root true 2>/dev/null; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
            && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
                "${missing[@]}" >/dev/null \
            || die "apt-get could not install: ${missing[*]}" \
                "Install them yourself:  sudo apt-get install ${missing[*]}"
    else
        lines=()
        for pkg in "${missing[@]}"; do lines+=("$pkg: ${DEB_WHY[$pkg]}"); done
        die "Missing system packages (and no apt-get/root to install them):" "${lines[@]}" \
            "Install them with your package manager, e.g.  sudo apt-get install ${missing[*]}"
    fi
fi
ok "system packages (wkhtmltopdf, fonts-noto-cjk, chromium, PostgreSQL client)"

# --------------------------------------------------------------------------- Python
have "$PYTHON" || die "No Python interpreter '$PYTHON'." "Install Python 3.10-3.12 (sudo apt-get install python3 python3-pip)" \
    "or point PYTHON=/path/to/python3 at one."
"$PYTHON" -m pip --version >/dev/null 2>&1 || die "pip is missing for $PYTHON." "Install it: sudo apt-get install python3-pip"

pip_install() {
    "$PYTHON" -m pip install --disable-pip-version-check -q "$@"
}

install_odoo_from() {
    local src="$1"
    [ -f "$src/requirements.txt" ] && [ -d "$src/odoo" ] \
        || die "ODOO_SRC=$src is not an Odoo source tree (no requirements.txt / odoo/)." \
            "Point ODOO_SRC at the folder that holds odoo-bin, or unset it to download the nightly source."
    info "Installing Odoo 18.0 from $src"
    pip_install "setuptools<70" wheel
    local req
    req="$(mktemp)"
    # cbor2 5.4.2's sdist does not build any more; 5.4.6 is API-compatible.
    sed -e 's/^cbor2==5\.4\.2/cbor2==5.4.6/' "$src/requirements.txt" >"$req"
    pip_install --no-build-isolation -r "$req" \
        || die "Odoo's Python requirements did not install." \
            "They need build headers: sudo apt-get install libpq-dev libldap2-dev libsasl2-dev python3-dev build-essential"
    rm -f "$req"
    pip_install --no-deps --no-build-isolation -e "$src" \
        || die "pip could not install the Odoo tree at $src."
}

if ! odoo_importable; then
    if "$PYTHON" -c 'import odoo' >/dev/null 2>&1; then
        die "The importable 'odoo' package is not Odoo 18.0." \
            "Uninstall it (pip uninstall odoo) or set PYTHON to an interpreter with Odoo 18.0."
    fi
    if [ -n "${ODOO_SRC:-}" ]; then
        install_odoo_from "$ODOO_SRC"
    else
        dest="$CACHE_DIR/odoo-18.0"
        if [ ! -f "$dest/odoo/release.py" ]; then
            info "Odoo is not importable: downloading the 18.0 nightly source ($ODOO_NIGHTLY_URL)"
            have curl || have wget || die "Neither curl nor wget to download Odoo." "sudo apt-get install curl, or set ODOO_SRC to an Odoo 18.0 source tree."
            mkdir -p "$CACHE_DIR"
            tarball="$CACHE_DIR/odoo_18.0.latest.tar.gz"
            if have curl; then
                curl -fL --retry 3 -o "$tarball" "$ODOO_NIGHTLY_URL" || rc=$?
            else
                wget -q -O "$tarball" "$ODOO_NIGHTLY_URL" || rc=$?
            fi
            [ "${rc:-0}" -eq 0 ] || die "Could not download $ODOO_NIGHTLY_URL (no internet access?)." \
                "Download an Odoo 18.0 source tree yourself and run:  ODOO_SRC=/path/to/odoo make run"
            rm -rf "$dest.tmp" && mkdir -p "$dest.tmp"
            tar -xzf "$tarball" -C "$dest.tmp" --strip-components=1
            rm -rf "$dest" && mv "$dest.tmp" "$dest" && rm -f "$tarball"
        fi
        install_odoo_from "$dest"
    fi
    odoo_importable || die "Odoo was installed but '$PYTHON -c \"import odoo\"' still fails." \
        "Check the pip output above; Odoo 18.0 supports Python 3.10 to 3.12."
fi
ok "Odoo $("$PYTHON" -c 'import odoo.release; print(odoo.release.version)') ($("$PYTHON" -c 'import os, odoo; print(os.path.dirname(odoo.__file__))'))"

req_files=("$ROOT_DIR/requirements.txt")
[ "$WITH_DEV" = 1 ] && req_files+=("$ROOT_DIR/requirements-dev.txt")
if ! "$PYTHON" "$ROOT_DIR/scripts/check_requirements.py" "${req_files[@]}" >/dev/null 2>&1; then
    info "Installing the project's Python requirements"
    args=()
    for f in "${req_files[@]}"; do args+=(-r "$f"); done
    pip_install "${args[@]}" || die "pip could not install ${req_files[*]}." \
        "Run '$PYTHON -m pip install ${args[*]}' to see why (network? proxy?)."
fi
ok "Python requirements ($(basename -a "${req_files[@]}" | tr '\n' ' '))"
