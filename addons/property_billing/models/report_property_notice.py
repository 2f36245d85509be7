from odoo import api, models


class ReportPropertyNotice(models.AbstractModel):
    _name = "report.property_billing.report_property_notice"
    _description = "Payment Notice Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["account.move"].browse(docids)
        docs._property_mark_printed()
        return {"doc_ids": docids, "doc_model": "account.move", "docs": docs}
