from odoo import fields, models

HANDOVER_TYPES = [
    ("first_delivery", "First Delivery"),
    ("resale", "Resale Move-in"),
    ("tenant_move_in", "Tenant Move-in"),
    ("tenant_move_out", "Tenant Move-out"),
]


class PropertyHandoverKindMixin(models.AbstractModel):
    """Configuration lines that apply to some kinds of house handover only."""

    _name = "property.handover.kind.mixin"
    _description = "Applies to Kinds of Handover"

    for_first_delivery = fields.Boolean(string="First Delivery", default=True)
    for_resale = fields.Boolean(string="Resale", default=True)
    for_tenant_move_in = fields.Boolean(string="Tenant Move-in", default=False)
    for_tenant_move_out = fields.Boolean(string="Tenant Move-out", default=False)

    def _filter_for_handover_type(self, handover_type):
        return self.filtered(lambda line: line[f"for_{handover_type}"])
