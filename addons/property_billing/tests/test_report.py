from odoo.tests import tagged

from .common import PropertyBillingCommon


@tagged("post_install", "-at_install")
class TestReceiptReport(PropertyBillingCommon):
    def test_three_copies_and_reprints(self):
        self._create_notice(amount=1234.5, period="2026-10")
        receipt = self._issue_receipt(
            [
                {
                    "line_type": "notice",
                    "name": "Service fee 2026-10",
                    "amount": 1234.5,
                },
            ]
        )
        card = self._issue_receipt(
            [
                {
                    "line_type": "fee",
                    "product_id": self.fee_card.id,
                    "card_number": "IC-0042",
                    "amount": 20.0,
                }
            ]
        )
        Report = self.env["ir.actions.report"]
        html = Report._render_qweb_pdf(
            "property_billing.action_report_property_receipt", receipt.ids
        )[0].decode()
        self.assertEqual(receipt.print_count, 1)
        for label in (
            "First copy: Stub",
            "Second copy: Customer",
            "Third copy: Accounting",
        ):
            self.assertIn(label, html)
        self.assertIn("Official Receipt", html)
        self.assertIn(receipt.name, html)
        self.assertIn("壹仟贰佰叁拾肆元伍角整", html)
        self.assertIn("1,234.50", html)
        self.assertIn("Owner Zhou", html)
        self.assertNotIn("o_property_receipt_reprint", html)
        # a reprint is a copy, counted
        html = Report._render_qweb_pdf(
            "property_billing.action_report_property_receipt", receipt.ids
        )[0].decode()
        self.assertEqual(receipt.reprint_count, 1)
        self.assertIn("COPY (reprint no. ", html)
        self.assertIn("Reprinted (copy no. 1)", receipt.message_ids[0].body)
        # the card number is printed on the line
        html = Report._render_qweb_pdf(
            "property_billing.action_report_property_receipt", card.ids
        )[0].decode()
        self.assertIn("IC-0042", html)
        self.assertIn("贰拾元整", html)

    def test_void_receipt_prints_void(self):
        receipt = self._issue_receipt([{"line_type": "prepayment", "amount": 88.0}])
        receipt.with_user(self.finance).action_void("Typing error")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_pdf(
                "property_billing.action_report_property_receipt", receipt.ids
            )[0]
            .decode()
        )
        self.assertIn("VOID", html)
        self.assertIn("Typing error", html)

    def test_print_action_counts(self):
        receipt = self.env["property.receipt"].create(
            {"partner_id": self.owner.id, "unit_id": self.unit.id}
        )
        with self.assertRaisesRegex(Exception, "Issue the receipt before printing"):
            receipt.action_print()
