from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

# on-site callbacks: at least this share of the month's callbacks (procedure 2.7.4)
MIN_ONSITE_SHARE = 5.0
# spot checks of the callbacks by the manager each month (2.7.5)
MIN_SPOT_CHECKS = 3


class PropertyServiceMonth(models.Model):
    """Monthly statistics of the special services (特约服务/维修月统计表) and their
    reconciliation with finance (特约服务收费明细及确认)."""

    _name = "property.service.month"
    _description = "Special Services Monthly Statement"
    _inherit = ["mail.thread"]
    _order = "date_from desc, estate_id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    estate_id = fields.Many2one(
        "property.estate", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(
        related="estate_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(
        string="Month",
        required=True,
        default=lambda self: self._default_date_from(),
        help="First day of the month.",
    )
    date_to = fields.Date(compute="_compute_date_to", store=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("desk_confirmed", "Confirmed by the Desk"),
            ("confirmed", "Confirmed by Both Sides"),
        ],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many(
        "property.service.month.line", "month_id", string="Per Team and Service"
    )
    order_count = fields.Integer(compute="_compute_totals", string="Orders")
    amount_total = fields.Monetary(compute="_compute_totals", string="Billed")
    amount_paid = fields.Monetary(compute="_compute_totals", string="Paid")
    amount_unpaid = fields.Monetary(compute="_compute_totals", string="Unpaid")
    amount_notice = fields.Monetary(
        compute="_compute_totals", string="On Payment Notices"
    )
    callback_count = fields.Integer(readonly=True, string="Callbacks")
    callback_missing_count = fields.Integer(readonly=True, string="Not Called Back")
    onsite_count = fields.Integer(readonly=True, string="On-site Callbacks")
    onsite_share = fields.Float(
        readonly=True, string="On-site Share (%)", digits=(5, 1)
    )
    onsite_warning = fields.Boolean(compute="_compute_warnings")
    spot_check_count = fields.Integer(readonly=True, string="Manager's Spot Checks")
    spot_check_warning = fields.Boolean(compute="_compute_warnings")
    answered_on_time_rate = fields.Float(
        readonly=True, string="Answered in 15 Minutes (%)", digits=(5, 1)
    )
    first_time_right_rate = fields.Float(
        readonly=True, string="First Time Right (%)", digits=(5, 1)
    )
    satisfaction_rate = fields.Float(
        readonly=True, string="Satisfaction (%)", digits=(5, 1)
    )
    desk_confirmed_by_id = fields.Many2one(
        "res.users",
        string="Customer Service Confirmed By",
        readonly=True,
        ondelete="restrict",
        copy=False,
    )
    desk_confirmed_date = fields.Datetime(readonly=True, copy=False)
    finance_confirmed_by_id = fields.Many2one(
        "res.users",
        readonly=True,
        ondelete="restrict",
        copy=False,
    )
    finance_confirmed_date = fields.Datetime(readonly=True, copy=False)
    note = fields.Text(string="Differences and Remarks")

    _sql_constraints = [
        (
            "estate_month_uniq",
            "UNIQUE(estate_id, date_from)",
            "This estate already has a statement for this month.",
        ),
    ]

    @api.model
    def _default_date_from(self):
        today = self.env["property.unit"]._property_today()
        return today.replace(day=1) - relativedelta(months=1)

    @api.depends("estate_id", "date_from")
    def _compute_name(self):
        for month in self:
            month.name = " ".join(
                filter(
                    None,
                    [
                        month.date_from and month.date_from.strftime("%Y-%m"),
                        month.estate_id.name,
                    ],
                )
            )

    @api.depends("date_from")
    def _compute_date_to(self):
        for month in self:
            month.date_to = month.date_from and (
                month.date_from + relativedelta(months=1, days=-1)
            )

    @api.depends("line_ids")
    def _compute_totals(self):
        for month in self:
            lines = month.line_ids
            month.order_count = sum(lines.mapped("order_count"))
            month.amount_total = sum(lines.mapped("amount_total"))
            month.amount_paid = sum(lines.mapped("amount_paid"))
            month.amount_unpaid = sum(lines.mapped("amount_unpaid"))
            month.amount_notice = sum(lines.mapped("amount_notice"))

    @api.depends("callback_count", "onsite_share", "spot_check_count")
    def _compute_warnings(self):
        for month in self:
            month.onsite_warning = bool(
                month.callback_count and month.onsite_share < MIN_ONSITE_SHARE
            )
            month.spot_check_warning = month.spot_check_count < MIN_SPOT_CHECKS

    @api.constrains("date_from")
    def _check_date_from(self):
        for month in self:
            if month.date_from.day != 1:
                raise ValidationError(
                    self.env._("A monthly statement starts on the first of the month.")
                )

    # === BUSINESS METHODS === #
    def _get_bounds(self):
        """Naive UTC datetimes of the month's start and end in the estate's zone."""
        self.ensure_one()
        tz = pytz.timezone(
            self.estate_id.resource_calendar_id.tz or self.env.user.tz or "UTC"
        )
        start = tz.localize(datetime.combine(self.date_from, time.min))
        stop = tz.localize(datetime.combine(self.date_to + timedelta(days=1), time.min))
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            stop.astimezone(pytz.utc).replace(tzinfo=None),
        )

    def _get_month_orders(self):
        self.ensure_one()
        start, stop = self._get_bounds()
        return self.env["property.work.order"].search(
            [
                ("estate_id", "=", self.estate_id.id),
                ("registration_date", ">=", start),
                ("registration_date", "<", stop),
            ]
        )

    def action_compute(self):
        """(Re)build the statement from the month's work orders and callbacks."""
        for month in self:
            if month.state != "draft":
                raise UserError(
                    self.env._(
                        "%(name)s is confirmed: it cannot be recomputed.",
                        name=month.name,
                    )
                )
            month._compute_statement()

    def _compute_statement(self):
        self.ensure_one()
        orders = self._get_month_orders()
        groups = defaultdict(lambda: self.env["property.work.order"])
        for order in orders:
            groups[(order.team_id.id, order.service_item_id.id, order.category)] |= (
                order
            )
        commands = [Command.clear()]
        for (team_id, item_id, category), group in sorted(
            groups.items(), key=lambda kv: (kv[0][0] or 0, kv[0][1] or 0, kv[0][2])
        ):
            charged = group.filtered(lambda o: o.state != "cancelled")
            commands.append(
                Command.create(
                    {
                        "team_id": team_id,
                        "service_item_id": item_id,
                        "category": category,
                        "order_count": len(group),
                        "done_count": len(
                            group.filtered(lambda o: o.state in ("done", "closed"))
                        ),
                        "cancelled_count": len(
                            group.filtered(lambda o: o.state == "cancelled")
                        ),
                        "amount_total": sum(charged.mapped("amount")),
                        "amount_paid": sum(
                            charged.filtered(
                                lambda o: o.payment_state == "paid"
                            ).mapped("amount")
                        ),
                        "amount_unpaid": sum(
                            charged.filtered(
                                lambda o: o.payment_state in ("to_pay", "unpaid")
                            ).mapped("amount")
                        ),
                        "amount_notice": sum(
                            charged.filtered(
                                lambda o: o.payment_state == "billed"
                            ).mapped("amount")
                        ),
                    }
                )
            )
        completed = orders.filtered(lambda o: o.state in ("done", "closed"))
        callbacks = completed.callback_ids.filtered(lambda c: not c.is_spot_check)
        onsite = callbacks.filtered(lambda c: c.method == "on_site")
        start, stop = self._get_bounds()
        spot_checks = self.env["property.work.order.callback"].search_count(
            [
                ("estate_id", "=", self.estate_id.id),
                ("is_spot_check", "=", True),
                ("date", ">=", start),
                ("date", "<", stop),
            ]
        )
        answered = orders.filtered("answered_date")

        def pct(part, whole):
            return round(100.0 * part / whole, 1) if whole else 0.0

        self.write(
            {
                "line_ids": commands,
                "callback_count": len(callbacks),
                "callback_missing_count": len(completed) - len(callbacks.work_order_id),
                "onsite_count": len(onsite),
                "onsite_share": pct(len(onsite), len(callbacks)),
                "spot_check_count": spot_checks,
                "answered_on_time_rate": pct(
                    len(answered.filtered("answered_on_time")), len(answered)
                ),
                "first_time_right_rate": pct(
                    len(completed.filtered("first_time_right")), len(completed)
                ),
                "satisfaction_rate": pct(
                    len(callbacks.filtered("is_satisfied")), len(callbacks)
                ),
            }
        )

    def action_desk_confirm(self):
        if not self.env.user.has_group("property_frontdesk.group_property_supervisor"):
            raise UserError(
                self.env._("Only a front desk supervisor confirms the statement.")
            )
        for month in self:
            if month.state != "draft":
                raise UserError(
                    self.env._(
                        "%(name)s is already confirmed by the desk.", name=month.name
                    )
                )
            if not month.line_ids:
                raise UserError(
                    self.env._(
                        "%(name)s: compute the statement first.", name=month.name
                    )
                )
        self.write(
            {
                "state": "desk_confirmed",
                "desk_confirmed_by_id": self.env.user.id,
                "desk_confirmed_date": fields.Datetime.now(),
            }
        )

    def action_finance_confirm(self):
        if not self.env.user.has_group("property_frontdesk.group_property_finance"):
            raise UserError(
                self.env._("Only finance confirms the statement for finance.")
            )
        for month in self:
            if month.state != "desk_confirmed":
                raise UserError(
                    self.env._(
                        "%(name)s: the desk confirms the statement before finance.",
                        name=month.name,
                    )
                )
        self.write(
            {
                "state": "confirmed",
                "finance_confirmed_by_id": self.env.user.id,
                "finance_confirmed_date": fields.Datetime.now(),
            }
        )

    def action_reset(self):
        if not self.env.user.has_group("property_frontdesk.group_property_manager"):
            raise UserError(
                self.env._("Only the service-centre manager reopens a statement.")
            )
        self.write(
            {
                "state": "draft",
                "desk_confirmed_by_id": False,
                "desk_confirmed_date": False,
                "finance_confirmed_by_id": False,
                "finance_confirmed_date": False,
            }
        )

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Special Services %(name)s", name=self.name)

    def action_view_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_concierge.property_work_order_action"
        )
        action["domain"] = [("id", "in", self._get_month_orders().ids)]
        action["context"] = {}
        return action
