from odoo import fields, models


class PropertyHandoverChecklistItem(models.Model):
    _name = "property.handover.checklist.item"
    _description = "Handover Document"
    _inherit = ["property.handover.kind.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True, ondelete="cascade")
    owner_kind = fields.Selection(
        [("any", "Any Owner"), ("family", "Family"), ("company", "Company")],
        required=True,
        default="any",
        help="Kind of owner who must bring the document.",
    )
    proxy_only = fields.Boolean(
        help="Asked only when a proxy comes on the owner's behalf (in addition to "
        "the owner's own documents).",
    )
    required = fields.Boolean(
        default=True,
        help="The handover cannot be completed while it is missing, unless a "
        "supervisor records an exception.",
    )
    description = fields.Text(translate=True)

    def _filter_for_handover(self, handover):
        return self._filter_for_handover_type(handover.handover_type).filtered(
            lambda item: (
                item.owner_kind in ("any", handover.owner_kind)
                and (handover.by_proxy or not item.proxy_only)
                and (not item.company_id or item.company_id == handover.company_id)
            )
        )
