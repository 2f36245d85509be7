from odoo import fields, models
from odoo.exceptions import UserError


class PropertyHandoverDefect(models.Model):
    _name = "property.handover.defect"
    _description = "Defect Found at Handover"
    _order = "handover_id, id"
    _check_company_auto = True

    handover_id = fields.Many2one(
        "property.handover", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="handover_id.company_id", store=True, index=True, precompute=True
    )
    description = fields.Char(required=True)
    location = fields.Char(help="Room or place, e.g. master bathroom.")
    area = fields.Selection(
        [("in_home", "In the Unit"), ("public", "Public Area")],
        required=True,
        default="in_home",
    )
    ticket_id = fields.Many2one(
        "property.ticket",
        string="Repair Ticket",
        readonly=True,
        copy=False,
        ondelete="set null",
        check_company=True,
    )
    ticket_state = fields.Selection(related="ticket_id.state", string="Repair Status")

    # === BUSINESS METHODS === #
    def _create_repair_tickets(self):
        """One repair ticket per defect, dispatched to the team of its type
        (engineering), then followed up to its closure on the handover."""
        todo = self.filtered(lambda d: not d.ticket_id)
        if not todo:
            return self.env["property.ticket"]
        TicketType = self.env["property.ticket.type"]
        types = {}
        for area, kind in (("in_home", "repair_home"), ("public", "repair_public")):
            if todo.filtered(lambda d, a=area: d.area == a):
                types[area] = TicketType._get_default_for_kind(
                    kind, todo.company_id[:1]
                )
                if not types[area]:
                    raise UserError(
                        self.env._(
                            "Configure a ticket type for %(kind)s to turn defects "
                            "into repair tickets.",
                            kind=dict(
                                TicketType._fields["kind"]._description_selection(
                                    self.env
                                )
                            )[kind],
                        )
                    )
        tickets = self.env["property.ticket"].create(
            [
                {
                    "subject": defect.description,
                    "description": self.env._(
                        "Defect found at handover %(handover)s.",
                        handover=defect.handover_id.name,
                    ),
                    "type_id": types[defect.area].id,
                    "channel": "visit",
                    "estate_id": defect.handover_id.estate_id.id,
                    "unit_id": defect.handover_id.unit_id.id,
                    "location": defect.location,
                    "partner_id": defect.handover_id.partner_id.id,
                }
                for defect in todo
            ]
        )
        for defect, ticket in zip(todo, tickets, strict=True):
            defect.ticket_id = ticket
        for ticket in tickets.filtered(lambda t: t.state == "new"):
            if team := ticket.type_id.default_team_id:
                ticket._dispatch(team)
        return tickets
