from odoo import models
from odoo.tools import float_compare

from .product_template import UTILITY_CATEGORIES


class PropertyHandover(models.Model):
    _inherit = "property.handover"

    def _get_billing_completion_blockers(self):
        blockers = super()._get_billing_completion_blockers()
        if self.handover_type == "resale":
            blockers += self._get_resale_billing_blockers()
        elif self.handover_type == "first_delivery":
            blockers += self._get_first_delivery_billing_blockers()
        return blockers

    def _get_resale_billing_blockers(self):
        """The previous payers' unpaid notices of the unit."""
        self.ensure_one()
        unpaid = (
            self.env["account.move"]
            .sudo()
            .search(
                [
                    ("property_is_notice", "=", True),
                    ("state", "=", "posted"),
                    ("property_unit_id", "=", self.unit_id.id),
                    ("payment_state", "in", ("not_paid", "partial")),
                    (
                        "commercial_partner_id",
                        "!=",
                        self.partner_id.commercial_partner_id.id,
                    ),
                ]
            )
        )
        if not unpaid:
            return []
        total = sum(unpaid.mapped("amount_residual"))
        amount = f"{total:.2f}"
        return [
            self.env._(
                "The previous payer still owes %(amount)s on %(count)s payment "
                "notices of the unit (%(names)s).",
                amount=amount,
                count=len(unpaid),
                names=", ".join(unpaid.mapped("name")),
            )
        ]

    def _get_first_delivery_service_fee(self):
        """Service fee collected before the keys of a first delivery are handed
        over (hook: the fee rules of the monthly run may refine it)."""
        self.ensure_one()
        estate = self.unit_id.estate_id
        return (
            estate.property_service_fee_rate
            * self.unit_id.built_area
            * estate.property_first_delivery_months
        )

    def _get_first_delivery_billing_blockers(self):
        self.ensure_one()
        estate = self.unit_id.estate_id
        lines = (
            self.env["property.receipt.line"]
            .sudo()
            .search(
                [
                    ("receipt_id.unit_id", "=", self.unit_id.id),
                    ("receipt_id.state", "=", "issued"),
                    (
                        "receipt_id.partner_id",
                        "child_of",
                        self.partner_id.commercial_partner_id.id,
                    ),
                    ("line_type", "in", ("prepayment", "fee", "notice")),
                ]
            )
        )
        currency = self.company_id.currency_id
        blockers = []
        service_due = self._get_first_delivery_service_fee()
        service_paid = sum(
            lines.filtered(
                lambda ln: (
                    ln.product_id.property_fee_category == "service"
                    or (ln.line_type == "notice" and not ln.is_utility)
                )
            ).mapped("amount")
        )
        if service_due and currency.compare_amounts(service_paid, service_due) < 0:
            due, paid = f"{service_due:.2f}", f"{service_paid:.2f}"
            blockers.append(
                self.env._(
                    "Collect the first %(months)s months of property service fee "
                    "(%(due)s, received %(paid)s) through a receipt before handing "
                    "over the keys.",
                    months=estate.property_first_delivery_months,
                    due=due,
                    paid=paid,
                )
            )
        if not estate.property_meters_per_household:
            utility_due = estate.property_utility_prepayment
            utility_paid = sum(
                lines.filtered(
                    lambda ln: ln.product_id.property_fee_category in UTILITY_CATEGORIES
                ).mapped("amount")
            )
            if (
                utility_due
                and float_compare(
                    utility_paid, utility_due, precision_rounding=currency.rounding
                )
                < 0
            ):
                due, paid = f"{utility_due:.2f}", f"{utility_paid:.2f}"
                blockers.append(
                    self.env._(
                        "Collect the utility prepayment (%(due)s, received "
                        "%(paid)s) through a receipt before handing over the keys.",
                        due=due,
                        paid=paid,
                    )
                )
        return blockers
