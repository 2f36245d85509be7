from odoo import fields, models


class PropertyAgreementType(models.Model):
    _name = "property.agreement.type"
    _description = "Handover Agreement"
    _inherit = ["property.handover.kind.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True, ondelete="cascade")
    required = fields.Boolean(
        help="The handover cannot be completed before it is signed."
    )
    description = fields.Text(translate=True)
