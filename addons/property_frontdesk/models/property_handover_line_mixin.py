from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyHandoverLineMixin(models.AbstractModel):
    """A checklist line of a handover: taken from the configuration (its name is then
    shown in the reader's language) or added on the handover with its own name."""

    _name = "property.handover.line.mixin"
    _description = "Handover Checklist Line"
    _item_field = "item_id"  # the configuration record the line comes from

    name = fields.Char(
        compute="_compute_name",
        inverse="_inverse_name",
        readonly=False,
        help="Shown in the language of the reader when it comes from the "
        "configuration.",
    )
    label = fields.Char(
        string="Own Name",
        help="Name given on this handover, if not the configured one.",
    )

    @api.depends(lambda self: ("label", f"{self._item_field}.name"))
    @api.depends_context("lang")
    def _compute_name(self):
        for line in self:
            line.name = line.label or line[self._item_field].name

    def _inverse_name(self):
        for line in self:
            # a configured line keeps the configured (translated) name
            configured = line[self._item_field].name
            line.label = line.name if line.name != configured else False

    @api.constrains(lambda self: ("label", self._item_field, "handover_id"))
    def _check_name(self):
        if nameless := self.filtered(
            lambda line: not line.label and not line[self._item_field]
        ):
            raise ValidationError(
                self.env._(
                    "Give a name to the lines of handover %(handovers)s.",
                    handovers=", ".join(nameless.handover_id.mapped("name")),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name") and not vals.get(self._item_field):
                vals.setdefault("label", vals["name"])
        return super().create(vals_list)
