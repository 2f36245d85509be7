"""pytest configuration shared by every test of the repository (make test)."""

import logging


class _DropTestFrameworkImportNotice(logging.Filter):
    """pytest-odoo imports odoo.tests before it turns Odoo's test mode on, which makes
    Odoo log a misleading "Importing test framework" error once per run."""

    def filter(self, record):
        return not str(record.msg).startswith("Importing test framework")


logging.getLogger("odoo.tests.common").addFilter(_DropTestFrameworkImportNotice())
