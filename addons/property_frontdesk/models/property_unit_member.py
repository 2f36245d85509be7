from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression

MEMBER_ROLES = [
    ("owner", "Owner"),
    ("co_owner", "Co-owner"),
    ("tenant", "Tenant"),
    ("family", "Family Member"),
    ("company_contact", "Company Contact"),
    ("proxy", "Proxy"),
]


class PropertyUnitMember(models.Model):
    _name = "property.unit.member"
    _description = "Unit Member"
    _order = "unit_id, is_payer desc, date_start desc, id"
    _rec_name = "partner_id"
    _check_company_auto = True

    # === FIELDS === #
    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        index=True,
        ondelete="cascade",
    )
    building_id = fields.Many2one(related="unit_id.building_id", store=True, index=True)
    estate_id = fields.Many2one(related="unit_id.estate_id", store=True, index=True)
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Person / Company",
        required=True,
        index=True,
        ondelete="restrict",
    )
    phone = fields.Char(compute="_compute_phone")
    role = fields.Selection(MEMBER_ROLES, required=True, default="owner")
    date_start = fields.Date(
        string="Start Date",
        required=True,
        default=fields.Date.context_today,
    )
    date_end = fields.Date(string="End Date")
    is_payer = fields.Boolean(
        string="Pays the Bills",
        help="This member receives and pays the unit's payment notices. "
        "A delivered unit has exactly one current payer.",
    )
    is_current = fields.Boolean(
        string="Current",
        compute="_compute_is_current",
        search="_search_is_current",
    )
    note = fields.Text(string="Notes")
    missing_document_type_ids = fields.Many2many(
        "property.document.type",
        compute="_compute_missing_document_types",
        string="Missing Documents",
    )
    archive_complete = fields.Boolean(compute="_compute_missing_document_types")

    # === COMPUTE METHODS === #
    @api.depends("partner_id.mobile", "partner_id.phone")
    def _compute_phone(self):
        for member in self:
            member.phone = member.partner_id.mobile or member.partner_id.phone

    @api.depends("date_start", "date_end")
    @api.depends_context("date")
    def _compute_is_current(self):
        today = self.env["property.unit"]._property_today()
        for member in self:
            member.is_current = member._is_current_on(today)

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(self.env._("Unsupported search on the current flag."))
        today = self.env["property.unit"]._property_today()
        domain = [
            ("date_start", "<=", today),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", today),
        ]
        return (
            domain
            if (operator == "=") == value
            else ["!", *expression.normalize_domain(domain)]
        )

    @api.depends("role", "partner_id")
    def _compute_missing_document_types(self):
        missing = self._get_missing_document_types()
        empty = self.env["property.document.type"]
        for member in self:
            member.missing_document_type_ids = missing.get(member.id, empty)
            member.archive_complete = not member.missing_document_type_ids

    # === CONSTRAINT METHODS === #
    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for member in self:
            if member.date_end and member.date_end < member.date_start:
                raise ValidationError(
                    self.env._(
                        "%(partner)s on unit %(unit)s: the end date (%(end)s) "
                        "cannot be before the start date (%(start)s).",
                        partner=member.partner_id.name,
                        unit=member.unit_id.code,
                        end=member.date_end,
                        start=member.date_start,
                    )
                )

    @api.constrains("is_payer", "date_start", "date_end", "unit_id")
    def _check_payer_overlap(self):
        """At any date a unit has at most one payer."""
        for unit in self.filtered("is_payer").unit_id:
            payers = unit.member_ids.filtered("is_payer").sorted("date_start")
            for previous, following in zip(payers[:-1], payers[1:], strict=True):
                if not previous.date_end or previous.date_end >= following.date_start:
                    raise ValidationError(
                        self.env._(
                            "Unit %(unit)s would have two bill payers at the same "
                            "time (%(first)s and %(second)s). End the current "
                            "payer's period before the new one starts.",
                            unit=unit.display_name,
                            first=previous.partner_id.name,
                            second=following.partner_id.name,
                        )
                    )

    # === CRUD METHODS === #
    # Edited on their own, members re-check their units' payer; edited through the
    # unit (one2many), the unit checks once when all its lines are written.
    @api.model_create_multi
    def create(self, vals_list):
        members = super().create(vals_list)
        members._check_units_current_payer(members.unit_id)
        return members

    def write(self, vals):
        units = self.unit_id
        res = super().write(vals)
        if {"is_payer", "date_start", "date_end", "unit_id"} & vals.keys():
            self._check_units_current_payer(units | self.unit_id)
        return res

    def unlink(self):
        units = self.unit_id
        res = super().unlink()
        self._check_units_current_payer(units.exists())
        return res

    def _check_units_current_payer(self, units):
        if not self.env.context.get("property_defer_payer_check"):
            units._check_current_payer()

    # === BUSINESS METHODS === #
    def _is_current_on(self, day):
        self.ensure_one()
        return bool(
            self.date_start
            and self.date_start <= day
            and (not self.date_end or self.date_end >= day)
        )

    def _get_required_document_types(self):
        self.ensure_one()
        return self.env["property.document.type"]._get_required_for_role(self.role)

    def _get_missing_document_types(self):
        """Return {member id: document types required by its role and not filed on its
        partner}, computed with one query for all members."""
        doc_types = self.env["property.document.type"].search([("active", "=", True)])
        if not self or not doc_types:
            return {}
        filed = defaultdict(set)
        partners = self.partner_id
        if partners:
            groups = self.env["ir.attachment"]._read_group(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "in", partners.ids),
                    ("property_document_type_id", "!=", False),
                ],
                ["res_id", "property_document_type_id"],
            )
            for res_id, doc_type in groups:
                filed[res_id].add(doc_type.id)
        result = {}
        for member in self:
            required = doc_types.filtered(
                lambda t, m=member: t._is_required_for_role(m.role)
            )
            missing = required.filtered(
                lambda t, m=member: t.id not in filed[m.partner_id.id]
            )
            if missing:
                result[member.id] = missing
        return result
