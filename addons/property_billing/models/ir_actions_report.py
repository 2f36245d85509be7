from odoo import models

RECEIPT_REPORT = "property_billing.report_property_receipt"


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        report = self._get_report(report_ref)
        if report.report_name == RECEIPT_REPORT and res_ids:
            # count the print before rendering: every print after the first is
            # a copy
            self.env["property.receipt"].browse(res_ids)._register_print()
        return super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)
