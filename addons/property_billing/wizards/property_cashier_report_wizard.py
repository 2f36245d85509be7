from odoo import fields, models


class PropertyCashierReportWizard(models.TransientModel):
    _name = "property.cashier.report.wizard"
    _description = "Daily Cashier Report"

    date = fields.Date(
        required=True,
        default=lambda self: self.env["property.unit"]._property_today(),
    )
    user_ids = fields.Many2many(
        "res.users",
        string="Clerks",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    def action_print(self):
        self.ensure_one()
        return self.env.ref(
            "property_billing.action_report_property_cashier"
        ).report_action(self)

    def _get_report_data(self):
        self.ensure_one()
        users = self.user_ids or self.env.user
        return self.env["property.receipt"]._get_cashier_report(
            self.date, users, self.company_id
        )
