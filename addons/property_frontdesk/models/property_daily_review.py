from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .property_ticket import OPEN_STATES


class PropertyDailyReview(models.Model):
    _name = "property.daily.review"
    _description = "Daily Review of the Front Desk"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True
    # clerks open the day and comment on it; only supervisors review it
    _mail_post_access = "read"

    # === FIELDS === #
    date = fields.Date(
        required=True,
        index=True,
        readonly=True,
        default=lambda self: self.env["property.unit"]._property_today(),
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        readonly=True,
        ondelete="cascade",
        default=lambda self: self.env.company,
    )
    estate_id = fields.Many2one(
        "property.estate",
        readonly=True,
        ondelete="cascade",
        check_company=True,
        help="Empty: every estate of the company.",
    )
    state = fields.Selection(
        [("to_review", "To Review"), ("reviewed", "Reviewed")],
        default="to_review",
        required=True,
        readonly=True,
        tracking=True,
    )
    reviewer_id = fields.Many2one(
        "res.users", string="Reviewed By", readonly=True, ondelete="restrict"
    )
    review_date = fields.Datetime(string="Reviewed On", readonly=True)
    remarks = fields.Text(
        tracking=True,
        help="What the supervisor found in the register and what must be followed up.",
    )

    # figures of the day, always current
    received_count = fields.Integer(string="Received", compute="_compute_figures")
    complaint_count = fields.Integer(string="Complaints", compute="_compute_figures")
    new_count = fields.Integer(string="New", compute="_compute_figures")
    dispatched_count = fields.Integer(string="Dispatched", compute="_compute_figures")
    in_progress_count = fields.Integer(string="In Progress", compute="_compute_figures")
    resolved_count = fields.Integer(
        string="Awaiting Callback or Closing", compute="_compute_figures"
    )
    open_count = fields.Integer(string="Open", compute="_compute_figures")
    overdue_count = fields.Integer(string="Overdue", compute="_compute_figures")
    callback_due_count = fields.Integer(
        string="Callbacks Due", compute="_compute_figures"
    )
    unassigned_count = fields.Integer(
        string="Not Dispatched", compute="_compute_figures"
    )
    closed_count = fields.Integer(string="Closed", compute="_compute_figures")
    handover_pending_count = fields.Integer(
        string="Hand-overs Not Accepted", compute="_compute_figures"
    )
    ticket_ids = fields.Many2many(
        "property.ticket",
        compute="_compute_ticket_ids",
        string="Register of the Day",
    )

    _sql_constraints = [
        (
            "date_estate_uniq",
            "UNIQUE NULLS NOT DISTINCT (company_id, estate_id, date)",
            "There is already a daily review for this day.",
        ),
    ]

    # === COMPUTE METHODS === #
    @api.depends("date", "estate_id")
    def _compute_display_name(self):
        for review in self:
            review.display_name = self.env._(
                "Daily review %(date)s %(estate)s",
                date=fields.Date.to_string(review.date) if review.date else "",
                estate=review.estate_id.name or "",
            ).strip()

    def _compute_figures(self):
        Ticket = self.env["property.ticket"]
        for review in self:
            scope = review._get_scope_domain()
            start, end = Ticket._get_today_bounds(review.date)
            by_state = dict(
                Ticket._read_group(
                    [*scope, ("state", "in", OPEN_STATES)], ["state"], ["__count"]
                )
            )
            received = Ticket._read_group(
                [
                    *scope,
                    ("received_date", ">=", start),
                    ("received_date", "<", end),
                ],
                ["type_kind"],
                ["__count"],
            )
            review.received_count = sum(count for _kind, count in received)
            review.complaint_count = sum(
                count for kind, count in received if kind == "complaint"
            )
            review.new_count = by_state.get("new", 0)
            review.dispatched_count = by_state.get("dispatched", 0)
            review.in_progress_count = by_state.get("in_progress", 0)
            review.resolved_count = by_state.get("resolved", 0)
            review.open_count = sum(by_state.values())
            review.overdue_count = Ticket.search_count(
                [*scope, ("is_overdue", "=", True)]
            )
            review.callback_due_count = Ticket.search_count(
                [*scope, *review._get_callback_due_domain(end)]
            )
            review.unassigned_count = Ticket.search_count(
                [*scope, ("state", "=", "new"), ("team_id", "=", False)]
            )
            review.closed_count = Ticket.search_count(
                [
                    *scope,
                    ("state", "=", "closed"),
                    ("closed_date", ">=", start),
                    ("closed_date", "<", end),
                ]
            )
            review.handover_pending_count = self.env["property.shift.log"].search_count(
                [
                    ("company_id", "=", review.company_id.id),
                    ("state", "=", "handed_over"),
                    ("date", "<=", review.date),
                ]
            )

    @api.depends("date", "estate_id")
    def _compute_ticket_ids(self):
        Ticket = self.env["property.ticket"]
        for review in self:
            start, end = Ticket._get_today_bounds(review.date)
            review.ticket_ids = Ticket.search(
                [
                    *review._get_scope_domain(),
                    ("received_date", ">=", start),
                    ("received_date", "<", end),
                ]
            )

    # === ACTION METHODS === #
    @api.model
    def action_open_today(self):
        """The desk's view of today (created on first opening)."""
        return self._get_or_create(
            self.env["property.unit"]._property_today()
        )._action_open()

    @api.model
    def action_open_yesterday(self):
        """The supervisor's review of yesterday's register."""
        today = self.env["property.unit"]._property_today()
        return self._get_or_create(fields.Date.subtract(today, days=1))._action_open()

    def action_review(self):
        if not self.env.user.has_group("property_frontdesk.group_property_supervisor"):
            raise AccessError(
                self.env._("Only a front desk supervisor reviews the register.")
            )
        today = self.env["property.unit"]._property_today()
        if early := self.filtered(lambda r: r.date >= today):
            raise UserError(
                self.env._(
                    "A day's register is reviewed once the day is over: %(days)s",
                    days=", ".join(early.mapped("display_name")),
                )
            )
        if done := self.filtered(lambda r: r.state == "reviewed"):
            raise UserError(
                self.env._(
                    "Already reviewed: %(days)s",
                    days=", ".join(done.mapped("display_name")),
                )
            )
        self.write(
            {
                "state": "reviewed",
                "reviewer_id": self.env.uid,
                "review_date": fields.Datetime.now(),
            }
        )
        return True

    def action_view_tickets(self):
        """Open the tickets behind one of the figures (``figure`` in the context)."""
        self.ensure_one()
        Ticket = self.env["property.ticket"]
        figure = self.env.context.get("figure", "received")
        start, end = Ticket._get_today_bounds(self.date)
        domains = {
            "received": [("received_date", ">=", start), ("received_date", "<", end)],
            "complaint": [
                ("received_date", ">=", start),
                ("received_date", "<", end),
                ("type_kind", "=", "complaint"),
            ],
            "open": [("state", "in", OPEN_STATES)],
            "new": [("state", "=", "new")],
            "dispatched": [("state", "=", "dispatched")],
            "in_progress": [("state", "=", "in_progress")],
            "resolved": [("state", "=", "resolved")],
            "overdue": [("is_overdue", "=", True)],
            "callback_due": self._get_callback_due_domain(end),
            "unassigned": [("state", "=", "new"), ("team_id", "=", False)],
            "closed": [
                ("state", "=", "closed"),
                ("closed_date", ">=", start),
                ("closed_date", "<", end),
            ],
        }
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_frontdesk.property_ticket_action"
        )
        action["domain"] = [*self._get_scope_domain(), *domains[figure]]
        action["context"] = {"create": False}
        action["view_mode"] = "list,kanban,form"
        action["views"] = [(False, "list"), (False, "kanban"), (False, "form")]
        return action

    def action_view_handovers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_frontdesk.property_shift_log_action"
        )
        action["domain"] = [
            ("company_id", "=", self.company_id.id),
            ("state", "=", "handed_over"),
            ("date", "<=", self.date),
        ]
        return action

    # === BUSINESS METHODS === #
    @api.model
    def _get_or_create(self, day, estate=None):
        domain = [
            ("company_id", "=", self.env.company.id),
            ("estate_id", "=", estate.id if estate else False),
            ("date", "=", day),
        ]
        review = self.search(domain, limit=1)
        if not review:
            review = self.create(
                {
                    "date": day,
                    "company_id": self.env.company.id,
                    "estate_id": estate.id if estate else False,
                }
            )
        return review

    def _action_open(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.display_name,
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }

    def _get_scope_domain(self):
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        if self.estate_id:
            domain.append(("estate_id", "=", self.estate_id.id))
        return domain

    def _get_callback_due_domain(self, end):
        """Callbacks to make by the end of the day (late ones included)."""
        return [
            ("state", "=", "resolved"),
            ("callback_done", "=", False),
            ("callback_deadline", "<", end),
        ]
