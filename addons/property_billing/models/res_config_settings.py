from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_notice_journal_id = fields.Many2one(
        related="company_id.property_notice_journal_id", readonly=False
    )
    property_cash_journal_id = fields.Many2one(
        related="company_id.property_cash_journal_id", readonly=False
    )
    property_bank_journal_id = fields.Many2one(
        related="company_id.property_bank_journal_id", readonly=False
    )
    property_deposit_account_id = fields.Many2one(
        related="company_id.property_deposit_account_id", readonly=False
    )
    property_on_behalf_account_id = fields.Many2one(
        related="company_id.property_on_behalf_account_id", readonly=False
    )
    property_deduction_account_id = fields.Many2one(
        related="company_id.property_deduction_account_id", readonly=False
    )

    def action_property_billing_setup(self):
        self.company_id._property_billing_setup()
