from odoo import fields, models

from .property_ticket import TICKET_STATES


class PropertyShiftLogLine(models.Model):
    _name = "property.shift.log.line"
    _description = "Shift Hand-over Item"
    _order = "log_id, deadline, id"
    _check_company_auto = True

    log_id = fields.Many2one(
        "property.shift.log",
        string="Shift Log",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="log_id.company_id", store=True, index=True, precompute=True
    )
    ticket_id = fields.Many2one(
        "property.ticket",
        required=True,
        ondelete="cascade",
        check_company=True,
    )
    subject = fields.Char(related="ticket_id.subject")
    unit_id = fields.Many2one(related="ticket_id.unit_id")
    ticket_state = fields.Selection(related="ticket_id.state", string="Current Status")
    state_at_handover = fields.Selection(
        TICKET_STATES,
        string="Status at Hand-over",
        readonly=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Assignee", ondelete="set null", readonly=True
    )
    deadline = fields.Datetime(
        readonly=True, help="Next deadline of the ticket at the hand-over."
    )
    is_overdue = fields.Boolean(string="Overdue", readonly=True)
    note = fields.Char(string="Follow-up")
