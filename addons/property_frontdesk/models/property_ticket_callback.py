from odoo import api, fields, models

SATISFACTION = [
    ("satisfied", "Satisfied"),
    ("basic", "Basically Satisfied"),
    ("unsatisfied", "Unsatisfied"),
]


class PropertyTicketCallback(models.Model):
    _name = "property.ticket.callback"
    _description = "Ticket Callback"
    _order = "date desc, id desc"
    _check_company_auto = True

    # === FIELDS === #
    ticket_id = fields.Many2one(
        "property.ticket",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="ticket_id.company_id", store=True, index=True, precompute=True
    )
    estate_id = fields.Many2one(
        related="ticket_id.estate_id", store=True, index=True, precompute=True
    )
    type_id = fields.Many2one(
        related="ticket_id.type_id", store=True, precompute=True, string="Ticket Type"
    )
    team_id = fields.Many2one(
        "property.team",
        compute="_compute_staff",
        store=True,
        precompute=True,
        ondelete="set null",
    )
    staff_user_id = fields.Many2one(
        "res.users",
        compute="_compute_staff",
        store=True,
        precompute=True,
        ondelete="set null",
        string="Staff",
        help="Assignee of the ticket at the time of the callback.",
    )
    method = fields.Selection(
        [("phone", "Phone"), ("on_site", "On Site")],
        required=True,
        default="phone",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Called Back By",
        required=True,
        default=lambda self: self.env.user,
        ondelete="restrict",
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    result_rating = fields.Selection(
        SATISFACTION,
        string="Satisfaction with the Result",
        required=True,
    )
    attitude_rating = fields.Selection(
        SATISFACTION,
        string="Satisfaction with the Staff's Attitude",
        required=True,
    )
    comment = fields.Text(string="Owner's Words")
    complaint_about_staff = fields.Boolean(
        help="The requester complains about the staff: a complaint ticket is opened."
    )
    complaint_ticket_id = fields.Many2one(
        "property.ticket",
        string="Complaint",
        ondelete="set null",
        readonly=True,
    )
    result_satisfaction_rate = fields.Float(
        string="Result Satisfaction (%)",
        compute="_compute_rates",
        store=True,
        aggregator="avg",
        digits=(5, 1),
        help="Satisfied or basically satisfied count as 100; the average is the "
        "satisfaction rate.",
    )
    attitude_satisfaction_rate = fields.Float(
        string="Attitude Satisfaction (%)",
        compute="_compute_rates",
        store=True,
        aggregator="avg",
        digits=(5, 1),
    )

    # === COMPUTE METHODS === #
    @api.depends("ticket_id")
    def _compute_staff(self):
        for callback in self:
            callback.team_id = callback.ticket_id.team_id
            callback.staff_user_id = callback.ticket_id.user_id

    @api.depends("result_rating", "attitude_rating")
    def _compute_rates(self):
        for callback in self:
            callback.result_satisfaction_rate = (
                0.0 if callback.result_rating == "unsatisfied" else 100.0
            )
            callback.attitude_satisfaction_rate = (
                0.0 if callback.attitude_rating == "unsatisfied" else 100.0
            )

    @api.depends("ticket_id.name", "date")
    def _compute_display_name(self):
        for callback in self:
            callback.display_name = (
                f"{callback.ticket_id.name} {fields.Date.to_string(callback.date)}"
                if callback.date
                else callback.ticket_id.name
            )
