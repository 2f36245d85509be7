import re
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import format_date

from .common import PropertyRenovationCommon


@tagged("post_install", "-at_install")
class TestFilingFlow(PropertyRenovationCommon):
    def test_defaults_owner_applicant_sequence(self):
        filing = self._create_filing()
        self.assertEqual(filing.owner_id, self.owner)
        self.assertEqual(filing.applicant_id, self.owner)
        self.assertTrue(filing.applicant_is_owner)
        self.assertTrue(filing.name.startswith("REN/"))
        self.assertEqual(filing.date_end, date(2026, 11, 30))
        self.assertEqual(filing.state, "draft")

    def test_three_month_limit(self):
        # 2026-09-01 + 3 months = 2026-12-01: allowed, one day more is not
        self._create_filing(date_end_planned=date(2026, 12, 1))
        with self.assertRaisesRegex(
            ValidationError,
            "at most three months.*"
            + re.escape(format_date(self.env, date(2026, 12, 1))),
        ):
            self._create_filing(date_end_planned=date(2026, 12, 2))
        with self.assertRaisesRegex(ValidationError, "cannot be before the start"):
            self._create_filing(date_end_planned=date(2026, 8, 31))

    def test_full_flow_to_certificate(self):
        filing = self._create_filing(user=self.clerk)
        with self.assertRaisesRegex(
            UserError, "papers still missing: Business Licence"
        ):
            filing.action_submit()
        self._file_papers(filing)
        filing.action_submit()
        self.assertEqual(filing.state, "submitted")
        with self.assertRaisesRegex(UserError, "Submitting is not possible"):
            filing.action_submit()
        with self.assertRaisesRegex(UserError, "Taking the deposits is not possible"):
            filing.action_prepare_receipts()
        filing.with_user(self.reno_supervisor).action_approve()
        self.assertEqual(filing.state, "approved")
        self.assertEqual(filing.approved_by_id, self.reno_supervisor)
        with self.assertRaisesRegex(
            UserError, "Issuing the certificate is not possible"
        ):
            filing.action_issue_certificate()
        receipts = self._pay_deposits(filing)
        self.assertEqual(len(receipts), 2)
        self.assertEqual(filing.state, "deposit_paid")
        action = filing.action_issue_certificate()
        self.assertEqual(
            action["report_name"],
            "property_renovation.report_property_renovation_certificate",
        )
        self.assertEqual(filing.state, "certificate_issued")
        with self.assertRaisesRegex(UserError, "start on"):
            filing.with_context(date=date(2026, 8, 31)).action_start()
        filing.with_context(date=date(2026, 9, 2)).action_start()
        self.assertEqual(filing.state, "in_progress")
        messages = filing.message_ids.mapped("body")
        self.assertTrue(any("Registration certificate issued" in m for m in messages))

    def test_submit_checks_contractor_and_consent(self):
        filing = self._create_filing(
            contractor_id=False, manager_name=False, applicant_id=self.tenant.id
        )
        self._file_papers(filing)
        with self.assertRaisesRegex(UserError, "the contractor \\(or tick") as catcher:
            filing.action_submit()
        message = str(catcher.exception)
        self.assertIn("person in charge", message)
        self.assertIn("owner's consent", message)
        filing.write(
            {
                "contractor_id": self.contractor.id,
                "manager_name": "Foreman Liu",
                "owner_consent_confirmed": True,
            }
        )
        filing.action_submit()

    def test_reject_and_reset(self):
        filing = self._create_filing()
        self._file_papers(filing)
        filing.action_submit()
        with self.assertRaisesRegex(UserError, "reason of the rejection"):
            filing.with_user(self.reno_supervisor)._reject(" ")
        wizard = (
            self.env["property.renovation.filing.reject"]
            .with_user(self.reno_supervisor)
            .create({"filing_ids": [(6, 0, filing.ids)], "reason": "Drawings unclear"})
        )
        wizard.action_reject()
        self.assertEqual(filing.state, "rejected")
        self.assertEqual(filing.reject_reason, "Drawings unclear")
        filing.action_reset_draft()
        self.assertEqual(filing.state, "draft")

    def test_clerk_cannot_approve_or_reject(self):
        filing = self._create_filing()
        self._file_papers(filing)
        filing.action_submit()
        with self.assertRaisesRegex(AccessError, "Only the renovation supervisor"):
            filing.with_user(self.clerk).action_approve()
        with self.assertRaisesRegex(AccessError, "Only the renovation supervisor"):
            filing.with_user(self.clerk)._reject("No")
        with self.assertRaisesRegex(AccessError, "Only the renovation supervisor"):
            filing.with_user(self.manager).action_approve()
        self.assertEqual(filing.state, "submitted")

    def test_cancel_and_delete(self):
        filing = self._create_filing()
        filing.action_cancel()
        self.assertEqual(filing.state, "cancelled")
        filing.unlink()
        filing = self._approved_filing()
        self._pay_deposits(filing)
        with self.assertRaisesRegex(UserError, "Cancelling is not possible"):
            filing.action_cancel()
        with self.assertRaisesRegex(UserError, "kept in the renovation ledger"):
            filing.unlink()

    def test_cancel_blocked_once_deposit_taken(self):
        filing = self._approved_filing()
        filing.action_prepare_receipts()
        receipt = filing.receipt_line_ids.receipt_id.filtered(
            lambda r: r.partner_id == self.owner
        )
        receipt.write({"user_id": self.clerk.id})
        receipt.with_user(self.clerk).action_issue()
        self.assertEqual(filing.state, "approved")  # contractor's deposit still due
        with self.assertRaisesRegex(UserError, "deposits of .* were taken"):
            filing.action_cancel()

    def test_inspection_flow(self):
        filing = self._working_filing()
        filing.action_request_inspection()
        self.assertEqual(filing.state, "inspection_requested")
        with self.assertRaisesRegex(UserError, "List the rectification items"):
            filing.action_inspection_fail()
        filing.rectification_items = "Re-seal the bathroom floor"
        filing.action_inspection_fail()
        self.assertEqual(filing.inspection_result, "failed")
        self.assertFalse(filing.refund_date_earliest)
        filing.action_request_inspection()
        filing.with_context(date=date(2026, 9, 28)).action_inspection_pass()
        self.assertEqual(filing.inspection_result, "passed")
        with self.assertRaisesRegex(UserError, "already passed"):
            filing.action_request_inspection()
