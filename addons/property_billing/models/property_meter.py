from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .property_fee_rule import METER_TYPES


class PropertyMeter(models.Model):
    _name = "property.meter"
    _description = "Meter"
    _inherit = ["mail.thread"]
    _order = "estate_id, meter_type, name, id"
    _check_company_auto = True

    # === FIELDS === #
    name = fields.Char(string="Meter Number", required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    meter_type = fields.Selection(
        METER_TYPES, required=True, default="water", tracking=True
    )
    estate_id = fields.Many2one(
        "property.estate", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(
        related="estate_id.company_id", store=True, index=True, precompute=True
    )
    unit_id = fields.Many2one(
        "property.unit",
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
        domain="[('estate_id', '=', estate_id)]",
        help="The unit the meter measures; empty for a shared meter.",
    )
    is_shared = fields.Boolean(
        string="Shared Meter",
        tracking=True,
        help="Measures several units; its consumption is apportioned between them "
        "by built area.",
    )
    shared_unit_ids = fields.Many2many(
        "property.unit",
        "property_meter_shared_unit_rel",
        "meter_id",
        "unit_id",
        string="Shared By",
        check_company=True,
        domain="[('estate_id', '=', estate_id)]",
    )
    initial_value = fields.Float(
        string="Initial Reading",
        digits=(16, 2),
        help="Reading when the meter was installed; the first reading's consumption "
        "is counted from it.",
    )
    reading_ids = fields.One2many(
        "property.meter.reading", "meter_id", string="Readings"
    )
    last_reading_date = fields.Date(compute="_compute_last_reading")
    last_reading_value = fields.Float(compute="_compute_last_reading", digits=(16, 2))

    _sql_constraints = [
        (
            "name_estate_uniq",
            "UNIQUE(estate_id, meter_type, name)",
            "A meter number must be unique per estate and meter type.",
        ),
        (
            "unit_required",
            "CHECK(is_shared IS TRUE OR unit_id IS NOT NULL)",
            "A meter measures one unit: choose it, or mark the meter as shared.",
        ),
    ]

    # === COMPUTE METHODS === #
    @api.depends("reading_ids.date", "reading_ids.value")
    def _compute_last_reading(self):
        for meter in self:
            last = meter.reading_ids.sorted(lambda r: (r.date, r.id))[-1:]
            meter.last_reading_date = last.date
            meter.last_reading_value = last.value if last else meter.initial_value

    @api.depends("name", "unit_id.code", "meter_type")
    def _compute_display_name(self):
        for meter in self:
            where = meter.unit_id.code or self.env._("shared")
            meter.display_name = f"{meter.name} ({where})"

    # === CONSTRAINT METHODS === #
    @api.constrains("is_shared", "unit_id", "shared_unit_ids")
    def _check_units(self):
        for meter in self:
            if meter.is_shared and len(meter.shared_unit_ids) < 2:
                raise ValidationError(
                    self.env._(
                        "Shared meter %(meter)s must be shared by at least two units.",
                        meter=meter.name,
                    )
                )

    # === BUSINESS METHODS === #
    def _get_apportionment(self):
        """{unit: share} of the meter's consumption; shares add up to 1."""
        self.ensure_one()
        if not self.is_shared:
            return {self.unit_id: 1.0}
        total = sum(self.shared_unit_ids.mapped("built_area"))
        return {unit: unit.built_area / total for unit in self.shared_unit_ids}
