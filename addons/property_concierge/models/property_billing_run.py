from odoo import models


class PropertyBillingRun(models.Model):
    _inherit = "property.billing.run"

    def _get_extra_charges(self, units):
        """Unpaid special-service orders of the units go on the next payment notice,
        with their number; an order already on a notice is never billed again."""
        parent = getattr(super(), "_get_extra_charges", None)
        charges = list(parent(units)) if parent else []
        orders = self.env["property.work.order"].search(
            [
                ("unit_id", "in", units.ids),
                ("state", "in", ("done", "closed")),
                ("payment_state", "=", "unpaid"),
                ("notice_line_id", "=", False),
            ],
            order="done_date, id",
        )
        for order in orders:
            charges.append(order._prepare_extra_charge())
        return charges

    def _extra_charges_billed(self, charges):
        parent = getattr(super(), "_extra_charges_billed", None)
        res = parent(charges) if parent else None
        for charge in charges:
            source = charge.get("source")
            if source and source._name == "property.work.order":
                source._set_billed(charge.get("move_line_id"))
        return res
