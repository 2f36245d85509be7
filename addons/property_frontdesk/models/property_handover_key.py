from odoo import fields, models

from .property_handover_item import KEY_KINDS


class PropertyHandoverKey(models.Model):
    _name = "property.handover.key"
    _description = "Key or Item Handed Over"
    _inherit = ["property.handover.line.mixin"]
    _order = "handover_id, sequence, id"
    _check_company_auto = True

    handover_id = fields.Many2one(
        "property.handover", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="handover_id.company_id", store=True, index=True, precompute=True
    )
    item_id = fields.Many2one(
        "property.handover.item", string="Configured Item", ondelete="set null"
    )
    sequence = fields.Integer(default=10)
    key_kind = fields.Selection(KEY_KINDS, string="Kind", required=True, default="key")
    name = fields.Char(string="Item")
    quantity = fields.Integer(default=1)
    note = fields.Char()

    _sql_constraints = [
        (
            "quantity_positive",
            "CHECK(quantity >= 0)",
            "Quantities cannot be negative.",
        ),
    ]
