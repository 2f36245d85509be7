# Run by scripts/run.sh through `odoo shell` once the demo database is installed.
# `env` is provided by the Odoo shell.
admin = env.ref("base.user_admin")  # noqa: F821
admin.write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
admin.partner_id.write({"lang": "zh_CN"})
env["res.lang"]._activate_lang("zh_CN")  # noqa: F821
env.cr.commit()  # noqa: F821
print("admin speaks Simplified Chinese in", env.cr.dbname)  # noqa: F821
