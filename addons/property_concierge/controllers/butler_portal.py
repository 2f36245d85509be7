from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

BUTLER_MODELS = (
    "property.butler.storage",
    "property.butler.transfer",
    "property.butler.loan",
    "property.butler.booking",
)


class PropertyButlerPortal(CustomerPortal):
    """Owners see what the desk holds or lends for them and their bookings."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_butler_count" in counters:
            values["property_butler_count"] = sum(
                request.env[model].search_count(self._butler_open_domain(model))
                for model in BUTLER_MODELS
                if request.env[model].has_access("read")
            )
        return values

    def _butler_open_domain(self, model):
        return {
            "property.butler.storage": [("state", "=", "held")],
            "property.butler.transfer": [("state", "=", "held")],
            "property.butler.loan": [("state", "=", "out")],
            "property.butler.booking": [
                ("state", "in", ("draft", "confirmed", "ordered"))
            ],
        }[model]

    @http.route(["/my/butler"], type="http", auth="user", website=True)
    def portal_my_butler(self, **kw):
        values = self._prepare_portal_layout_values()
        env = request.env
        values.update(
            {
                "page_name": "property_butler",
                "storages": env["property.butler.storage"].search([], limit=50),
                "transfers": env["property.butler.transfer"].search(
                    [("state", "!=", "draft")], limit=50
                ),
                "loans": env["property.butler.loan"].search(
                    [("state", "in", ("out", "returned"))], limit=50
                ),
                "bookings": env["property.butler.booking"].search([], limit=50),
            }
        )
        return request.render("property_concierge.portal_my_butler", values)
