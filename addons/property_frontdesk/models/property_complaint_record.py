from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyComplaintRecord(models.Model):
    _name = "property.complaint.record"
    _description = "Complaint Record"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_closed desc nulls first, id desc"
    _rec_name = "ticket_id"
    _check_company_auto = True

    # === FIELDS === #
    ticket_id = fields.Many2one(
        "property.ticket",
        string="Complaint",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('type_kind', '=', 'complaint')]",
    )
    company_id = fields.Many2one(
        related="ticket_id.company_id", store=True, index=True, precompute=True
    )
    estate_id = fields.Many2one(
        related="ticket_id.estate_id", store=True, index=True, precompute=True
    )
    unit_id = fields.Many2one(related="ticket_id.unit_id")
    partner_id = fields.Many2one(related="ticket_id.partner_id", string="Complainant")
    received_date = fields.Datetime(related="ticket_id.received_date")
    ticket_state = fields.Selection(related="ticket_id.state", string="Ticket Status")
    complained_user_id = fields.Many2one(related="ticket_id.complained_user_id")
    subject = fields.Char(related="ticket_id.subject")
    cause = fields.Text(tracking=True, help="Why the complaint arose.")
    measures = fields.Text(string="Corrective Measures", tracking=True)
    responsible_id = fields.Many2one(
        "res.users",
        string="Person Responsible",
        ondelete="restrict",
        tracking=True,
        domain="[('share', '=', False)]",
    )
    feedback = fields.Text(
        string="Feedback to the Owner",
        tracking=True,
        help="What the owner was told about the handling, and when.",
    )
    feedback_date = fields.Date(tracking=True)
    date_closed = fields.Date(
        string="Closed On", readonly=True, tracking=True, copy=False
    )
    is_complete = fields.Boolean(
        compute="_compute_is_complete",
        store=True,
        help="Cause, corrective measures, person responsible and feedback are "
        "filled in.",
    )

    _sql_constraints = [
        (
            "ticket_uniq",
            "UNIQUE(ticket_id)",
            "A complaint has only one complaint record.",
        ),
    ]

    # === COMPUTE METHODS === #
    @api.depends("cause", "measures", "responsible_id", "feedback")
    def _compute_is_complete(self):
        for record in self:
            record.is_complete = bool(
                (record.cause or "").strip()
                and (record.measures or "").strip()
                and record.responsible_id
                and (record.feedback or "").strip()
            )

    # === CRUD METHODS === #
    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not_complaints := records.ticket_id.filtered(
            lambda t: t.type_kind != "complaint"
        ):
            raise UserError(
                self.env._(
                    "Complaint records are kept for complaints only: %(names)s",
                    names=", ".join(not_complaints.mapped("name")),
                )
            )
        return records

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed(self):
        if closed := self.filtered("date_closed"):
            raise UserError(
                self.env._(
                    "The records of closed complaints are archived, not deleted: "
                    "%(names)s",
                    names=", ".join(closed.ticket_id.mapped("name")),
                )
            )

    # === BUSINESS METHODS === #
    @api.model
    def _create_for_late_complaints(self, now):
        """Open a record for every complaint still open one working day after it
        was received, and ask the supervisor to see it filled in."""
        tickets = self.env["property.ticket"].search(
            [
                ("type_kind", "=", "complaint"),
                ("state", "in", self.env["property.ticket"].OPEN_STATES),
                ("complaint_record_deadline", "<", now),
                ("complaint_record_ids", "=", False),
            ]
        )
        if not tickets:
            return self.browse()
        records = self.create([{"ticket_id": ticket.id} for ticket in tickets])
        activity_type = self.env.ref(
            "property_frontdesk.mail_activity_complaint_record"
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        vals_list = []
        for record in records:
            supervisor = record.ticket_id._get_supervisor()
            if supervisor:
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": record.id,
                        "activity_type_id": activity_type.id,
                        "user_id": supervisor.id,
                        "date_deadline": today,
                        "automated": True,
                    }
                )
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(
            vals_list
        )
        return records

    def action_view_ticket(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.ticket",
            "res_id": self.ticket_id.id,
            "view_mode": "form",
        }
