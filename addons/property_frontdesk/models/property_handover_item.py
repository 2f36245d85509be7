from odoo import fields, models

KEY_KINDS = [
    ("key", "Key"),
    ("access_card", "Access Card"),
    ("parking_card", "Parking Card"),
    ("remote", "Remote Control"),
    ("manual", "Manual / Documents"),
    ("gift", "Gift"),
    ("other", "Other"),
]


class PropertyHandoverItem(models.Model):
    """Equipment to check and items to hand over, proposed on every handover."""

    _name = "property.handover.item"
    _description = "Handover Equipment or Item"
    _inherit = ["property.handover.kind.mixin"]
    _order = "item_type, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True, ondelete="cascade")
    item_type = fields.Selection(
        [("equipment", "Equipment to Check"), ("handed", "Item Handed Over")],
        string="Kind",
        required=True,
        default="equipment",
    )
    key_kind = fields.Selection(KEY_KINDS, string="Item Kind", default="key")
    quantity = fields.Integer(default=1)
