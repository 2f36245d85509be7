from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# Kinds of goods the storage room does not take (寄存须知).
REFUSED_CATEGORIES = ("valuables", "dangerous", "perishable", "smelly")
UNCLAIMED_DAYS = 30


class PropertyButlerStorage(models.Model):
    _name = "property.butler.storage"
    _description = "Item Storage"
    _inherit = ["property.butler.mixin"]
    _order = "date_stored desc, id desc"

    # === FIELDS === #
    name = fields.Char(string="Claim Stub Number")
    unit_id = fields.Many2one(required=True)
    partner_id = fields.Many2one(string="Owner", required=True)
    state = fields.Selection(
        [("held", "Held"), ("collected", "Collected")],
        default="held",
        required=True,
        copy=False,
        tracking=True,
        index=True,
    )
    items = fields.Char(required=True, tracking=True)
    item_count = fields.Integer(
        string="Number of Pieces", required=True, default=1, tracking=True
    )
    item_category = fields.Selection(
        [
            ("luggage", "Luggage"),
            ("parcel", "Parcel"),
            ("documents", "Documents"),
            ("household", "Household Goods"),
            ("other", "Other"),
            ("valuables", "Valuables"),
            ("dangerous", "Dangerous Goods"),
            ("perishable", "Perishable Goods"),
            ("smelly", "Smelly Goods"),
        ],
        string="Category",
        required=True,
        default="luggage",
    )
    condition = fields.Text(
        string="Condition Noted",
        required=True,
        default=lambda s: s.env._("Intact"),
        help="Damage or defects seen when the items were taken in.",
    )
    location = fields.Char(string="Storage Location", required=True, tracking=True)
    date_stored = fields.Datetime(
        string="Stored On", required=True, default=fields.Datetime.now, tracking=True
    )
    date_expected = fields.Date(string="Expected Collection")
    days_held = fields.Integer(compute="_compute_days_held")
    unclaimed_flagged = fields.Boolean(
        string="Unclaimed (30 Days)",
        readonly=True,
        copy=False,
        tracking=True,
        help="Held for 30 days or more: the supervisor has been asked to act.",
    )
    stub_presented = fields.Char(
        string="Stub Number Presented",
        copy=False,
        help="Number on the claim stub handed back by the owner at collection.",
    )
    collect_signature = fields.Binary(
        string="Owner's Signature", copy=False, attachment=True
    )
    collected_by_name = fields.Char(string="Collected By", copy=False)
    date_collected = fields.Datetime(
        string="Collected On", readonly=True, copy=False, tracking=True
    )
    collect_user_id = fields.Many2one(
        "res.users",
        string="Released By",
        readonly=True,
        copy=False,
        ondelete="restrict",
    )

    _sql_constraints = [
        (
            "item_count_positive",
            "CHECK(item_count > 0)",
            "The number of pieces must be positive.",
        )
    ]

    # === COMPUTES === #
    @api.depends("date_stored", "date_collected", "state")
    def _compute_days_held(self):
        today = self._property_today()
        for record in self:
            if not record.date_stored:
                record.days_held = 0
                continue
            end = (
                record.date_collected.date()
                if record.state == "collected" and record.date_collected
                else today
            )
            record.days_held = max((end - record.date_stored.date()).days, 0)

    # === CONSTRAINTS === #
    @api.constrains("item_category")
    def _check_item_category(self):
        for record in self:
            if record.item_category in REFUSED_CATEGORIES:
                raise ValidationError(
                    self.env._(
                        "The storage room does not take %(category)s: valuables, "
                        "dangerous, perishable or smelly goods are refused.",
                        category=record._selection_label("item_category"),
                    )
                )

    @api.constrains("partner_id", "unit_id")
    def _check_partner_resident(self):
        for record in self:
            if not record._is_resident():
                raise ValidationError(
                    self.env._(
                        "%(partner)s is not a current resident of unit %(unit)s: "
                        "the storage room is for the estate's residents.",
                        partner=record.partner_id.display_name,
                        unit=record.unit_id.display_name,
                    )
                )

    # === CRUD === #
    @api.ondelete(at_uninstall=False)
    def _unlink_except_collected(self):
        if self.filtered(lambda r: r.state == "collected"):
            raise UserError(
                self.env._(
                    "Collected items stay in the storage register; they cannot be "
                    "deleted."
                )
            )

    def write(self, vals):
        locked = {"items", "item_count", "item_category", "unit_id", "partner_id"}
        if locked & set(vals) and self.filtered(lambda r: r.state == "collected"):
            raise UserError(
                self.env._("The items of a collected storage can no longer be changed.")
            )
        return super().write(vals)

    # === ACTIONS === #
    def action_collect(self):
        """Release the items against the claim stub, signed by the owner."""
        for record in self:
            if record.state != "held":
                raise UserError(
                    self.env._(
                        "Storage %(name)s has already been collected.", name=record.name
                    )
                )
            presented = (record.stub_presented or "").strip().upper()
            if not presented:
                raise UserError(
                    self.env._(
                        "Enter the number of the claim stub the owner hands back: "
                        "items are released only against the stub."
                    )
                )
            if presented != record.name.upper():
                raise UserError(
                    self.env._(
                        "The stub number %(stub)s does not match storage %(name)s: "
                        "the items cannot be released.",
                        stub=record.stub_presented,
                        name=record.name,
                    )
                )
            if not record.collect_signature:
                raise UserError(
                    self.env._(
                        "The owner must sign for the items of %(name)s before they "
                        "are released.",
                        name=record.name,
                    )
                )
        self.write(
            {
                "state": "collected",
                "date_collected": fields.Datetime.now(),
                "collect_user_id": self.env.user.id,
            }
        )
        self.activity_unlink(["mail.mail_activity_data_todo"])
        for record in self:
            record.message_post(
                body=self.env._(
                    "Items collected against stub %(name)s.", name=record.name
                )
            )
        return True

    # === CRON === #
    @api.model
    def _cron_flag_unclaimed(self):
        """Items held for 30 days or more are reported to the supervisor."""
        today = self._property_today()
        limit = fields.Datetime.to_datetime(today - timedelta(days=UNCLAIMED_DAYS - 1))
        records = self.search(
            [
                ("state", "=", "held"),
                ("unclaimed_flagged", "=", False),
                ("date_stored", "<", limit),
            ]
        )
        for record in records:
            supervisor = record._get_supervisor()
            env = record._env_in_lang_of(supervisor or record.user_id)
            record._schedule_flag(
                supervisor,
                env._("Unclaimed for 30 days: contact the owner or dispose"),
                env._(
                    "%(items)s (%(count)s pieces) of %(owner)s, unit %(unit)s, stored "
                    "at %(location)s since %(date)s.",
                    items=record.items,
                    count=record.item_count,
                    owner=record.partner_id.name,
                    unit=record.unit_id.display_name,
                    location=record.location,
                    date=record.date_stored.date(),
                ),
            )
        records.unclaimed_flagged = True
        return records

    def _get_report_copy_labels(self):
        return [self.env._("Storage copy"), self.env._("Claim stub (owner)")]
