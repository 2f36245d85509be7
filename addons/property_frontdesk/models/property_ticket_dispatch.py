from odoo import fields, models


class PropertyTicketDispatch(models.Model):
    _name = "property.ticket.dispatch"
    _description = "Ticket Dispatch"
    _order = "date desc, id desc"
    _check_company_auto = True

    ticket_id = fields.Many2one(
        "property.ticket",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="ticket_id.company_id", store=True, index=True, precompute=True
    )
    estate_id = fields.Many2one(related="ticket_id.estate_id", store=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    team_id = fields.Many2one(
        "property.team",
        required=True,
        ondelete="restrict",
        readonly=True,
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Assignee", ondelete="restrict", readonly=True
    )
    previous_user_id = fields.Many2one(
        "res.users", string="Previous Assignee", ondelete="set null", readonly=True
    )
    dispatched_by_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        ondelete="set null",
        readonly=True,
    )
    note = fields.Text(string="Reason / Instructions", readonly=True)
