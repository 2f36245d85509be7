from odoo import fields, models


class PropertyNoticeDeliveryWizard(models.TransientModel):
    _name = "property.notice.delivery.wizard"
    _description = "Register the Delivery of Payment Notices"

    move_ids = fields.Many2many("account.move", string="Notices", required=True)
    delivered_by_id = fields.Many2one(
        "res.users",
        string="Delivered By",
        required=True,
        default=lambda self: self.env.user,
    )
    delivered_date = fields.Datetime(
        string="Delivered On", required=True, default=fields.Datetime.now
    )
    signed_by = fields.Char(string="Signed For By", required=True)

    def action_confirm(self):
        self.ensure_one()
        self.move_ids._property_register_delivery(
            self.delivered_by_id, self.signed_by, self.delivered_date
        )
        return {"type": "ir.actions.act_window_close"}
