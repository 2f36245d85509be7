from odoo import models


class PropertyReceipt(models.Model):
    _inherit = "property.receipt"

    def action_issue(self):
        """Issuing the receipt pays its special-service work orders."""
        res = super().action_issue()
        for receipt in self:
            orders = receipt.line_ids.work_order_id
            orders.sudo()._set_paid(receipt.name)
        return res

    def action_void(self, reason=False):
        """Voiding the receipt puts its work orders back to be paid."""
        res = super().action_void(reason)
        self.line_ids.work_order_id.sudo()._unset_paid(reason)
        # a voided day's copy receipt reopens its register for a new receipt
        self.env["property.butler.copy.register"].search(
            [("receipt_id", "in", self.ids)]
        )._reopen_after_void()
        return res
