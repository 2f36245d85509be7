from odoo import fields, http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

PAGE_SIZE = 20


class PropertyWorkOrderPortal(CustomerPortal):
    """Owners request special (paid) services and follow their work orders."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_work_order_count" in counters:
            Order = request.env["property.work.order"]
            values["property_work_order_count"] = (
                Order.search_count([]) if Order.has_access("read") else 0
            )
        return values

    @http.route(
        ["/my/special-services", "/my/special-services/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_work_orders(self, page=1, **kw):
        values = self._prepare_portal_layout_values()
        Order = request.env["property.work.order"]
        total = Order.search_count([])
        pager = portal_pager(
            url="/my/special-services", total=total, page=page, step=PAGE_SIZE
        )
        orders = Order.search([], limit=PAGE_SIZE, offset=pager["offset"])
        request.session["my_work_orders_history"] = orders.ids[:100]
        values.update(
            {
                "orders": orders,
                "page_name": "property_work_order",
                "pager": pager,
                "default_url": "/my/special-services",
            }
        )
        return request.render("property_concierge.portal_my_work_orders", values)

    @http.route(
        ["/my/special-services/<int:order_id>"],
        type="http",
        auth="public",
        website=True,
    )
    def portal_my_work_order(self, order_id, access_token=None, **kw):
        try:
            order_sudo = self._document_check_access(
                "property.work.order", order_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._get_page_view_values(
            order_sudo,
            access_token,
            {"order": order_sudo, "page_name": "property_work_order"},
            "my_work_orders_history",
            False,
            **kw,
        )
        return request.render("property_concierge.portal_my_work_order", values)

    @http.route(
        ["/my/special-services/new"],
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_new_work_order(self, **post):
        env = request.env
        units = env["property.unit"].search([])  # the portal rule keeps the user's
        items = env["property.service.item"].search([("portal_published", "=", True)])
        errors = []
        if request.httprequest.method == "POST":
            unit = units.filtered(lambda u: str(u.id) == post.get("unit_id"))
            item = items.filtered(lambda i: str(i.id) == post.get("service_item_id"))
            description = (post.get("description") or "").strip()
            if not unit:
                errors.append(env._("Choose the unit concerned."))
            if not item:
                errors.append(env._("Choose the service."))
            if not description:
                errors.append(env._("Describe what you need in a few words."))
            if not post.get("owner_agreed"):
                errors.append(
                    env._("Special services are paid: agree to the price list first.")
                )
            if not errors:
                order = self._create_portal_work_order(unit, item, description, post)
                return request.redirect(order.get_portal_url())
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "units": units,
                "service_items": items,
                "errors": errors,
                "post": post,
                "page_name": "property_work_order_new",
            }
        )
        return request.render("property_concierge.portal_new_work_order", values)

    def _create_portal_work_order(self, unit, item, description, post):
        """Registered by the system (owners cannot create work orders); the desk
        answers within 15 minutes and dispatches it."""
        partner = request.env.user.partner_id
        preferred = post.get("preferred_date")
        try:
            preferred = preferred and fields.Datetime.to_datetime(
                preferred.replace("T", " ")
            )
        except ValueError:
            preferred = False
        return (
            request.env["property.work.order"]
            .sudo()
            .create(
                {
                    "unit_id": unit.id,
                    "partner_id": partner.id,
                    "service_item_id": item.id,
                    "description": description[:2000],
                    "channel": "portal",
                    "owner_agreed": True,
                    "preferred_date": preferred or False,
                    "contact_phone": (post.get("contact_phone") or "").strip()
                    or partner.mobile
                    or partner.phone,
                    "registered_by_id": False,
                }
            )
        )
