from odoo import models


class PropertyReceipt(models.Model):
    _inherit = "property.receipt"

    def action_issue(self):
        res = super().action_issue()
        self.line_ids.renovation_filing_id._update_after_receipts()
        return res

    def action_void(self, reason=False):
        res = super().action_void(reason=reason)
        self.line_ids.renovation_filing_id._update_after_receipts()
        return res
