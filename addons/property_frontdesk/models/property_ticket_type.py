from odoo import api, fields, models
from odoo.exceptions import ValidationError

TICKET_KINDS = [
    ("complaint", "Complaint"),
    ("repair_home", "In-home Repair"),
    ("repair_public", "Public-area Repair"),
    ("inquiry", "Inquiry"),
    ("suggestion", "Suggestion"),
    ("challenge", "Query / Challenge"),
    ("help", "Request for Help"),
    ("application", "Application"),
]


class PropertyTicketType(models.Model):
    _name = "property.ticket.type"
    _description = "Ticket Type"
    _order = "sequence, id"
    _check_company_auto = True

    # === FIELDS === #
    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(
        TICKET_KINDS,
        required=True,
        default="inquiry",
        help="What the request is about; complaints follow the complaint procedure "
        "(supervisor informed, complaint record after one working day).",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        ondelete="cascade",
        default=lambda self: self.env.company,
        help="Leave empty to share the type between companies.",
    )
    answer_minutes = fields.Integer(
        string="Answer Within (working minutes)",
        default=15,
        help="The requester must be answered (dispatch confirmed or reply given) "
        "within this many working minutes of the estate's calendar.",
    )
    resolve_hours = fields.Float(
        string="Resolve Within (working hours)",
        default=24.0,
        help="Working hours of the estate's calendar to resolve the request.",
    )
    callback_hours = fields.Float(
        string="Call Back Within (working hours)",
        default=24.0,
        help="Working hours after the resolution within which the desk calls the "
        "requester back.",
    )
    callback_required = fields.Boolean(
        default=True,
        help="The ticket cannot be closed before a callback is recorded.",
    )
    default_team_id = fields.Many2one(
        "property.team",
        ondelete="set null",
        check_company=True,
        help="Team proposed when dispatching; emergencies are dispatched to it at "
        "once when no team is given.",
    )
    portal_published = fields.Boolean(
        string="Available in the Portal",
        default=True,
        help="Owners and tenants can submit requests of this type from the portal.",
    )
    description = fields.Text(translate=True)
    ticket_count = fields.Integer(compute="_compute_ticket_count")

    _sql_constraints = [
        (
            "deadlines_positive",
            "CHECK(answer_minutes >= 0 AND resolve_hours >= 0 AND callback_hours >= 0)",
            "Deadlines of a ticket type cannot be negative.",
        ),
    ]

    # === COMPUTE METHODS === #
    def _compute_ticket_count(self):
        counts = dict(
            self.env["property.ticket"]._read_group(
                [("type_id", "in", self.ids)], ["type_id"], ["__count"]
            )
        )
        for ticket_type in self:
            ticket_type.ticket_count = counts.get(ticket_type, 0)

    # === CONSTRAINT METHODS === #
    @api.constrains("resolve_hours", "answer_minutes")
    def _check_answer_before_resolve(self):
        for ticket_type in self:
            if ticket_type.answer_minutes > ticket_type.resolve_hours * 60:
                raise ValidationError(
                    self.env._(
                        "Ticket type %(type)s: the requester must be answered before "
                        "the request is due to be resolved.",
                        type=ticket_type.name,
                    )
                )

    # === BUSINESS METHODS === #
    @api.model
    def _get_default_for_kind(self, kind, company=None):
        """First active type of the given kind for the company (or shared)."""
        company = company or self.env.company
        return self.search(
            [
                ("kind", "=", kind),
                ("company_id", "in", [False, company.id]),
            ],
            limit=1,
        )

    def action_view_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_frontdesk.property_ticket_action"
        )
        action["domain"] = [("type_id", "=", self.id)]
        action["context"] = {"default_type_id": self.id}
        return action
