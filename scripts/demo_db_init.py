# Run by scripts/run.sh through `odoo shell` once the demo database is installed.
# `env` is provided by the Odoo shell.
admin = env.ref("base.user_admin")  # noqa: F821
admin.write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
admin.partner_id.write({"lang": "zh_CN"})
lang = env["res.lang"]._activate_lang("zh_CN")  # noqa: F821
# Odoo's zh_CN time format prints 14时30分00秒; the desk reads times as 14:30.
lang.write({"time_format": "%H:%M:%S", "short_time_format": "%H:%M"})
env.cr.commit()  # noqa: F821
print("admin speaks Simplified Chinese in", env.cr.dbname)  # noqa: F821
