from odoo import api, fields, models
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

# (field, code, name, account_type) of the accounts the billing needs
PROPERTY_ACCOUNTS = [
    (
        "property_deposit_account_id",
        "224101",
        _lt("Deposits Held"),
        "liability_current",
    ),
    (
        "property_on_behalf_account_id",
        "224102",
        _lt("Collections on Behalf"),
        "liability_current",
    ),
    (
        "property_deduction_account_id",
        "505101",
        _lt("Deposit Deductions"),
        "income_other",
    ),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    # === FIELDS === #
    property_notice_journal_id = fields.Many2one(
        "account.journal",
        string="Payment Notice Journal",
        ondelete="restrict",
        check_company=True,
        domain="[('type', '=', 'sale')]",
        help="Sales journal of the monthly payment notices (缴费通知单).",
    )
    property_cash_journal_id = fields.Many2one(
        "account.journal",
        string="Desk Cash Journal",
        ondelete="restrict",
        check_company=True,
        domain="[('type', '=', 'cash')]",
        help="Receipts paid in cash at the desk are booked in this journal.",
    )
    property_bank_journal_id = fields.Many2one(
        "account.journal",
        string="Desk Bank Journal",
        ondelete="restrict",
        check_company=True,
        domain="[('type', '=', 'bank')]",
        help="Receipts paid by transfer, card, cheque or bank collection.",
    )
    property_deposit_account_id = fields.Many2one(
        "account.account",
        string="Deposits Held Account",
        ondelete="restrict",
        check_company=True,
        help="Liability account of the deposits held (押金/保证金).",
    )
    property_on_behalf_account_id = fields.Many2one(
        "account.account",
        string="Collections on Behalf Account",
        ondelete="restrict",
        check_company=True,
        help="Liability account of the money collected on behalf of others (代收费).",
    )
    property_deduction_account_id = fields.Many2one(
        "account.account",
        string="Deposit Deductions Account",
        ondelete="restrict",
        check_company=True,
        help="Income account of the amounts kept from deposits.",
    )

    # === BUSINESS METHODS === #
    @api.model
    def _property_billing_setup_all(self):
        self.sudo().search([("chart_template", "!=", False)])._property_billing_setup()

    def _property_billing_setup(self):
        """Create the journals and accounts of property billing that are missing.
        Companies without a chart of accounts are skipped (set up when it loads)."""
        for company in self.sudo():
            if not company.chart_template:
                continue
            vals = {}
            for field, code, name, account_type in PROPERTY_ACCOUNTS:
                if not company[field]:
                    vals[field] = company._property_create_account(
                        code, name, account_type
                    ).id
            journals = [
                ("property_notice_journal_id", "sale", "PFN", _lt("Property Notices")),
                ("property_cash_journal_id", "cash", "PCSH", _lt("Property Desk Cash")),
                ("property_bank_journal_id", "bank", "PBNK", _lt("Property Desk Bank")),
            ]
            for field, journal_type, code, name in journals:
                if not company[field]:
                    vals[field] = company._property_create_journal(
                        journal_type, code, name
                    ).id
            if vals:
                company.write(vals)
            company._property_direct_payment_accounts()
            company._property_setup_products()

    def _property_create_account(self, code, name, account_type):
        self.ensure_one()
        Account = self.env["account.account"].with_company(self)
        free_code = code
        suffix = 0
        while Account.search_count(
            [("code", "=", free_code), ("company_ids", "child_of", self.root_id.id)],
            limit=1,
        ):
            suffix += 1
            free_code = f"{code}{suffix}"
        account = Account.create(
            {
                "code": free_code,
                "name": str(name),
                "account_type": account_type,
                "company_ids": [fields.Command.set(self.ids)],
            }
        )
        self._property_translate_name(account, name)
        return account

    def _property_create_journal(self, journal_type, code, name):
        self.ensure_one()
        Journal = self.env["account.journal"].with_company(self)
        existing = Journal.search(
            [("code", "=", code), ("company_id", "=", self.id)], limit=1
        )
        if existing:
            return existing
        vals = {
            "name": str(name),
            "type": journal_type,
            "code": code,
            "company_id": self.id,
        }
        if journal_type == "sale":
            # the income account of the company's own sales journal
            sales = Journal.search(
                [("type", "=", "sale"), ("company_id", "=", self.id)], limit=1
            )
            vals["default_account_id"] = sales.default_account_id.id
        journal = Journal.create(vals)
        self._property_translate_name(journal, name)
        return journal

    def _property_direct_payment_accounts(self):
        """The desk's money is in the till or the bank at once: the payments of the
        desk journals are booked to the journal's account, not to an outstanding
        account."""
        self.ensure_one()
        journals = self.property_cash_journal_id | self.property_bank_journal_id
        journals.flush_recordset()
        lines = self.env["account.payment.method.line"].search(
            [("journal_id", "in", journals.ids), ("payment_account_id", "=", False)]
        )
        for line in lines:
            line.payment_account_id = line.journal_id.default_account_id

    def _property_translate_name(self, record, name):
        """Name the record in every installed language."""
        translations = {
            lang: name._translate(lang)
            for lang, _label in self.env["res.lang"].get_installed()
        }
        record.update_field_translations("name", translations)

    def _property_setup_products(self):
        """Collections on behalf are booked to a payable, not to income."""
        self.ensure_one()
        products = self.env["product.template"].search(
            [("property_fee_category", "=", "on_behalf")]
        )
        for product in products.with_company(self):
            if not product.property_account_income_id:
                product.property_account_income_id = self.property_on_behalf_account_id

    def _property_billing_load_demo_chart(self):
        """Demo data: the Chinese chart of accounts on the demo company (called by
        demo/res_company_demo.xml). The chart Odoo would guess at the end of the
        installation (generic, the company having no country yet) is replaced."""
        self.ensure_one()
        registry = self.env.registry
        if self.chart_template != "cn":
            # the chart is replaced with its journals and accounts: forget ours
            self.write(
                {
                    field: False
                    for field in (
                        "property_notice_journal_id",
                        "property_cash_journal_id",
                        "property_bank_journal_id",
                        "property_deposit_account_id",
                        "property_on_behalf_account_id",
                        "property_deduction_account_id",
                    )
                }
            )
            self.env["account.chart.template"].try_loading(
                "cn", self, install_demo=False
            )
        if hasattr(registry, "_auto_install_template"):
            del registry._auto_install_template
        self._property_billing_setup()
        cny = self.env.ref("base.CNY")
        if self.currency_id != cny and not self.env["account.move.line"].search_count(
            [("company_id", "=", self.id)], limit=1
        ):
            cny.active = True
            self.currency_id = cny
