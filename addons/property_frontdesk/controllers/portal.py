from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

PAGE_SIZE = 20


class PropertyTicketPortal(CustomerPortal):
    """Owners and tenants follow their requests and submit new ones (channel
    portal); the desk accepts and dispatches them. Internal notes never show."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_ticket_count" in counters:
            Ticket = request.env["property.ticket"]
            values["property_ticket_count"] = (
                Ticket.search_count([]) if Ticket.has_access("read") else 0
            )
        return values

    def _get_property_ticket_sortings(self):
        env = request.env
        return {
            "date": {"label": env._("Newest"), "order": "received_date desc, id desc"},
            "state": {"label": env._("Status"), "order": "state, received_date desc"},
        }

    @http.route(
        ["/my/requests", "/my/requests/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_property_tickets(self, page=1, sortby="date", **kw):
        values = self._prepare_portal_layout_values()
        Ticket = request.env["property.ticket"]
        sortings = self._get_property_ticket_sortings()
        sortby = sortby if sortby in sortings else "date"
        total = Ticket.search_count([])
        pager = portal_pager(
            url="/my/requests",
            url_args={"sortby": sortby},
            total=total,
            page=page,
            step=PAGE_SIZE,
        )
        tickets = Ticket.search(
            [],
            order=sortings[sortby]["order"],
            limit=PAGE_SIZE,
            offset=pager["offset"],
        )
        request.session["my_property_tickets_history"] = tickets.ids[:100]
        values.update(
            {
                "tickets": tickets,
                "page_name": "property_ticket",
                "pager": pager,
                "default_url": "/my/requests",
                "searchbar_sortings": sortings,
                "sortby": sortby,
            }
        )
        return request.render("property_frontdesk.portal_my_property_tickets", values)

    @http.route(
        ["/my/requests/<int:ticket_id>"], type="http", auth="public", website=True
    )
    def portal_my_property_ticket(self, ticket_id, access_token=None, **kw):
        try:
            ticket_sudo = self._document_check_access(
                "property.ticket", ticket_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._get_page_view_values(
            ticket_sudo,
            access_token,
            {"ticket": ticket_sudo, "page_name": "property_ticket"},
            "my_property_tickets_history",
            False,
            **kw,
        )
        return request.render("property_frontdesk.portal_my_property_ticket", values)

    @http.route(
        ["/my/requests/new"],
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_new_property_ticket(self, **post):
        env = request.env
        units = env["property.unit"].search([])  # the portal rule keeps the user's
        types = env["property.ticket.type"].search([("portal_published", "=", True)])
        errors = []
        if request.httprequest.method == "POST":
            unit = units.filtered(lambda u: str(u.id) == post.get("unit_id"))
            ticket_type = types.filtered(lambda t: str(t.id) == post.get("type_id"))
            subject = (post.get("subject") or "").strip()
            if not unit:
                errors.append(env._("Choose the unit concerned."))
            if not ticket_type:
                errors.append(env._("Choose the kind of request."))
            if not subject:
                errors.append(env._("Say in a few words what the request is about."))
            if not errors:
                ticket = self._create_portal_ticket(unit, ticket_type, subject, post)
                return request.redirect(ticket.get_portal_url())
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "units": units,
                "ticket_types": types,
                "errors": errors,
                "post": post,
                "page_name": "property_ticket_new",
            }
        )
        return request.render("property_frontdesk.portal_new_property_ticket", values)

    def _create_portal_ticket(self, unit, ticket_type, subject, post):
        """The request is registered by the system (the requester has no right to
        create tickets); the desk accepts it and becomes its first contact."""
        partner = request.env.user.partner_id
        return (
            request.env["property.ticket"]
            .sudo()
            .create(
                {
                    "subject": subject[:200],
                    "description": (post.get("description") or "").strip() or False,
                    "type_id": ticket_type.id,
                    "channel": "portal",
                    "unit_id": unit.id,
                    "partner_id": partner.id,
                    "contact_phone": (post.get("contact_phone") or "").strip()
                    or partner.mobile
                    or partner.phone,
                }
            )
        )
