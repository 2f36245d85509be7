from odoo import fields, models


class PropertyReceiptFapiaoWizard(models.TransientModel):
    _name = "property.receipt.fapiao.wizard"
    _description = "Exchange Receipt for Fapiao"

    receipt_id = fields.Many2one("property.receipt", required=True, ondelete="cascade")
    fapiao_number = fields.Char(required=True)
    fapiao_date = fields.Date(
        required=True,
        default=lambda self: self.env["property.unit"]._property_today(),
    )

    def action_confirm(self):
        self.receipt_id._register_fapiao(self.fapiao_number, self.fapiao_date)
        return {"type": "ir.actions.act_window_close"}
