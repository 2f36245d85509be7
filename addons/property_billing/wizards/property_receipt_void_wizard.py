from odoo import fields, models


class PropertyReceiptVoidWizard(models.TransientModel):
    _name = "property.receipt.void.wizard"
    _description = "Void Receipt"

    receipt_id = fields.Many2one("property.receipt", required=True, ondelete="cascade")
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.receipt_id.action_void(self.reason)
        return {"type": "ir.actions.act_window_close"}
