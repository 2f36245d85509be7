from odoo import api, fields, models


class PropertyTicketDispatchWizard(models.TransientModel):
    _name = "property.ticket.dispatch.wizard"
    _description = "Dispatch Tickets"

    ticket_ids = fields.Many2many(
        "property.ticket",
        string="Tickets",
        default=lambda self: self._default_ticket_ids(),
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self._default_ticket_ids().company_id[:1]
    )
    is_redispatch = fields.Boolean(compute="_compute_is_redispatch")
    team_id = fields.Many2one(
        "property.team",
        required=True,
        default=lambda self: self._default_team(),
        domain="[('company_id', '=', company_id)]",
    )
    team_staff_ids = fields.Many2many("res.users", compute="_compute_team_staff_ids")
    user_id = fields.Many2one(
        "res.users",
        string="Assignee",
        domain="[('id', 'in', team_staff_ids)]",
        help="Leave empty to give the tickets to the team leader.",
    )
    note = fields.Text(
        string="Reason / Instructions",
        help="Required when dispatching again: why the ticket changes hands.",
    )

    def _default_ticket_ids(self):
        if self.env.context.get("active_model") == "property.ticket":
            return self.env["property.ticket"].browse(
                self.env.context.get("active_ids", [])
            )
        return self.env["property.ticket"]

    def _default_team(self):
        tickets = self._default_ticket_ids()
        return tickets.team_id[:1] or tickets.type_id.default_team_id[:1]

    @api.depends("ticket_ids.state")
    def _compute_is_redispatch(self):
        for wizard in self:
            wizard.is_redispatch = any(t.state != "new" for t in wizard.ticket_ids)

    @api.depends("team_id")
    def _compute_team_staff_ids(self):
        for wizard in self:
            wizard.team_staff_ids = wizard.team_id._get_staff()

    @api.onchange("team_id")
    def _onchange_team_id(self):
        if self.user_id and self.user_id not in self.team_staff_ids:
            self.user_id = False

    def action_dispatch(self):
        self.ensure_one()
        self.ticket_ids._dispatch(self.team_id, self.user_id, self.note)
        return {"type": "ir.actions.act_window_close"}
