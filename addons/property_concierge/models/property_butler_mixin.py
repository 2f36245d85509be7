from odoo import api, fields, models
from odoo.exceptions import UserError

OWNER_ROLES = ("owner", "co_owner")


class PropertyButlerMixin(models.AbstractModel):
    """Shared fields and helpers of the butler-service registers: a numbered record
    of an estate's unit and the resident served, handled by a desk user."""

    _name = "property.butler.mixin"
    _description = "Butler Service Record"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _check_company_auto = True
    _order = "id desc"

    # === FIELDS === #
    name = fields.Char(
        string="Number",
        required=True,
        readonly=True,
        copy=False,
        default=lambda s: s.env._("New"),
    )
    unit_id = fields.Many2one(
        "property.unit",
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    estate_id = fields.Many2one(
        "property.estate",
        compute="_compute_estate_id",
        store=True,
        readonly=False,
        precompute=True,
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
    partner_id = fields.Many2one(
        "res.partner",
        string="Resident",
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Handled By",
        default=lambda s: s.env.user,
        ondelete="restrict",
        tracking=True,
        domain="[('share', '=', False)]",
    )
    note = fields.Text(string="Remarks")

    _sql_constraints = [
        (
            "name_company_uniq",
            "UNIQUE(name, company_id)",
            "The number must be unique per company.",
        )
    ]

    # === COMPUTES === #
    @api.depends("unit_id")
    def _compute_estate_id(self):
        for record in self:
            if record.unit_id:
                record.estate_id = record.unit_id.estate_id

    # === CRUD === #
    @api.model_create_multi
    def create(self, vals_list):
        new = self.env._("New")
        for vals in vals_list:
            if vals.get("name", new) == new:
                estate = self.env["property.estate"].browse(vals.get("estate_id"))
                if not estate and vals.get("unit_id"):
                    estate = self.env["property.unit"].browse(vals["unit_id"]).estate_id
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(estate.company_id or self.env.company)
                    .next_by_code(self._name)
                    or new
                )
        return super().create(vals_list)

    # === HELPERS === #
    def _property_today(self):
        return self.env["property.unit"]._property_today()

    def _property_now(self):
        """Now; a ``date`` in the context (tests, benchmarks) sets the day at noon."""
        if self.env.context.get("date"):
            day = fields.Date.to_date(self.env.context["date"])
            return fields.Datetime.to_datetime(day).replace(hour=12)
        return fields.Datetime.now()

    def _get_supervisor(self):
        """Front-desk supervisor of the estate (its manager if none)."""
        self.ensure_one()
        return self.estate_id.supervisor_id or self.estate_id.manager_id

    def _check_is_supervisor(self, action):
        if not self.env.user.has_group("property_frontdesk.group_property_supervisor"):
            raise UserError(
                self.env._(
                    "Only a front-desk supervisor can %(action)s.", action=action
                )
            )

    def _is_resident(self, partner=None):
        """The partner (the resident by default) is a current member of the unit."""
        self.ensure_one()
        partner = partner if partner is not None else self.partner_id
        if not partner or not self.unit_id:
            return False
        members = self.unit_id.current_member_ids.partner_id
        return partner.commercial_partner_id in (
            members | members.commercial_partner_id
        )

    def _is_owner(self, partner=None):
        self.ensure_one()
        partner = partner if partner is not None else self.partner_id
        if not partner or not self.unit_id:
            return False
        owners = self.unit_id.current_member_ids.filtered(
            lambda m: m.role in OWNER_ROLES
        ).partner_id
        return partner in owners or partner.commercial_partner_id in owners

    def _selection_label(self, field_name):
        self.ensure_one()
        selection = dict(self._fields[field_name]._description_selection(self.env))
        return selection.get(self[field_name], "")

    def _env_in_lang_of(self, user):
        """Environment in the language of ``user``: texts written for them."""
        return self.with_context(lang=user.lang or self.env.lang).env

    def _schedule_flag(self, user, summary, note=False):
        """To-do activity for ``user`` (nobody: the record's handler)."""
        for record in self:
            assignee = user or record.user_id
            record.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=assignee.id or self.env.uid,
                summary=summary,
                note=note,
            )
