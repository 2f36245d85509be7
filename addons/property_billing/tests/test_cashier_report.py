from odoo.tests import tagged

from .common import PropertyBillingCommon


@tagged("post_install", "-at_install")
class TestCashierReport(PropertyBillingCommon):
    def test_day_balances_to_the_ledger(self):
        self._create_notice(amount=300.0, period="2026-09")
        self._create_notice(amount=300.0, period="2026-10")
        day = "2026-11-20"
        cash_before = self._cash_balance()
        r1 = self._issue_receipt([{"line_type": "notice", "amount": 300.0}], date=day)
        r2 = self._issue_receipt(
            [{"line_type": "prepayment", "amount": 200.0}], date=day
        )
        r3 = self._issue_receipt(
            [{"line_type": "notice", "amount": 300.0}], method="transfer", date=day
        )
        r4 = self._issue_receipt(
            [
                {
                    "line_type": "fee",
                    "product_id": self.fee_card.id,
                    "card_number": "IC-77",
                    "amount": 20.0,
                }
            ],
            date=day,
        )
        r2.with_user(self.supervisor).action_void("Duplicate")
        # another clerk's receipt is not in this clerk's report
        self._issue_receipt(
            [{"line_type": "prepayment", "amount": 999.0}], user=self.clerk2, date=day
        )
        wizard = (
            self.env["property.cashier.report.wizard"]
            .with_user(self.finance)
            .create({"date": day, "user_ids": [(6, 0, self.clerk.ids)]})
        )
        (data,) = wizard._get_report_data()
        self.assertEqual(data["count_issued"], 4)
        self.assertEqual(data["count_void"], 1)
        self.assertEqual(data["receipts"], r1 | r2 | r3 | r4)
        by_method = {m["method"]: m["amount"] for m in data["by_method"]}
        self.assertEqual(by_method, {"cash": 320.0, "transfer": 300.0})
        self.assertEqual(data["cash_to_hand_over"], 320.0)
        self.assertEqual(data["amount_total"], 620.0)
        # the cash booked in the ledger by the day's receipts and voids
        self.assertEqual(data["ledger_cash"], 320.0)
        # the whole cash account moved by the cash kept by both clerks
        self.assertEqual(self._cash_balance() - cash_before, 320.0 + 999.0)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "property_billing.action_report_property_cashier", wizard.ids
            )[0]
            .decode()
        )
        self.assertIn("Daily Cashier Report", html)
        self.assertIn("Cash to hand over", html)
        self.assertIn("320.00", html)
        self.assertIn(r2.name, html)
        self.assertNotIn("does not balance", html)
