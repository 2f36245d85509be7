from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_duration


class PropertyShift(models.Model):
    _name = "property.shift"
    _description = "Front Desk Shift"
    _order = "sequence, start_hour, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        ondelete="cascade",
        help="Leave empty to share the shift between companies.",
    )
    start_hour = fields.Float(string="Starts At", required=True, default=8.5)
    end_hour = fields.Float(string="Ends At", required=True, default=16.5)

    @api.depends("name", "start_hour", "end_hour")
    def _compute_display_name(self):
        for shift in self:
            shift.display_name = (
                f"{shift.name} {format_duration(shift.start_hour)}–"
                f"{format_duration(shift.end_hour)}"
            )

    @api.constrains("start_hour", "end_hour")
    def _check_hours(self):
        for shift in self:
            if not 0 <= shift.start_hour < shift.end_hour <= 24:
                raise ValidationError(
                    self.env._(
                        "Shift %(shift)s must start before it ends, between 00:00 "
                        "and 24:00.",
                        shift=shift.name,
                    )
                )
