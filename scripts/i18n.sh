#!/usr/bin/env bash
# make i18n [ADDONS="property_billing ..."]: export each addon's terms to i18n/<addon>.pot
# from a database where the addons are installed (updated first), then merge them into
# i18n/zh_CN.po (new terms come in untranslated; translate them before committing).
source "$(dirname "$0")/lib.sh"
"$ROOT_DIR/scripts/ensure_pg.sh"
have msgmerge || die "msgmerge is missing (gettext)." "sudo apt-get install gettext"
I18N_DB="${I18N_DB:-property_i18n}"
addons=("$@")
[ ${#addons[@]} -gt 0 ] || IFS=',' read -ra addons <<<"$PROPERTY_ADDONS"
mkdir -p "$DATA_DIR"

if module_installed "$I18N_DB" property_frontdesk; then
    odoo_cmd -d "$I18N_DB" -u "$(IFS=,; echo "${addons[*]}")" --stop-after-init --log-level=warn
else
    dropdb --if-exists "$I18N_DB"
    odoo_cmd -d "$I18N_DB" -i "$PROPERTY_ADDONS" --without-demo=all --stop-after-init --log-level=warn
fi
for addon in "${addons[@]}"; do
    dir="$ROOT_DIR/addons/$addon/i18n"
    mkdir -p "$dir"
    odoo_cmd -d "$I18N_DB" --modules="$addon" --i18n-export="$dir/$addon.pot" --stop-after-init --log-level=warn
    if [ -f "$dir/zh_CN.po" ]; then
        msgmerge --quiet --no-fuzzy-matching --no-wrap -U --backup=none "$dir/zh_CN.po" "$dir/$addon.pot"
    else
        msginit --no-translator --no-wrap --locale=zh_CN.UTF-8 -i "$dir/$addon.pot" -o "$dir/zh_CN.po" 2>/dev/null
    fi
    untranslated=$(msgattrib --untranslated --no-obsolete "$dir/zh_CN.po" | grep -c '^msgid ' || true)
    untranslated=$((untranslated > 0 ? untranslated - 1 : 0))
    info "$addon: $untranslated untranslated term(s) in i18n/zh_CN.po"
done
