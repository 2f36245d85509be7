from odoo import models


class PropertyEstate(models.Model):
    _inherit = "property.estate"

    def _get_butler_outstanding(self):
        """What the estate's desk holds and has lent out (daily check list)."""
        self.ensure_one()
        domain = [("estate_id", "=", self.id)]
        return {
            "today": self.env["property.unit"]._property_today(),
            "storages": self.env["property.butler.storage"].search(
                domain + [("state", "=", "held")], order="date_stored, id"
            ),
            "transfers": self.env["property.butler.transfer"].search(
                domain + [("state", "=", "held")], order="date_received, id"
            ),
            "loans": self.env["property.butler.loan"].search(
                domain + [("state", "=", "out")], order="date_out, id"
            ),
        }
