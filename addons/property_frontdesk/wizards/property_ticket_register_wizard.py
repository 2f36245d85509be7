from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyTicketRegisterWizard(models.TransientModel):
    _name = "property.ticket.register.wizard"
    _description = "Print the Front Desk Register"

    date_from = fields.Date(
        required=True,
        default=lambda self: self.env["property.unit"]._property_today(),
    )
    date_to = fields.Date(
        required=True,
        default=lambda self: self.env["property.unit"]._property_today(),
    )
    estate_id = fields.Many2one(
        "property.estate", help="Leave empty for every estate of the company."
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise ValidationError(self.env._("The register ends before it starts."))

    def _get_tickets(self):
        """Tickets received in the period, in the order of the register."""
        self.ensure_one()
        Ticket = self.env["property.ticket"]
        start = Ticket._get_today_bounds(self.date_from)[0]
        end = Ticket._get_today_bounds(self.date_to)[1]
        domain = [
            ("company_id", "=", self.company_id.id),
            ("received_date", ">=", start),
            ("received_date", "<", end),
        ]
        if self.estate_id:
            domain.append(("estate_id", "=", self.estate_id.id))
        return Ticket.search(domain, order="received_date, id")

    def action_print(self):
        self.ensure_one()
        return self.env.ref(
            "property_frontdesk.action_report_property_ticket_register"
        ).report_action(self)

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._(
            "Front Desk Register %(start)s - %(end)s",
            start=self.date_from,
            end=self.date_to,
        )
