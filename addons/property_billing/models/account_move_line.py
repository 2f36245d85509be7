from odoo import models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def reconcile(self):
        res = super().reconcile()
        notices = self.move_id.filtered("property_is_notice")
        if notices:
            dunnings = (
                self.env["property.dunning"]
                .sudo()
                .search([("move_ids", "in", notices.ids), ("state", "!=", "closed")])
            )
            dunnings._close_paid()
        return res
