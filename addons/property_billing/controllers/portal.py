from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

PAGE_SIZE = 20


class PropertyReceiptPortal(CustomerPortal):
    """Owners and tenants find the receipts issued to them and download them."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_receipt_count" in counters:
            Receipt = request.env["property.receipt"]
            values["property_receipt_count"] = (
                Receipt.search_count([]) if Receipt.has_access("read") else 0
            )
        return values

    @http.route(
        ["/my/receipts", "/my/receipts/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_property_receipts(self, page=1, **kw):
        values = self._prepare_portal_layout_values()
        Receipt = request.env["property.receipt"]
        total = Receipt.search_count([])
        pager = portal_pager(url="/my/receipts", total=total, page=page, step=PAGE_SIZE)
        receipts = Receipt.search(
            [], order="date desc, id desc", limit=PAGE_SIZE, offset=pager["offset"]
        )
        values.update(
            {
                "receipts": receipts,
                "page_name": "property_receipt",
                "pager": pager,
                "default_url": "/my/receipts",
            }
        )
        return request.render("property_billing.portal_my_property_receipts", values)

    @http.route(
        ["/my/receipts/<int:receipt_id>/pdf"], type="http", auth="user", website=True
    )
    def portal_my_property_receipt_pdf(self, receipt_id, **kw):
        try:
            receipt_sudo = self._document_check_access("property.receipt", receipt_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        return self._show_report(
            model=receipt_sudo,
            report_type="pdf",
            report_ref="property_billing.action_report_property_receipt",
            download=True,
        )
