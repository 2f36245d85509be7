from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression
from odoo.tools import SQL

DELIVERY_STATE_SELECTION = [
    ("not_delivered", "Not Delivered"),
    ("vacant", "Delivered, Vacant"),
    ("occupied", "Occupied"),
    ("renovating", "Renovating"),
]
DELIVERED_STATES = ("vacant", "occupied", "renovating")


class PropertyUnit(models.Model):
    _name = "property.unit"
    _description = "Unit"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "building_id, floor, number, id"
    _rec_name = "code"
    _rec_names_search = ["code", "estate_id.name"]
    _check_company_auto = True

    # === FIELDS === #
    building_id = fields.Many2one(
        "property.building",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    estate_id = fields.Many2one(
        related="building_id.estate_id",
        store=True,
        index=True,
        precompute=True,
    )
    company_id = fields.Many2one(
        related="building_id.company_id",
        store=True,
        index=True,
        precompute=True,
    )
    floor = fields.Integer(
        required=True,
        default=1,
        help="Floor of the unit; basement floors are negative (-1 for B1).",
    )
    number = fields.Char(
        string="Unit Number",
        required=True,
        help="Number of the unit in its building, e.g. 1201.",
    )
    code = fields.Char(
        compute="_compute_code",
        store=True,
        precompute=True,
        index="trigram",
        help="Building code and unit number, e.g. 3-1201; unique within the estate.",
    )
    usage = fields.Selection(
        [
            ("residential", "Residential"),
            ("commercial", "Commercial"),
            ("office", "Office"),
            ("parking", "Parking Space"),
            ("storage", "Storage Room"),
        ],
        required=True,
        default="residential",
        tracking=True,
    )
    built_area = fields.Float(
        string="Built Area (m²)",
        required=True,
        digits=(12, 2),
        tracking=True,
    )
    inner_area = fields.Float(
        string="Inner Area (m²)",
        required=True,
        digits=(12, 2),
        tracking=True,
    )
    delivery_state = fields.Selection(
        DELIVERY_STATE_SELECTION,
        required=True,
        default="not_delivered",
        index=True,
        tracking=True,
    )
    active = fields.Boolean(default=True, tracking=True)
    member_ids = fields.One2many("property.unit.member", "unit_id", string="Members")
    current_member_ids = fields.One2many(
        "property.unit.member",
        compute="_compute_current_members",
        string="Current Members",
    )
    payer_member_id = fields.Many2one(
        "property.unit.member",
        compute="_compute_current_members",
        string="Current Payer",
    )
    payer_partner_id = fields.Many2one(
        "res.partner",
        compute="_compute_current_members",
        string="Bill Payer",
    )
    owner_names = fields.Char(compute="_compute_current_members", string="Owners")
    member_count = fields.Integer(compute="_compute_current_members")
    payer_missing = fields.Boolean(
        compute="_compute_current_members",
        search="_search_payer_missing",
        help="Delivered unit without a current bill payer.",
    )
    archive_complete = fields.Boolean(
        compute="_compute_archive",
        help="Every current member has filed the documents their role requires.",
    )
    archive_completeness = fields.Float(
        string="Archive Completeness (%)",
        compute="_compute_archive",
        digits=(5, 0),
    )
    archive_missing = fields.Text(
        string="Missing Documents", compute="_compute_archive"
    )
    note = fields.Html()
    ticket_ids = fields.One2many("property.ticket", "unit_id", string="Tickets")
    ticket_count = fields.Integer(compute="_compute_ticket_count")
    open_ticket_count = fields.Integer(compute="_compute_ticket_count")
    handover_ids = fields.One2many("property.handover", "unit_id", string="Handovers")
    handover_count = fields.Integer(compute="_compute_handover_count")

    _sql_constraints = [
        (
            "code_estate_uniq",
            "UNIQUE(estate_id, code)",
            "The unit code must be unique within its estate.",
        ),
        (
            "built_area_positive",
            "CHECK(built_area > 0)",
            "The built area must be greater than 0 m².",
        ),
        (
            "inner_area_positive",
            "CHECK(inner_area > 0)",
            "The inner area must be greater than 0 m².",
        ),
        (
            "inner_area_le_built_area",
            "CHECK(inner_area <= built_area)",
            "The inner area cannot be larger than the built area.",
        ),
    ]

    def init(self):
        # search_read of units "by building and floor" is the desk's most common query
        self.env.cr.execute(
            """CREATE INDEX IF NOT EXISTS property_unit_building_floor_index
               ON property_unit (building_id, floor, number)"""
        )

    # === COMPUTE METHODS === #
    @api.depends("building_id.code", "number")
    def _compute_code(self):
        for unit in self:
            if unit.building_id and unit.number:
                unit.code = f"{unit.building_id.code}-{unit.number.strip()}"
            else:
                unit.code = False

    @api.depends("code", "estate_id.name")
    @api.depends_context("property_short_name")
    def _compute_display_name(self):
        short = self.env.context.get("property_short_name")
        for unit in self:
            if short or not unit.estate_id:
                unit.display_name = unit.code or ""
            else:
                unit.display_name = f"{unit.estate_id.name} {unit.code or ''}"

    def _compute_ticket_count(self):
        groups = self.env["property.ticket"]._read_group(
            [("unit_id", "in", self.ids)], ["unit_id", "state"], ["__count"]
        )
        totals, open_counts = {}, {}
        open_states = self.env["property.ticket"].OPEN_STATES
        for unit, state, count in groups:
            totals[unit] = totals.get(unit, 0) + count
            if state in open_states:
                open_counts[unit] = open_counts.get(unit, 0) + count
        for unit in self:
            unit.ticket_count = totals.get(unit, 0)
            unit.open_ticket_count = open_counts.get(unit, 0)

    def _compute_handover_count(self):
        counts = dict(
            self.env["property.handover"]._read_group(
                [("unit_id", "in", self.ids)], ["unit_id"], ["__count"]
            )
        )
        for unit in self:
            unit.handover_count = counts.get(unit, 0)

    @api.depends(
        "member_ids.date_start",
        "member_ids.date_end",
        "member_ids.is_payer",
        "member_ids.role",
        "delivery_state",
    )
    @api.depends_context("date")
    def _compute_current_members(self):
        today = self._property_today()
        for unit in self:
            current = unit.member_ids.filtered(lambda m: m._is_current_on(today))
            payer = current.filtered("is_payer")[:1]
            unit.current_member_ids = current
            unit.member_count = len(current)
            unit.payer_member_id = payer
            unit.payer_partner_id = payer.partner_id
            unit.owner_names = ", ".join(
                current.filtered(lambda m: m.role in ("owner", "co_owner")).mapped(
                    "partner_id.name"
                )
            )
            unit.payer_missing = unit.delivery_state in DELIVERED_STATES and not payer

    def _search_payer_missing(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(self.env._("Unsupported search on the payer flag."))
        today = self._property_today()
        members = self.env["property.unit.member"]._search(
            [
                ("is_payer", "=", True),
                ("date_start", "<=", today),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", today),
            ]
        )
        missing_domain = [
            ("delivery_state", "in", DELIVERED_STATES),
            (
                "id",
                "not in",
                members.subselect(SQL.identifier(members.table, "unit_id")),
            ),
        ]
        if (operator == "=") == value:
            return missing_domain
        return ["!", *expression.normalize_domain(missing_domain)]

    @api.depends("current_member_ids")
    def _compute_archive(self):
        members = self.current_member_ids
        missing_by_member = members._get_missing_document_types()
        for unit in self:
            required = 0
            lines = []
            for member in unit.current_member_ids:
                member_required = member._get_required_document_types()
                member_missing = missing_by_member.get(
                    member.id, self.env["property.document.type"]
                )
                required += len(member_required)
                if member_missing:
                    lines.append(
                        "{}: {}".format(
                            member.partner_id.name,
                            ", ".join(member_missing.mapped("name")),
                        )
                    )
            missing = sum(
                len(missing_by_member.get(m.id, [])) for m in unit.current_member_ids
            )
            unit.archive_complete = not missing
            unit.archive_completeness = (
                100.0 * (required - missing) / required if required else 100.0
            )
            unit.archive_missing = "\n".join(lines)

    # === CONSTRAINT METHODS === #
    @api.constrains("floor", "building_id")
    def _check_floor(self):
        for unit in self:
            building = unit.building_id
            if unit.floor == 0 or not (
                -building.basement_count <= unit.floor <= building.floor_count
            ):
                raise ValidationError(
                    self.env._(
                        "Unit %(unit)s is on floor %(floor)s, but building "
                        "%(building)s has floors -%(basements)s to %(floors)s "
                        "(there is no floor 0).",
                        unit=unit.code,
                        floor=unit.floor,
                        building=building.name,
                        basements=building.basement_count,
                        floors=building.floor_count,
                    )
                )

    @api.constrains("delivery_state", "member_ids")
    def _check_current_payer(self):
        """A delivered unit has exactly one current payer (overlaps are refused on the
        members themselves, see property.unit.member._check_payer_overlap)."""
        today = self._property_today()
        for unit in self.filtered(lambda u: u.delivery_state in DELIVERED_STATES):
            payers = unit.member_ids.filtered(
                lambda m: m.is_payer and m._is_current_on(today)
            )
            if not payers:
                raise ValidationError(
                    self.env._(
                        "Unit %(unit)s is delivered but has no current bill payer. "
                        "Mark exactly one of its current members as the payer.",
                        unit=unit.display_name,
                    )
                )

    # === CRUD METHODS === #
    @api.model_create_multi
    def create(self, vals_list):
        # members given inline are checked once, by the unit's own constraint
        units = super(
            PropertyUnit, self.with_context(property_defer_payer_check=True)
        ).create(vals_list)
        return units.with_env(self.env)

    def write(self, vals):
        return super(
            PropertyUnit, self.with_context(property_defer_payer_check=True)
        ).write(vals)

    # === ACTION METHODS === #
    def action_view_members(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_frontdesk.property_unit_member_action"
        )
        action["domain"] = [("unit_id", "=", self.id)]
        action["context"] = {
            "default_unit_id": self.id,
            "search_default_filter_current": 1,
        }
        return action

    def action_view_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_frontdesk.property_ticket_action"
        )
        action["domain"] = [("unit_id", "=", self.id)]
        action["context"] = {"default_unit_id": self.id}
        return action

    def action_new_ticket(self):
        """Take a request for this unit (a call, a visit...)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Ticket"),
            "res_model": "property.ticket",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {"default_unit_id": self.id},
        }

    def action_view_handovers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_frontdesk.property_handover_action"
        )
        action["domain"] = [("unit_id", "=", self.id)]
        action["context"] = {"default_unit_id": self.id}
        return action

    # === BUSINESS METHODS === #
    def _property_today(self):
        """Today in the user's timezone; ``date`` in the context overrides it."""
        if self.env.context.get("date"):
            return fields.Date.to_date(self.env.context["date"])
        return fields.Date.context_today(self)
