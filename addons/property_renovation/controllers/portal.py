from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

PAGE_SIZE = 20


class PropertyRenovationPortal(CustomerPortal):
    """Owners follow their renovation filings: state, period, papers still owed."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_renovation_count" in counters:
            Filing = request.env["property.renovation.filing"]
            values["property_renovation_count"] = (
                Filing.search_count([]) if Filing.has_access("read") else 0
            )
        return values

    @http.route(
        ["/my/renovations", "/my/renovations/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_renovations(self, page=1, **kw):
        values = self._prepare_portal_layout_values()
        Filing = request.env["property.renovation.filing"]
        total = Filing.search_count([])
        pager = portal_pager(
            url="/my/renovations", total=total, page=page, step=PAGE_SIZE
        )
        filings = Filing.search(
            [],
            order="date_filed desc, id desc",
            limit=PAGE_SIZE,
            offset=pager["offset"],
        )
        request.session["my_renovations_history"] = filings.ids[:100]
        values.update(
            {
                "filings": filings,
                "page_name": "property_renovation",
                "pager": pager,
                "default_url": "/my/renovations",
            }
        )
        return request.render("property_renovation.portal_my_renovations", values)

    @http.route(
        ["/my/renovations/<int:filing_id>"], type="http", auth="public", website=True
    )
    def portal_my_renovation(self, filing_id, access_token=None, **kw):
        try:
            filing_sudo = self._document_check_access(
                "property.renovation.filing", filing_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._get_page_view_values(
            filing_sudo,
            access_token,
            {"filing": filing_sudo, "page_name": "property_renovation"},
            "my_renovations_history",
            False,
            **kw,
        )
        return request.render("property_renovation.portal_my_renovation", values)
