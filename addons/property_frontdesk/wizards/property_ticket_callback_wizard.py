from odoo import fields, models

from ..models.property_ticket_callback import SATISFACTION


class PropertyTicketCallbackWizard(models.TransientModel):
    _name = "property.ticket.callback.wizard"
    _description = "Record a Callback"

    ticket_id = fields.Many2one("property.ticket", required=True)
    partner_id = fields.Many2one(related="ticket_id.partner_id")
    contact_phone = fields.Char(related="ticket_id.contact_phone")
    resolution = fields.Text(related="ticket_id.resolution")
    method = fields.Selection(
        [("phone", "Phone"), ("on_site", "On Site")], required=True, default="phone"
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    result_rating = fields.Selection(
        SATISFACTION, string="Satisfaction with the Result", required=True
    )
    attitude_rating = fields.Selection(
        SATISFACTION, string="Satisfaction with the Staff's Attitude", required=True
    )
    comment = fields.Text(string="Owner's Words")
    complaint_about_staff = fields.Boolean(
        help="The requester complains about the staff: a complaint ticket is opened."
    )

    def action_record(self):
        self.ensure_one()
        self.ticket_id._record_callback(
            {
                "method": self.method,
                "date": self.date,
                "result_rating": self.result_rating,
                "attitude_rating": self.attitude_rating,
                "comment": self.comment,
                "complaint_about_staff": self.complaint_about_staff,
            }
        )
        return {"type": "ir.actions.act_window_close"}
