from odoo import fields, models


class PropertyDepositRefundWizard(models.TransientModel):
    _name = "property.deposit.refund.wizard"
    _description = "Request Deposit Refund"

    deposit_id = fields.Many2one("property.deposit", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="deposit_id.currency_id")
    amount_held = fields.Monetary(related="deposit_id.amount_held")
    deduction = fields.Monetary(help="Part of the deposit kept (booked as income).")
    reason = fields.Text(string="Reason for the Deduction")

    def action_confirm(self):
        self.deposit_id.action_request_refund(self.deduction, self.reason)
        return {"type": "ir.actions.act_window_close"}
