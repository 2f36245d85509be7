from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common_butler import PropertyButlerCommon


@tagged("post_install", "-at_install")
class TestButlerLoan(PropertyButlerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.umbrella = cls.env["property.butler.lending.item"].create(
            {"name": "Umbrella", "estate_id": cls.estate.id, "quantity": 2}
        )
        cls.Loan = cls.env["property.butler.loan"].with_user(cls.clerk)

    def _loan(self, **vals):
        return self.Loan.create(
            {
                "unit_id": self.unit.id,
                "partner_id": self.tenant.id,
                "item_id": self.umbrella.id,
                "condition_out": "Good, no tears",
                **vals,
            }
        )

    def test_resident_lends_and_returns(self):
        loan = self._loan()
        self.assertTrue(loan.is_resident)
        loan.action_lend()
        self.assertEqual(loan.state, "out")
        self.assertEqual(self.umbrella.quantity_out, 1)
        self.assertEqual(self.umbrella.quantity_available, 1)
        with self.assertRaisesRegex(UserError, "has already been lent"):
            loan.action_lend()
        with self.assertRaisesRegex(
            UserError,
            "Check the returned item with the borrower and note its condition",
        ):
            loan.action_return()
        loan.condition_back = "Good"
        loan.action_return()
        self.assertEqual(loan.state, "returned")
        self.assertEqual(loan.return_user_id, self.clerk)
        self.assertEqual(self.umbrella.quantity_available, 2)
        with self.assertRaisesRegex(UserError, "is not lent out"):
            loan.action_return()
        with self.assertRaisesRegex(UserError, "Loans stay in the lending register"):
            loan.with_user(self.manager).unlink()

    def test_form_lends(self):
        form = Form(self.Loan)
        form.unit_id = self.unit
        form.partner_id = self.owner
        form.item_id = self.umbrella
        form.condition_out = "New"
        loan = form.save()
        self.assertEqual(loan.estate_id, self.estate)
        self.assertTrue(loan.is_resident)
        loan.action_lend()
        self.assertEqual(loan.state, "out")

    def test_condition_checked_out(self):
        loan = self._loan(condition_out=False)
        with self.assertRaisesRegex(UserError, "note its condition before lending it"):
            loan.action_lend()

    def test_non_resident_needs_supervisor(self):
        loan = self._loan(partner_id=self.visitor.id)
        self.assertFalse(loan.is_resident)
        with self.assertRaisesRegex(
            UserError,
            "Visitor Qian is not a resident of unit .*: items are lent to residents "
            "only, others with the supervisor's approval",
        ):
            loan.action_lend()
        with self.assertRaisesRegex(
            UserError, "Only a front-desk supervisor can allow a loan to a non-resident"
        ):
            loan.action_approve()
        loan.with_user(self.supervisor).action_approve()
        self.assertEqual(loan.approved_by_id, self.supervisor)
        loan.action_lend()
        self.assertEqual(loan.state, "out")

    def test_availability(self):
        self._loan(quantity=2).action_lend()
        loan = self._loan()
        with self.assertRaisesRegex(UserError, "Only 0 of Umbrella are available"):
            loan.action_lend()

    def test_item_of_another_estate(self):
        other = self.env["property.estate"].create({"name": "Other", "code": "OT"})
        item = self.env["property.butler.lending.item"].create(
            {"name": "Ladder", "estate_id": other.id}
        )
        with self.assertRaisesRegex(
            ValidationError, "Ladder belongs to the desk of Other"
        ):
            self._loan(item_id=item.id)

    def test_cron_follows_up_after_3_days(self):
        with freeze_time("2026-11-02 02:00:00"):
            loan = self._loan()
            loan.action_lend()
        self.assertEqual(loan.date_due.isoformat(), "2026-11-05")
        returned = self._loan()
        returned.action_lend()
        returned.write(
            {"date_out": datetime(2026, 11, 2, 2, 0), "condition_back": "ok"}
        )
        returned.action_return()
        Loan = self.env["property.butler.loan"]
        self.assertFalse(Loan.with_context(date="2026-11-04")._cron_follow_up_late())
        self.assertFalse(loan.with_context(date="2026-11-04").is_late)
        late = Loan.with_context(date="2026-11-05")._cron_follow_up_late()
        self.assertEqual(late, loan)
        self.assertTrue(loan.follow_up_flagged)
        self.assertEqual(loan.activity_ids.user_id, self.clerk)
        self.assertIn("not returned after 3 days", loan.activity_ids.summary)
        self.assertIn("Tenant Wu", str(loan.activity_ids.note))
        self.assertFalse(Loan.with_context(date="2026-11-06")._cron_follow_up_late())
        loan.condition_back = "Handle bent"
        loan.action_return()
        self.assertFalse(loan.activity_ids)

    def test_loan_slip_rendered(self):
        loan = self._loan()
        loan.action_lend()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "property_concierge.action_report_property_butler_loan", loan.ids
            )[0]
            .decode()
        )
        self.assertIn("Item Loan Slip", html)
        self.assertIn("Umbrella", html)
        self.assertIn("Good, no tears", html)
        self.assertIn("Borrower's signature", html)
