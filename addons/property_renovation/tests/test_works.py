import re
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import format_date

from .common import PropertyRenovationCommon


@tagged("post_install", "-at_install")
class TestWorks(PropertyRenovationCommon):
    def test_passes(self):
        filing = self._approved_filing()
        workers = self._add_workers(filing)
        with self.assertRaisesRegex(UserError, "once the registration certificate"):
            workers[0].action_issue_pass()
        self._pay_deposits(filing)
        filing.action_issue_certificate()
        workers.action_issue_pass()
        self.assertTrue(all(workers.mapped("pass_number")))
        self.assertEqual(workers[0].pass_valid_until, date(2026, 11, 30))
        self.assertEqual(filing.pass_issued_count, 2)
        with self.assertRaisesRegex(UserError, "already holds pass"):
            workers[0].action_issue_pass()
        workers[0].action_return_pass()
        self.assertEqual(filing.pass_returned_count, 1)
        with self.assertRaisesRegex(UserError, "No pass to return"):
            workers[0].action_return_pass()

    def test_extension(self):
        filing = self._working_filing()
        workers = self._add_workers(filing)
        workers.action_issue_pass()
        Extension = self.env["property.renovation.extension"]
        with self.assertRaisesRegex(
            ValidationError,
            "at most three months .*"
            + re.escape(format_date(self.env, date(2027, 2, 28))),
        ):
            Extension.create(
                {
                    "filing_id": filing.id,
                    "date_new_end": date(2027, 3, 1),
                    "reason": "Slow",
                }
            )
        ext = Extension.create(
            {
                "filing_id": filing.id,
                "date_new_end": date(2027, 2, 28),
                "reason": "Tiles late",
            }
        )
        self.assertEqual(ext.date_current_end, date(2026, 11, 30))
        with self.assertRaisesRegex(UserError, "already has an extension waiting"):
            Extension.create(
                {
                    "filing_id": filing.id,
                    "date_new_end": date(2027, 1, 5),
                    "reason": "x",
                }
            )
        with self.assertRaisesRegex(AccessError, "Only the renovation supervisor"):
            ext.with_user(self.clerk).action_approve()
        with self.assertRaisesRegex(UserError, "tick both"):
            ext.with_user(self.reno_supervisor).action_approve()
        ext.write({"copies_presented": True, "passes_presented": True})
        ext.with_user(self.reno_supervisor).action_approve()
        self.assertEqual(filing.date_end, date(2027, 2, 28))
        self.assertEqual(workers.mapped("pass_extended_until"), [date(2027, 2, 28)] * 2)
        self.assertEqual(workers[0].pass_valid_until, date(2027, 2, 28))
        self.assertTrue(any("延期至" in m for m in filing.message_ids.mapped("body")))

    def test_extension_needs_works_going_on(self):
        filing = self._approved_filing()
        with self.assertRaisesRegex(UserError, "works are going on"):
            self.env["property.renovation.extension"].create(
                {
                    "filing_id": filing.id,
                    "date_new_end": date(2026, 12, 30),
                    "reason": "x",
                }
            )

    def test_patrol_and_violation(self):
        filing = self._working_filing()
        patrol = self.env["property.renovation.patrol"].create(
            {
                "filing_id": filing.id,
                "findings": "Rubbish left in the stairwell",
                "violation_ids": [
                    Command.create(
                        {
                            "filing_id": filing.id,
                            "violation_type": "rubbish",
                            "description": "Bags of rubble in the stairwell",
                            "rectification": "Clear the stairwell",
                            "date": date(2026, 9, 10),
                            "deadline": date(2026, 9, 12),
                            "deduction": 200.0,
                        }
                    )
                ],
            }
        )
        violation = patrol.violation_ids
        self.assertEqual(filing.open_violation_count, 1)
        self.assertEqual(filing.violation_deduction, 200.0)
        self.assertTrue(filing.activity_ids)
        filing.action_request_inspection()
        with self.assertRaisesRegex(UserError, "violations not rectified"):
            filing.action_inspection_pass()
        with self.assertRaisesRegex(AccessError, "Only the renovation supervisor"):
            violation.with_user(self.clerk).action_cancel()
        violation.action_rectified()
        self.assertEqual(filing.open_violation_count, 0)
        self.assertEqual(filing.violation_deduction, 200.0)  # still applied at refund
        with self.assertRaisesRegex(UserError, "Only open violations"):
            violation.action_settled()
        with self.assertRaisesRegex(ValidationError, "deadline cannot be before"):
            self.env["property.renovation.violation"].create(
                {
                    "filing_id": filing.id,
                    "violation_type": "noise_hours",
                    "description": "Drilling at 22:00",
                    "rectification": "Stop",
                    "date": date(2026, 9, 10),
                    "deadline": date(2026, 9, 9),
                }
            )

    def test_patrol_needs_works_going_on(self):
        filing = self._create_filing()
        with self.assertRaisesRegex(UserError, "Patrols are recorded on filings"):
            self.env["property.renovation.patrol"].create(
                {"filing_id": filing.id, "findings": "Nothing"}
            )

    def test_reminder_and_overdue(self):
        filing = self._working_filing()
        Filing = self.Filing
        self.assertFalse(
            Filing.with_context(date=date(2026, 11, 22))._cron_remind_ending()
        )
        reminded = Filing.with_context(date=date(2026, 11, 23))._cron_remind_ending()
        self.assertEqual(reminded, filing)
        self.assertTrue(filing.reminder_sent)
        self.assertIn(self.owner, filing.message_ids[0].partner_ids)
        self.assertTrue(
            filing.activity_ids.filtered(lambda a: a.user_id == filing.user_id)
        )
        self.assertFalse(
            Filing.with_context(date=date(2026, 11, 24))._cron_remind_ending()
        )
        overdue = Filing.with_context(date=date(2026, 12, 1)).search(
            [("is_overdue", "=", True)]
        )
        self.assertIn(filing, overdue)
        self.assertNotIn(
            filing,
            Filing.with_context(date=date(2026, 11, 30)).search(
                [("is_overdue", "=", True)]
            ),
        )
        filing.action_request_inspection()
        filing.with_context(date=date(2026, 12, 1)).action_inspection_pass()
        self.assertNotIn(
            filing,
            Filing.with_context(date=date(2026, 12, 1)).search(
                [("is_overdue", "=", True)]
            ),
        )
