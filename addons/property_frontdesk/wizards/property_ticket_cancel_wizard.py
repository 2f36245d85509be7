from odoo import fields, models


class PropertyTicketCancelWizard(models.TransientModel):
    _name = "property.ticket.cancel.wizard"
    _description = "Cancel Tickets"

    ticket_ids = fields.Many2many(
        "property.ticket",
        string="Tickets",
        default=lambda self: self.env["property.ticket"].browse(
            self.env.context.get("active_ids", [])
            if self.env.context.get("active_model") == "property.ticket"
            else []
        ),
    )
    reason = fields.Text(required=True)

    def action_cancel(self):
        self.ensure_one()
        self.ticket_ids._cancel(self.reason)
        return {"type": "ir.actions.act_window_close"}
