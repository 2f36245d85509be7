from odoo import fields, models


class PropertyHandoverEquipment(models.Model):
    _name = "property.handover.equipment"
    _description = "Unit Equipment Checked at Handover"
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
    name = fields.Char(string="Equipment")
    quantity = fields.Integer(default=1)
    condition = fields.Selection(
        [("good", "Good"), ("damaged", "Damaged"), ("missing", "Missing")],
        required=True,
        default="good",
    )
    note = fields.Char()

    _sql_constraints = [
        (
            "quantity_positive",
            "CHECK(quantity >= 0)",
            "Quantities cannot be negative.",
        ),
    ]
