from odoo import fields, models


class PropertyEstate(models.Model):
    _name = "property.estate"
    _description = "Estate"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, name, id"
    _check_company_auto = True

    # === FIELDS === #
    name = fields.Char(required=True, tracking=True)
    code = fields.Char(
        required=True,
        tracking=True,
        help="Short code of the estate, used in references and reports.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    estate_type = fields.Selection(
        [
            ("residential", "Residential Estate"),
            ("business_park", "Business Park"),
            ("commercial", "Commercial Complex"),
            ("mixed", "Mixed Use"),
        ],
        required=True,
        default="residential",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        ondelete="restrict",
        default=lambda self: self.env.company,
    )
    address = fields.Char()
    city = fields.Char()
    state_id = fields.Many2one(
        "res.country.state",
        string="Province",
        ondelete="restrict",
        domain="[('country_id.code', '=', 'CN')]",
    )
    zip = fields.Char(string="Postcode")
    service_phone = fields.Char(
        string="Service Hotline",
        tracking=True,
        help="Phone number of the service centre, printed on notices and receipts.",
    )
    manager_id = fields.Many2one(
        "res.users",
        string="Service Centre Manager",
        ondelete="restrict",
        tracking=True,
        domain="[('share', '=', False)]",
    )
    supervisor_id = fields.Many2one(
        "res.users",
        string="Front Desk Supervisor",
        ondelete="restrict",
        tracking=True,
        domain="[('share', '=', False)]",
        help="Informed of complaints and of their overdue steps; the manager is "
        "used when empty.",
    )
    resource_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Hours",
        required=True,
        ondelete="restrict",
        check_company=True,
        default=lambda self: self.env.company.resource_calendar_id,
        help="Working days, hours and public holidays of the service centre; "
        "deadlines of tickets and notices are counted on it.",
    )
    building_ids = fields.One2many("property.building", "estate_id", string="Buildings")
    building_count = fields.Integer(compute="_compute_counts")
    unit_count = fields.Integer(compute="_compute_counts")
    total_built_area = fields.Float(
        string="Total Built Area (m²)",
        compute="_compute_counts",
        digits="Product Unit of Measure",
    )
    color = fields.Integer()
    note = fields.Html()

    _sql_constraints = [
        (
            "code_company_uniq",
            "UNIQUE(code, company_id)",
            "The estate code must be unique per company.",
        ),
    ]

    # === COMPUTE METHODS === #
    def _compute_counts(self):
        buildings = dict(
            self.env["property.building"]._read_group(
                [("estate_id", "in", self.ids)], ["estate_id"], ["__count"]
            )
        )
        units = {
            estate: (count, area)
            for estate, count, area in self.env["property.unit"]._read_group(
                [("estate_id", "in", self.ids)],
                ["estate_id"],
                ["__count", "built_area:sum"],
            )
        }
        for estate in self:
            estate.building_count = buildings.get(estate, 0)
            estate.unit_count, estate.total_built_area = units.get(estate, (0, 0.0))

    # === ACTION METHODS === #
    def action_view_buildings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_frontdesk.property_building_action"
        )
        action["domain"] = [("estate_id", "=", self.id)]
        action["context"] = {"default_estate_id": self.id}
        return action

    def action_view_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_frontdesk.property_unit_action"
        )
        action["domain"] = [("estate_id", "=", self.id)]
        action["context"] = {"search_default_group_building": 1}
        return action
