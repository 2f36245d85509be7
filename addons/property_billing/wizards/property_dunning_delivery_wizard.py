from odoo import fields, models


class PropertyDunningDeliveryWizard(models.TransientModel):
    _name = "property.dunning.delivery.wizard"
    _description = "Register the Delivery of Dunning Letters"

    dunning_ids = fields.Many2many("property.dunning", string="Letters", required=True)
    signed_by = fields.Char(string="Signed For By", required=True)

    def action_confirm(self):
        self.ensure_one()
        self.dunning_ids.action_register_delivery(self.signed_by)
        return {"type": "ir.actions.act_window_close"}
