from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError


class PropertyShiftLog(models.Model):
    _name = "property.shift.log"
    _description = "Front Desk Shift Log"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, shift_start desc, id desc"
    _check_company_auto = True

    # === FIELDS === #
    date = fields.Date(
        required=True,
        index=True,
        default=lambda self: self.env["property.unit"]._property_today(),
        tracking=True,
    )
    shift_id = fields.Many2one(
        "property.shift",
        required=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    shift_start = fields.Float(related="shift_id.start_hour", store=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        ondelete="cascade",
        default=lambda self: self.env.company,
    )
    estate_id = fields.Many2one(
        "property.estate",
        ondelete="restrict",
        check_company=True,
        help="Empty when the desk serves every estate of the company.",
    )
    supervisor_id = fields.Many2one(
        "res.users",
        string="Supervisor on Duty",
        required=True,
        default=lambda self: self.env.user,
        ondelete="restrict",
        tracking=True,
        domain="[('share', '=', False)]",
    )
    staff_ids = fields.Many2many(
        "res.users",
        string="Staff on Duty",
        domain="[('share', '=', False)]",
    )
    events = fields.Html(
        string="Events of the Shift",
        help="Visits, calls, incidents and anything the next shift should know.",
    )
    handover_note = fields.Text(
        string="To Follow Up",
        help="Work the next shift must follow up, besides the open tickets listed "
        "below.",
    )
    state = fields.Selection(
        [
            ("on_duty", "On Duty"),
            ("handed_over", "Handed Over"),
            ("accepted", "Accepted"),
        ],
        default="on_duty",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    line_ids = fields.One2many(
        "property.shift.log.line", "log_id", string="Open Tickets Handed Over"
    )
    line_count = fields.Integer(compute="_compute_line_count")
    handed_over_date = fields.Datetime(
        string="Handed Over On", readonly=True, copy=False
    )
    accepted_by_id = fields.Many2one(
        "res.users",
        string="Taken Over By",
        readonly=True,
        copy=False,
        ondelete="restrict",
        tracking=True,
    )
    accepted_date = fields.Datetime(string="Taken Over On", readonly=True, copy=False)
    acceptance_note = fields.Text(
        help="Remarks of the next shift's supervisor on what was handed over."
    )
    reviewed_by_id = fields.Many2one(
        "res.users",
        readonly=True,
        copy=False,
        ondelete="restrict",
        tracking=True,
    )
    review_date = fields.Datetime(string="Reviewed On", readonly=True, copy=False)
    review_note = fields.Text(string="Manager's Remarks", tracking=True)

    _sql_constraints = [
        (
            "date_shift_uniq",
            "UNIQUE NULLS NOT DISTINCT (company_id, estate_id, date, shift_id)",
            "There is already a log for this shift.",
        ),
    ]

    # === COMPUTE METHODS === #
    @api.depends("date", "shift_id.name", "estate_id.name")
    def _compute_display_name(self):
        for log in self:
            parts = [
                fields.Date.to_string(log.date) if log.date else "",
                log.shift_id.name or "",
                log.estate_id.name or "",
            ]
            log.display_name = " ".join(part for part in parts if part)

    def _compute_line_count(self):
        counts = dict(
            self.env["property.shift.log.line"]._read_group(
                [("log_id", "in", self.ids)], ["log_id"], ["__count"]
            )
        )
        for log in self:
            log.line_count = counts.get(log, 0)

    # === CRUD METHODS === #
    @api.ondelete(at_uninstall=False)
    def _unlink_except_handed_over(self):
        if handed := self.filtered(lambda log: log.state != "on_duty"):
            raise UserError(
                self.env._(
                    "Handed-over shift logs are kept: %(logs)s",
                    logs=", ".join(handed.mapped("display_name")),
                )
            )

    # === ACTION METHODS === #
    def action_hand_over(self):
        """End of the shift: every ticket still open is listed for the next shift."""
        if wrong := self.filtered(lambda log: log.state != "on_duty"):
            raise UserError(
                self.env._(
                    "Only a shift on duty can be handed over: %(logs)s",
                    logs=", ".join(wrong.mapped("display_name")),
                )
            )
        now = fields.Datetime.now()
        for log in self:
            log.write(
                {
                    "state": "handed_over",
                    "handed_over_date": now,
                    "line_ids": [Command.clear()]
                    + [
                        Command.create(vals)
                        for vals in log._prepare_handover_line_vals()
                    ],
                }
            )
        return True

    def action_accept(self):
        """The next shift's supervisor takes over."""
        if not self.env.user.has_group("property_frontdesk.group_property_supervisor"):
            raise AccessError(
                self.env._("Only a front desk supervisor accepts a hand-over.")
            )
        if wrong := self.filtered(lambda log: log.state != "handed_over"):
            raise UserError(
                self.env._(
                    "Only handed-over shifts can be accepted: %(logs)s",
                    logs=", ".join(wrong.mapped("display_name")),
                )
            )
        if own := self.filtered(lambda log: log.supervisor_id == self.env.user):
            raise UserError(
                self.env._(
                    "The next shift's supervisor accepts the hand-over, not the one "
                    "who handed over: %(logs)s",
                    logs=", ".join(own.mapped("display_name")),
                )
            )
        self.write(
            {
                "state": "accepted",
                "accepted_by_id": self.env.uid,
                "accepted_date": fields.Datetime.now(),
            }
        )
        return True

    def action_review(self):
        """The manager's daily review of the shift logs."""
        if not self.env.user.has_group("property_frontdesk.group_property_manager"):
            raise AccessError(
                self.env._("Only the service centre manager reviews the shift logs.")
            )
        if wrong := self.filtered(lambda log: log.state == "on_duty"):
            raise UserError(
                self.env._(
                    "A shift still on duty cannot be reviewed: %(logs)s",
                    logs=", ".join(wrong.mapped("display_name")),
                )
            )
        if done := self.filtered("reviewed_by_id"):
            raise UserError(
                self.env._(
                    "Already reviewed: %(logs)s",
                    logs=", ".join(done.mapped("display_name")),
                )
            )
        self.write(
            {"reviewed_by_id": self.env.uid, "review_date": fields.Datetime.now()}
        )
        return True

    # === BUSINESS METHODS === #
    def _prepare_handover_line_vals(self):
        self.ensure_one()
        Ticket = self.env["property.ticket"]
        domain = [
            ("company_id", "=", self.company_id.id),
            ("state", "in", Ticket.OPEN_STATES),
        ]
        if self.estate_id:
            domain.append(("estate_id", "=", self.estate_id.id))
        tickets = Ticket.search(domain, order="received_date, id")
        return [
            {
                "ticket_id": ticket.id,
                "state_at_handover": ticket.state,
                "user_id": ticket.user_id.id,
                "deadline": (
                    ticket.callback_deadline
                    if ticket.state == "resolved"
                    else ticket.resolve_deadline
                ),
                "is_overdue": ticket.is_overdue,
            }
            for ticket in tickets
        ]
