from odoo import api, fields, models
from odoo.exceptions import ValidationError

TEAM_KINDS = [
    ("engineering", "Engineering / Repairs"),
    ("security", "Security / Order"),
    ("cleaning", "Cleaning"),
    ("greening", "Greening"),
    ("customer_service", "Customer Service"),
    ("housekeeping", "Housekeeping"),
    ("other", "Other"),
]


class PropertyTeam(models.Model):
    _name = "property.team"
    _description = "Service Team"
    _inherit = ["mail.thread"]
    _order = "sequence, name, id"
    _check_company_auto = True

    # === FIELDS === #
    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(TEAM_KINDS, required=True, default="engineering")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        ondelete="cascade",
        default=lambda self: self.env.company,
    )
    estate_ids = fields.Many2many(
        "property.estate",
        string="Estates",
        check_company=True,
        help="Estates the team serves; empty means every estate of the company.",
    )
    leader_id = fields.Many2one(
        "res.users",
        string="Team Leader",
        required=True,
        ondelete="restrict",
        tracking=True,
        domain="[('share', '=', False)]",
        help="Receives the tickets dispatched to the team without an assignee and is "
        "notified at once of emergencies.",
    )
    member_ids = fields.Many2many(
        "res.users",
        "property_team_user_rel",
        "team_id",
        "user_id",
        string="Members",
        domain="[('share', '=', False)]",
    )
    phone = fields.Char(help="Duty phone of the team.")
    open_ticket_count = fields.Integer(compute="_compute_ticket_counts")
    overdue_ticket_count = fields.Integer(compute="_compute_ticket_counts")

    _sql_constraints = [
        (
            "name_company_uniq",
            "UNIQUE(name, company_id)",
            "A team with this name already exists.",
        ),
    ]

    # === COMPUTE METHODS === #
    def _compute_ticket_counts(self):
        Ticket = self.env["property.ticket"]
        domain = [("team_id", "in", self.ids), ("state", "in", Ticket.OPEN_STATES)]
        groups = Ticket._read_group(domain, ["team_id", "is_overdue"], ["__count"])
        counts = {}
        for team, overdue, count in groups:
            total, late = counts.get(team, (0, 0))
            counts[team] = (total + count, late + (count if overdue else 0))
        for team in self:
            team.open_ticket_count, team.overdue_ticket_count = counts.get(team, (0, 0))

    # === CONSTRAINT METHODS === #
    @api.constrains("leader_id", "member_ids")
    def _check_users_internal(self):
        for team in self:
            if (team.leader_id | team.member_ids).filtered("share"):
                raise ValidationError(
                    self.env._(
                        "Team %(team)s: portal users cannot be team members.",
                        team=team.name,
                    )
                )

    # === BUSINESS METHODS === #
    def _get_staff(self):
        """Leader and members of the teams."""
        return self.leader_id | self.member_ids

    def action_view_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_frontdesk.property_ticket_action"
        )
        action["domain"] = [("team_id", "=", self.id)]
        action["context"] = {
            "default_team_id": self.id,
            "search_default_filter_open": 1,
        }
        return action
