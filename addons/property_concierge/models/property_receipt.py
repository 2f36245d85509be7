from odoo import models


class PropertyReceipt(models.Model):
    _inherit = "property.receipt"

    def action_void(self, reason=False):
        """A voided day's copy receipt reopens its register for a new receipt."""
        res = super().action_void(reason=reason)
        registers = self.env["property.butler.copy.register"].search(
            [("receipt_id", "in", self.ids)]
        )
        registers._reopen_after_void()
        return res
