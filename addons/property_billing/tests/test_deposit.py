from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import PropertyBillingCommon


@tagged("post_install", "-at_install")
class TestDeposit(PropertyBillingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.deposit_account = cls.company.property_deposit_account_id
        cls.deduction_account = cls.company.property_deduction_account_id

    def _held_deposit(self, amount=3000.0):
        deposit = (
            self.env["property.deposit"]
            .with_user(self.clerk)
            .create(
                {
                    "partner_id": self.owner.id,
                    "unit_id": self.unit.id,
                    "deposit_type": "renovation",
                    "amount_expected": amount,
                }
            )
        )
        self.assertEqual(deposit.state, "draft")
        self.assertTrue(deposit.name.startswith("DEP/"))
        receipt = self._issue_receipt(
            [{"line_type": "deposit", "deposit_id": deposit.id, "amount": amount}]
        )
        return deposit.with_user(self.env.user), receipt

    def _balance(self, account, partner=None):
        domain = [("account_id", "=", account.id), ("parent_state", "=", "posted")]
        if partner:
            domain.append(("partner_id", "=", partner.id))
        return sum(self.env["account.move.line"].search(domain).mapped("balance"))

    def test_full_flow_with_deduction(self):
        deposit, receipt = self._held_deposit(3000.0)
        self.assertEqual(deposit.state, "held")
        self.assertEqual(deposit.amount_received, 3000.0)
        self.assertEqual(deposit.amount_held, 3000.0)
        self.assertEqual(deposit.receipt_line_ids.receipt_id, receipt)
        self.assertEqual(self._balance(self.deposit_account, self.owner), -3000.0)
        income_before = self._balance(self.deduction_account)

        with self.assertRaisesRegex(ValidationError, "between 0 and the 3000.00 held"):
            deposit.with_user(self.clerk).action_request_refund(3500.0, "Damage")
        with self.assertRaisesRegex(ValidationError, "Give the reason"):
            deposit.with_user(self.clerk).action_request_refund(500.0)
        wizard = (
            self.env["property.deposit.refund.wizard"]
            .with_user(self.clerk)
            .create(
                {
                    "deposit_id": deposit.id,
                    "deduction": 500.0,
                    "reason": "Damaged corridor wall",
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(deposit.state, "refund_requested")
        self.assertEqual(deposit.requested_by_id, self.clerk)

        with self.assertRaisesRegex(UserError, "Only the service-centre manager"):
            deposit.with_user(self.supervisor).action_approve_refund()
        with self.assertRaisesRegex(UserError, "has not been approved"):
            deposit.with_user(self.finance).action_refund()
        deposit.with_user(self.manager).action_approve_refund()
        self.assertEqual(deposit.state, "refund_approved")
        with self.assertRaisesRegex(UserError, "Only the finance staff"):
            deposit.with_user(self.clerk).action_refund()
        with self.assertRaisesRegex(UserError, "Only the finance staff"):
            deposit.with_user(self.manager).action_refund()

        deposit.with_user(self.finance).action_refund()
        self.assertEqual(deposit.state, "refunded")
        self.assertEqual(deposit.amount_deducted, 500.0)
        self.assertEqual(deposit.amount_refunded, 2500.0)
        self.assertEqual(deposit.amount_held, 0.0)
        # the ledger: the liability is cleared, the deduction is income, the
        # refund leaves the bank
        self.assertEqual(self._balance(self.deposit_account, self.owner), 0.0)
        self.assertEqual(self._balance(self.deduction_account) - income_before, -500.0)
        payment = deposit.refund_payment_id
        self.assertEqual(payment.payment_type, "outbound")
        self.assertEqual(payment.amount, 2500.0)
        self.assertEqual(payment.state, "paid")
        self.assertIn("Damaged corridor wall", deposit.deduction_move_id.ref)
        # the receipt that took the deposit can no longer be voided
        with self.assertRaisesRegex(UserError, "is being refunded"):
            receipt.with_user(self.supervisor).action_void("late")

    def test_refund_without_deduction_and_reject(self):
        deposit, _receipt = self._held_deposit(1000.0)
        with self.assertRaisesRegex(UserError, "No refund was requested"):
            deposit.with_user(self.manager).action_approve_refund()
        deposit.with_user(self.clerk).action_request_refund()
        with self.assertRaisesRegex(UserError, "Only a deposit held"):
            deposit.with_user(self.clerk).action_request_refund()
        deposit.with_user(self.manager).action_reject_refund()
        self.assertEqual(deposit.state, "held")
        deposit.with_user(self.clerk).action_request_refund()
        deposit.with_user(self.manager).action_approve_refund()
        deposit.with_user(self.finance).action_refund()
        self.assertFalse(deposit.deduction_move_id)
        self.assertEqual(deposit.amount_refunded, 1000.0)
        self.assertEqual(self._balance(self.deposit_account, self.owner), 0.0)

    def test_void_receipt_releases_deposit(self):
        deposit, receipt = self._held_deposit(800.0)
        receipt.with_user(self.supervisor).action_void("Wrong payer")
        self.assertEqual(deposit.state, "draft")
        self.assertEqual(deposit.amount_held, 0.0)
        self.assertEqual(self._balance(self.deposit_account, self.owner), 0.0)

    def test_deposit_checks(self):
        deposit, _receipt = self._held_deposit(800.0)
        with self.assertRaisesRegex(UserError, "never deleted"):
            deposit.unlink()
        other = self.env["property.deposit"].create(
            {"partner_id": self.tenant.id, "unit_id": self.unit.id}
        )
        with self.assertRaisesRegex(UserError, "is paid by Tenant Wu"):
            self._issue_receipt(
                [{"line_type": "deposit", "deposit_id": other.id, "amount": 100.0}]
            )
        with self.assertRaisesRegex(ValidationError, "needs the deposit"):
            self._issue_receipt([{"line_type": "deposit", "amount": 100.0}])
