from odoo import models


class PropertyBuilding(models.Model):
    _inherit = "property.building"

    def _get_renovation_ledger_filings(self):
        """The building's filings in the ledger order: lowest floor to highest."""
        self.ensure_one()
        return (
            self.env["property.renovation.filing"]
            .search(
                [
                    ("building_id", "=", self.id),
                    ("state", "not in", ("draft", "cancelled", "rejected")),
                ]
            )
            .sorted(lambda f: (f.floor, f.unit_id.number, f.date_start, f.id))
        )
