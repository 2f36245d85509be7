from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyBuilding(models.Model):
    _name = "property.building"
    _description = "Building"
    _order = "estate_id, sequence, code, id"
    _check_company_auto = True

    # === FIELDS === #
    estate_id = fields.Many2one(
        "property.estate",
        required=True,
        index=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        related="estate_id.company_id",
        store=True,
        index=True,
        precompute=True,
    )
    name = fields.Char(required=True)
    code = fields.Char(
        required=True,
        help="Short code used in unit codes: building 3, unit 1201 gives 3-1201.",
    )
    sequence = fields.Integer(default=10)
    floor_count = fields.Integer(string="Floors", required=True, default=1)
    basement_count = fields.Integer(string="Basement Floors", default=0)
    active = fields.Boolean(default=True)
    unit_ids = fields.One2many("property.unit", "building_id", string="Units")
    unit_count = fields.Integer(compute="_compute_unit_count")

    _sql_constraints = [
        (
            "code_estate_uniq",
            "UNIQUE(code, estate_id)",
            "The building code must be unique within its estate.",
        ),
        (
            "floor_count_positive",
            "CHECK(floor_count > 0)",
            "A building has at least one floor above ground.",
        ),
        (
            "basement_count_positive",
            "CHECK(basement_count >= 0)",
            "The number of basement floors cannot be negative.",
        ),
    ]

    # === COMPUTE METHODS === #
    def _compute_unit_count(self):
        counts = dict(
            self.env["property.unit"]._read_group(
                [("building_id", "in", self.ids)], ["building_id"], ["__count"]
            )
        )
        for building in self:
            building.unit_count = counts.get(building, 0)

    @api.depends("name", "estate_id.name")
    def _compute_display_name(self):
        for building in self:
            if self.env.context.get("property_short_name") or not building.estate_id:
                building.display_name = building.name
            else:
                building.display_name = f"{building.estate_id.name} {building.name}"

    # === CONSTRAINT METHODS === #
    @api.constrains("floor_count", "basement_count")
    def _check_unit_floors(self):
        for building in self:
            outside = building.unit_ids.filtered(
                lambda u, b=building: (
                    u.floor > b.floor_count or u.floor < -b.basement_count
                )
            )
            if outside:
                raise ValidationError(
                    self.env._(
                        "Building %(building)s still has units on floors it would no "
                        "longer have: %(units)s",
                        building=building.display_name,
                        units=", ".join(outside.mapped("code")),
                    )
                )

    # === ACTION METHODS === #
    def action_view_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_frontdesk.property_unit_action"
        )
        action["domain"] = [("building_id", "=", self.id)]
        action["context"] = {"default_building_id": self.id}
        return action
