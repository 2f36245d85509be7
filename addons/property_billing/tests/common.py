from odoo import Command, fields
from odoo.tests import new_test_user

from odoo.addons.property_frontdesk.tests.common import PropertyFrontdeskCommon


class PropertyBillingCommon(PropertyFrontdeskCommon):
    """The frontdesk fixtures (company, roles, estate, unit with payer ``owner``)
    plus the billing set-up: journals and accounts of the company, the fee items,
    a clerk holding an open receipt book (``book``) and a second clerk with
    one (``book2``).

    Helpers: ``_create_notice(unit, partner, amount, period, date)`` posts a
    property payment notice, ``_issue_receipt(...)`` issues a receipt as the
    clerk."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company._property_billing_setup()
        cls.currency = cls.company.currency_id
        cls.fee_service = cls.env.ref("property_billing.product_fee_service")
        cls.fee_water = cls.env.ref("property_billing.product_fee_water")
        cls.fee_electricity = cls.env.ref("property_billing.product_fee_electricity")
        cls.fee_card = cls.env.ref("property_billing.product_fee_card")
        cls.fee_copying = cls.env.ref("property_billing.product_fee_copying")
        cls.fee_renovation_tax = cls.env.ref(
            "property_billing.product_fee_renovation_tax"
        )
        cls.fee_parking = cls.env.ref("property_billing.product_fee_parking_fee")
        # the fee products as product.product
        for name in (
            "fee_service",
            "fee_water",
            "fee_electricity",
            "fee_card",
            "fee_copying",
            "fee_renovation_tax",
            "fee_parking",
        ):
            setattr(cls, name, getattr(cls, name).product_variant_id)
        cls.clerk2 = new_test_user(
            cls.env,
            login="fd_clerk2",
            name="Clerk Zhao",
            groups="property_frontdesk.group_property_clerk",
            lang="en_US",
        )
        Book = cls.env["property.receipt.book"]
        cls.book = Book.create(
            {
                "name": "TB-001",
                "prefix": "TB",
                "padding": 6,
                "number_from": 1,
                "number_to": 50,
                "user_id": cls.clerk.id,
            }
        )
        cls.book2 = Book.create(
            {
                "name": "TB-002",
                "prefix": "TB",
                "padding": 6,
                "number_from": 51,
                "number_to": 100,
                "user_id": cls.clerk2.id,
            }
        )
        (cls.book | cls.book2).with_user(cls.finance).action_issue()
        cls.cash_account = cls.company.property_cash_journal_id.default_account_id
        cls.receivable = cls.owner.with_company(
            cls.company
        ).property_account_receivable_id

    @classmethod
    def _create_notice(
        cls, unit=None, partner=None, amount=100.0, period="2026-10", date=None
    ):
        """Post a payment notice of one service-fee line for ``unit``."""
        unit = unit or cls.unit
        partner = partner or unit.payer_partner_id or cls.owner
        date = date or f"{period}-01"
        notice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "journal_id": cls.company.property_notice_journal_id.id,
                "invoice_date": date,
                "date": date,
                "property_is_notice": True,
                "property_unit_id": unit.id,
                "property_period": period,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": cls.fee_service.id,
                            "name": f"Property service fee {period}",
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        notice.action_post()
        return notice

    @classmethod
    def _issue_receipt(
        cls,
        lines,
        partner=None,
        unit=None,
        method="cash",
        user=None,
        date=None,
    ):
        """Issue a receipt as ``user`` (the clerk by default); ``lines`` are
        dicts of property.receipt.line values."""
        user = user or cls.clerk
        unit = cls.unit if unit is None else unit
        receipt = (
            cls.env["property.receipt"]
            .with_user(user)
            .create(
                {
                    "partner_id": (partner or cls.owner).id,
                    "unit_id": unit.id if unit else False,
                    "payment_method": method,
                    "date": date or fields.Date.context_today(cls.env.user),
                    "line_ids": [Command.create(vals) for vals in lines],
                }
            )
        )
        receipt.action_issue()
        return receipt.with_user(cls.env.user)

    def _cash_balance(self):
        return sum(
            self.env["account.move.line"]
            .search(
                [
                    ("account_id", "=", self.cash_account.id),
                    ("parent_state", "=", "posted"),
                ]
            )
            .mapped("balance")
        )
