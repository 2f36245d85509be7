from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import period as billing_period

DUNNING_STATES = [
    ("reminder", "Payment Reminder"),
    ("suspension_notice", "Suspension Notice"),
    ("to_approve", "Suspension to Approve"),
    ("suspended", "Service Suspended"),
    ("closed", "Paid"),
]


class PropertyDunning(models.Model):
    _name = "property.dunning"
    _description = "Dunning"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "reminder_date desc, id desc"
    _check_company_auto = True

    # === FIELDS === #
    name = fields.Char(compute="_compute_name", store=True)
    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, ondelete="restrict", readonly=True
    )
    building_id = fields.Many2one(related="unit_id.building_id", store=True)
    estate_id = fields.Many2one(
        related="unit_id.estate_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Payer",
        required=True,
        index=True,
        ondelete="restrict",
        readonly=True,
    )
    period = fields.Char(
        required=True, readonly=True, help="Month of the unpaid notices."
    )
    move_ids = fields.Many2many(
        "account.move",
        "property_dunning_move_rel",
        "dunning_id",
        "move_id",
        string="Unpaid Notices",
        readonly=True,
    )
    amount_due = fields.Monetary(compute="_compute_amount_due")
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        DUNNING_STATES,
        required=True,
        default="reminder",
        readonly=True,
        tracking=True,
        index=True,
    )
    reminder_date = fields.Date(readonly=True, required=True)
    suspension_notice_date = fields.Date(readonly=True)
    suspension_date = fields.Date(
        string="Suspension From",
        readonly=True,
        help="The service may be suspended after this day if the notices are still "
        "unpaid.",
    )
    delivered_date = fields.Datetime(readonly=True, tracking=True)
    delivered_by_id = fields.Many2one(
        "res.users", readonly=True, ondelete="restrict", tracking=True
    )
    signed_by = fields.Char(string="Signed For By", readonly=True, tracking=True)
    approved_by_id = fields.Many2one(
        "res.users",
        string="Suspension Approved By",
        readonly=True,
        ondelete="restrict",
        tracking=True,
    )
    closed_date = fields.Date(readonly=True)

    _sql_constraints = [
        (
            "unit_partner_period_uniq",
            "UNIQUE(unit_id, partner_id, period)",
            "A payer is dunned once per unit and period.",
        ),
    ]

    # === COMPUTE METHODS === #
    @api.depends("unit_id.code", "period")
    def _compute_name(self):
        for dunning in self:
            dunning.name = f"{dunning.unit_id.code or ''} {dunning.period or ''}"

    @api.depends("move_ids.amount_residual")
    def _compute_amount_due(self):
        for dunning in self:
            dunning.amount_due = sum(dunning.move_ids.mapped("amount_residual"))

    # === ACTION METHODS === #
    def action_register_delivery(self, signed_by=None):
        for dunning in self:
            if dunning.state in ("closed", "suspended"):
                raise UserError(
                    self.env._(
                        "%(name)s: nothing to deliver, the dunning is over.",
                        name=dunning.name,
                    )
                )
        if not signed_by:
            raise UserError(self.env._("Write who signed for the dunning letter."))
        self.write(
            {
                "delivered_date": fields.Datetime.now(),
                "delivered_by_id": self.env.user.id,
                "signed_by": signed_by,
            }
        )
        return True

    def action_approve_suspension(self):
        """A supervisor approves suspending the unit's service; the engineering
        team gets an activity to carry it out."""
        if not self.env.user.has_group("property_frontdesk.group_property_supervisor"):
            raise UserError(
                self.env._("Only a supervisor can approve a service suspension.")
            )
        self._close_paid()
        for dunning in self:
            if dunning.state != "to_approve":
                raise UserError(
                    self.env._(
                        "%(name)s: the suspension can only be approved once the "
                        "notice of suspension has expired.",
                        name=dunning.name,
                    )
                )
            dunning.write({"state": "suspended", "approved_by_id": self.env.user.id})
            leader = dunning._get_engineering_leader()
            dunning.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._(
                    "Suspend the service of %(unit)s", unit=dunning.unit_id.code
                ),
                note=self.env._(
                    "Unpaid %(amount)s since %(period)s: the suspension was approved "
                    "by %(user)s.",
                    amount=dunning.amount_due,
                    period=dunning.period,
                    user=self.env.user.name,
                ),
                user_id=(leader or self.env.user).id,
            )
        return True

    def action_print(self):
        return self.env.ref(
            "property_billing.action_report_property_dunning"
        ).report_action(self)

    # === BUSINESS METHODS === #
    def _get_engineering_leader(self):
        self.ensure_one()
        team = self.env["property.team"].search(
            [
                ("kind", "=", "engineering"),
                ("company_id", "in", [self.company_id.id, False]),
                "|",
                ("estate_ids", "=", False),
                ("estate_ids", "in", self.estate_id.ids),
            ],
            limit=1,
        )
        return team.leader_id

    def _close_paid(self):
        """Payment stops the dunning at once."""
        today = self.env["property.unit"]._property_today()
        paid = self.filtered(
            lambda d: (
                d.state != "closed"
                and all(
                    m.payment_state in ("paid", "in_payment", "reversed")
                    for m in d.move_ids
                )
            )
        )
        if paid:
            paid.write({"state": "closed", "closed_date": today})
            for dunning in paid:
                dunning.activity_unlink(["mail.mail_activity_data_todo"])
        return paid

    @api.model
    def _reminder_date(self, estate, period):
        """The ``estate.dunning_working_days``-th working day (estate calendar,
        public holidays excluded) after the month ``period``."""
        calendar = estate.resource_calendar_id
        start = billing_period.period_bounds(billing_period.period_add(period, 1))[0]
        tz = pytz.timezone(calendar.tz or "Asia/Shanghai")
        begin = tz.localize(datetime.combine(start, time.min))
        intervals = calendar._work_intervals_batch(begin, begin + timedelta(days=93))[
            False
        ]
        days = sorted(
            {start.astimezone(tz).date() for start, _stop, _meta in intervals}
        )
        wanted = estate.dunning_working_days
        if len(days) < wanted:
            return False
        return days[wanted - 1]

    @api.model
    def _cron_dunning(self):
        today = self.env["property.unit"]._property_today()
        open_dunnings = self.search([("state", "not in", ("closed", "suspended"))])
        open_dunnings._close_paid()
        for estate in self.env["property.estate"].search([("active", "=", True)]):
            self._create_reminders(estate, today)
        self._advance(today)

    @api.model
    def _create_reminders(self, estate, today):
        """Reminders for the unpaid notices of the months whose reminder day has
        come."""
        Move = self.env["account.move"]
        unpaid = Move.search(
            [
                ("property_is_notice", "=", True),
                ("state", "=", "posted"),
                ("property_estate_id", "=", estate.id),
                ("payment_state", "in", ("not_paid", "partial")),
                ("property_period", "<", billing_period.period_of(today)),
            ]
        )
        existing = {
            (d.unit_id.id, d.partner_id.id, d.period)
            for d in self.search([("estate_id", "=", estate.id)])
        }
        groups = {}
        dates = {}
        for move in unpaid:
            key = (move.property_unit_id.id, move.partner_id.id, move.property_period)
            if key in existing:
                continue
            if move.property_period not in dates:
                dates[move.property_period] = self._reminder_date(
                    estate, move.property_period
                )
            when = dates[move.property_period]
            if not when or when > today:
                continue
            groups.setdefault(key, (Move, when))
            groups[key] = (groups[key][0] | move, when)
        vals_list = [
            {
                "unit_id": unit_id,
                "partner_id": partner_id,
                "period": period,
                "move_ids": [fields.Command.set(moves.ids)],
                "reminder_date": when,
            }
            for (unit_id, partner_id, period), (moves, when) in groups.items()
        ]
        return self.create(vals_list)

    @api.model
    def _advance(self, today):
        """Reminder → notice of suspension after the configured days; notice →
        suspension to approve when its grace days are over."""
        to_notice = self.search([("state", "=", "reminder")]).filtered(
            lambda d: (
                today
                > d.reminder_date
                + timedelta(days=d.estate_id.dunning_suspension_notice_days)
            )
        )
        for dunning in to_notice:
            dunning.write(
                {
                    "state": "suspension_notice",
                    "suspension_notice_date": today,
                    "suspension_date": today
                    + timedelta(days=dunning.estate_id.dunning_grace_days),
                    "delivered_date": False,
                    "delivered_by_id": False,
                    "signed_by": False,
                }
            )
        to_approve = self.search(
            [("state", "=", "suspension_notice"), ("suspension_date", "<", today)]
        )
        for dunning in to_approve:
            dunning.state = "to_approve"
            supervisor = dunning.estate_id.supervisor_id or dunning.estate_id.manager_id
            dunning.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Approve the service suspension"),
                user_id=(supervisor or self.env.user).id,
            )
        return to_notice | to_approve
