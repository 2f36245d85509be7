#!/usr/bin/env bash
# Make sure a PostgreSQL server answers on DB_HOST:DB_PORT and that DB_USER may create
# databases there. When nothing answers on a local address, start the local cluster
# (installing Debian's postgresql package if there is none).
source "$(dirname "$0")/lib.sh"

have pg_isready || die "pg_isready is missing (PostgreSQL client tools)." "sudo apt-get install postgresql-client"

is_local() {
    case "$DB_HOST" in
    "" | localhost | 127.0.0.1 | ::1 | /*) return 0 ;;
    *) return 1 ;;
    esac
}

answers() { pg_isready -q -h "$DB_HOST" -p "$DB_PORT" -t 3; }

if ! answers; then
    is_local || die "No PostgreSQL server answers on $DB_HOST:$DB_PORT." \
        "Start it, or point the project at another one: make run DB_HOST=... DB_PORT=... DB_USER=... DB_PASSWORD=..."
    info "No PostgreSQL server answers on $DB_HOST:$DB_PORT: starting the local cluster"
    if ! have pg_ctlcluster || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
        if have apt-get && as_root true 2>/dev/null; then
            info "Installing Debian's postgresql package"
            as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
                || die "Could not install PostgreSQL." "sudo apt-get install postgresql"
        else
            die "PostgreSQL is not installed and this user cannot install it." \
                "sudo apt-get install postgresql   (or run one elsewhere and set DB_HOST/DB_PORT)"
        fi
    fi
    for version in $(ls /etc/postgresql 2>/dev/null); do
        for cluster in $(ls "/etc/postgresql/$version" 2>/dev/null); do
            as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start 2>/dev/null \
                || as_root pg_ctlcluster "$version" "$cluster" start 2>/dev/null || true
        done
    done
    for _ in $(seq 1 20); do answers && break; sleep 0.5; done
    answers || die "The local PostgreSQL cluster did not start on port $DB_PORT." \
        "Check 'pg_lsclusters' and the log in /var/log/postgresql/, or set DB_HOST/DB_PORT to a running server."
fi

# Can DB_USER log in and create databases?
can_login() { psql -d postgres -Atc "SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user" 2>/dev/null; }
if [ "$(can_login)" != "t" ]; then
    if is_local && as_root true 2>/dev/null && have runuser; then
        info "Creating the PostgreSQL role '$DB_USER' (createdb)"
        # as the postgres superuser, over the local socket
        as_root runuser -u postgres -- env -u PGUSER -u PGHOST -u PGPASSWORD createuser --createdb "$DB_USER" 2>/dev/null \
            || as_root runuser -u postgres -- env -u PGUSER -u PGHOST -u PGPASSWORD \
                psql -qc "ALTER ROLE \"$DB_USER\" CREATEDB" 2>/dev/null || true
    fi
    [ "$(can_login)" = "t" ] || die "PostgreSQL on $DB_HOST:$DB_PORT does not let role '$DB_USER' log in and create databases." \
        "Create it:  sudo -u postgres createuser --createdb $DB_USER" \
        "and give it a password (DB_PASSWORD=...), or use the local socket with peer authentication:" \
        "make run DB_HOST=/var/run/postgresql"
fi
[ "$DB_USER" = "postgres" ] && die "Odoo refuses to run as the PostgreSQL superuser 'postgres'." \
    "Use another role: make run DB_USER=odoo (created with: sudo -u postgres createuser --createdb odoo)"
ok "PostgreSQL on $DB_HOST:$DB_PORT as $DB_USER"
