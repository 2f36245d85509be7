import re
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import format_date

from .common import PropertyRenovationCommon

INSPECTED = date(2026, 9, 28)  # a Monday; National Day 10-01..10-07 follows
READY = date(2026, 10, 15)


@tagged("post_install", "-at_install")
class TestRefund(PropertyRenovationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.estate.write(
            {"renovation_tax_collected": True, "renovation_rubbish_fee": 150.0}
        )

    def _ready_filing(self):
        """Works done, inspection passed on INSPECTED, passes returned, original
        certificate back: refundable from READY."""
        filing = self._approved_filing(tax_amount=300.0)
        receipts = self._pay_deposits(filing)
        filing.action_issue_certificate()
        filing.with_context(date=date(2026, 9, 2)).action_start()
        workers = self._add_workers(filing)
        workers.action_issue_pass()
        workers.action_return_pass()
        filing.action_request_inspection()
        filing.with_context(date=INSPECTED).action_inspection_pass()
        filing.certificate_original_returned = True
        return filing, receipts

    def _assert_single_blocker(self, filing, regex, day=READY):
        with self.assertRaisesRegex(UserError, regex) as catcher:
            filing.with_context(date=day).action_mark_refund_eligible()
        lines = [
            line
            for line in str(catcher.exception).splitlines()
            if line.startswith("- ")
        ]
        self.assertEqual(len(lines), 1, lines)

    def test_deposit_amounts_and_receipts(self):
        filing, receipts = self._ready_filing()
        owner_receipt = receipts.filtered(lambda r: r.partner_id == self.owner)
        contractor_receipt = receipts - owner_receipt
        self.assertEqual(owner_receipt.amount_total, 1150.0)  # deposit + rubbish fee
        self.assertEqual(contractor_receipt.amount_total, 1300.0)  # deposit + tax
        self.assertEqual(
            sorted(filing.deposit_ids.mapped("amount_held")), [1000.0, 1000.0]
        )
        self.assertEqual(set(filing.deposit_ids.mapped("deposit_type")), {"renovation"})
        self.assertEqual(filing.tax_state, "paid")

    def test_self_renovation_deposit(self):
        self.estate.renovation_tax_collected = False
        filing = self._approved_filing(self_renovation=True, contractor_id=False)
        receipts = self._pay_deposits(filing)
        self.assertEqual(receipts.partner_id, self.owner)
        self.assertEqual(filing.deposit_ids.amount_held, 2000.0)
        self.assertEqual(filing.state, "deposit_paid")

    def test_deposit_amounts_per_estate(self):
        self.estate.write(
            {
                "renovation_tax_collected": False,
                "renovation_deposit_owner": 1500.0,
                "renovation_deposit_contractor": 800.0,
            }
        )
        filing = self._approved_filing()
        self._pay_deposits(filing)
        held = {d.partner_id: d.amount_held for d in filing.deposit_ids}
        self.assertEqual(held, {self.owner: 1500.0, self.contractor: 800.0})

    def test_tax_amount_required(self):
        filing = self._approved_filing()
        with self.assertRaisesRegex(UserError, "collects the renovation tax"):
            filing.action_prepare_receipts()

    def test_seven_working_days_across_holiday(self):
        filing, _receipts = self._ready_filing()
        self.assertEqual(filing.refund_date_earliest, READY)
        self._assert_single_blocker(
            filing,
            "7 working days must pass.*" + re.escape(format_date(self.env, READY)),
            day=date(2026, 10, 14),
        )
        filing.with_context(date=READY).action_mark_refund_eligible()
        self.assertEqual(filing.state, "refund_eligible")

    def test_inspection_not_passed(self):
        filing, _receipts = self._ready_filing()
        filing.inspection_result = "failed"
        filing.rectification_items = "Grout"
        self._assert_single_blocker(filing, "completion inspection has not passed")

    def test_tax_not_settled(self):
        filing, _receipts = self._ready_filing()
        filing.tax_amount = 500.0  # 300 received
        self.assertEqual(filing.tax_state, "due")
        self._assert_single_blocker(filing, "renovation tax collected on behalf is not")

    def test_papers_missing(self):
        filing, _receipts = self._ready_filing()
        filing.line_ids.filtered(
            lambda ln: ln.paper_type == "drawings"
        ).status = "declared"
        self._assert_single_blocker(
            filing, "papers not on file: Contractor: Drawings and Construction Plan"
        )

    def test_passes_not_returned(self):
        filing, _receipts = self._ready_filing()
        worker = filing.worker_ids[0]
        worker.write({"pass_returned": False})
        self._assert_single_blocker(
            filing, f"1 of 2 returned \\(missing: {worker.pass_number} Worker 0\\)"
        )

    def test_open_violation(self):
        filing, _receipts = self._ready_filing()
        self.env["property.renovation.violation"].create(
            {
                "filing_id": filing.id,
                "violation_type": "public_area",
                "description": "Scratched lift door",
                "rectification": "Repair the lift door",
                "date": date(2026, 9, 29),
                "deadline": date(2026, 10, 9),
            }
        )
        self._assert_single_blocker(
            filing, "violations not rectified: Damage to Public"
        )

    def test_certificate_original(self):
        filing, _receipts = self._ready_filing()
        filing.certificate_original_returned = False
        self._assert_single_blocker(filing, "original of the registration certificate")

    def test_everything_missing_in_one_message(self):
        filing, _receipts = self._ready_filing()
        filing.write({"certificate_original_returned": False, "tax_amount": 900.0})
        filing.worker_ids[0].pass_returned = False
        with self.assertRaisesRegex(UserError, "cannot be refunded yet") as catcher:
            filing.with_context(date=date(2026, 10, 9)).action_mark_refund_eligible()
        message = str(catcher.exception)
        for part in ("7 working days", "tax", "passes not returned", "certificate"):
            self.assertIn(part, message)

    def test_refund_request_conditions_and_flow(self):
        filing, receipts = self._ready_filing()
        self.env["property.renovation.violation"].create(
            {
                "filing_id": filing.id,
                "violation_type": "rubbish",
                "description": "Rubble left",
                "rectification": "Clear it",
                "date": date(2026, 9, 20),
                "deadline": date(2026, 9, 21),
                "deduction": 200.0,
            }
        ).action_settled()
        filing.with_context(date=READY).action_mark_refund_eligible()
        filing.write({"refund_deduction": 300.0, "refund_receipt_number": "XX0001"})
        with self.assertRaisesRegex(
            UserError, "receipt XX0001 did not take"
        ) as catcher:
            filing.with_user(self.clerk).with_context(
                date=READY
            ).action_request_refund()
        message = str(catcher.exception)
        self.assertIn("reason of the deduction", message)
        self.assertIn("owner's acknowledgement", message)
        self.assertIn("contractor's acknowledgement", message)
        owner_receipt = receipts.filtered(lambda r: r.partner_id == self.owner)
        filing.write(
            {
                "refund_receipt_number": owner_receipt.name,
                "refund_deduction_reason": "Damaged corridor wall",
                "owner_ack": True,
                "contractor_ack": True,
            }
        )
        filing.with_user(self.clerk).with_context(date=READY).action_request_refund()
        contractor_deposit = filing.deposit_ids.filtered(
            lambda d: d.partner_id == self.contractor
        )
        owner_deposit = filing.deposit_ids - contractor_deposit
        self.assertEqual(contractor_deposit.deduction_requested, 500.0)
        self.assertEqual(owner_deposit.deduction_requested, 0.0)
        self.assertIn("Damaged corridor wall", contractor_deposit.deduction_reason)
        # a clerk neither approves nor pays the refund
        with self.assertRaisesRegex(UserError, "Only the service-centre manager"):
            filing.with_user(self.clerk).action_approve_refund()
        filing.with_user(self.manager).action_approve_refund()
        with self.assertRaisesRegex(UserError, "Only the finance staff"):
            filing.with_user(self.clerk).action_refund()
        filing.with_user(self.finance).action_refund()
        self.assertEqual(set(filing.deposit_ids.mapped("state")), {"refunded"})
        self.assertEqual(contractor_deposit.amount_refunded, 500.0)
        self.assertEqual(owner_deposit.amount_refunded, 1000.0)
        self.assertEqual(filing.state, "closed")

    def test_void_receipt_reverts_deposits_paid(self):
        self.estate.renovation_tax_collected = False
        filing = self._approved_filing()
        receipts = self._pay_deposits(filing)
        self.assertEqual(filing.state, "deposit_paid")
        receipts[0].with_user(self.supervisor).action_void("Wrong payer")
        self.assertEqual(filing.state, "approved")

    def test_deposit_lines_link_filing(self):
        filing, receipts = self._ready_filing()
        self.assertEqual(receipts.line_ids.renovation_filing_id, filing)
        self.assertEqual(filing.receipt_count, 2)
        action = filing.action_view_deposits()
        self.assertEqual(action["domain"], [("id", "in", filing.deposit_ids.ids)])
