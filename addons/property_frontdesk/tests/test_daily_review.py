from html import unescape

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import PropertyDeskCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-17 02:00:00")  # Tuesday 10:00 in Shanghai
class TestDailyReview(PropertyDeskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Review = cls.env["property.daily.review"].with_context(tz="Asia/Shanghai")

    def _review(self, day, user=None):
        """The review of the test estate (the demo register is elsewhere)."""
        Review = self.Review.with_user(user) if user else self.Review
        return Review._get_or_create(day, self.estate)

    def _register(self):
        """Yesterday (Monday): three requests; today: one."""
        with freeze_time("2026-03-16 01:00:00"):
            repair = self._create_ticket()
            repair._dispatch(self.team_eng, self.engineer)
            complaint = self._create_ticket(
                type_id=self.type_complaint.id, subject="Noise at night"
            )
            inquiry = self._create_ticket(
                type_id=self.type_inquiry.id, subject="Hours?"
            )
            inquiry.resolution = "Answered."
            inquiry.action_resolve()
            inquiry.action_close()
        today = self._create_ticket(
            subject="Light broken", received_date="2026-03-17 01:55:00"
        )
        return repair, complaint, inquiry, today

    def test_today_figures(self):
        repair, complaint, inquiry, today = self._register()
        review = self._review("2026-03-17", self.clerk)
        self.assertEqual(review.company_id, self.company)
        self.assertEqual(review.received_count, 1)
        self.assertEqual(review.ticket_ids, today)
        self.assertEqual(review.open_count, 3)
        self.assertEqual(review.new_count, 2)
        self.assertEqual(review.unassigned_count, 2)
        self.assertEqual(review.dispatched_count, 1)
        self.assertEqual(review.closed_count, 0)
        self.assertEqual(self._review("2026-03-17", self.clerk), review)
        # the desk's menu opens the company's review of today, once
        action = self.Review.with_user(self.clerk).action_open_today()
        company_review = self.Review.browse(action["res_id"])
        self.assertEqual(str(company_review.date), "2026-03-17")
        self.assertFalse(company_review.estate_id)
        self.assertGreaterEqual(company_review.received_count, 1)
        self.assertEqual(
            self.Review.with_user(self.clerk).action_open_today()["res_id"],
            company_review.id,
        )
        # the figure's tickets
        domain = review.with_context(figure="unassigned").action_view_tickets()[
            "domain"
        ]
        self.assertEqual(self.env["property.ticket"].search(domain), complaint | today)

    def test_overdue_and_callbacks_due(self):
        repair, complaint, inquiry, today = self._register()
        repair.resolution = "Done."
        with freeze_time("2026-03-16 03:00:00"):
            repair.action_resolve()
        self.env["property.ticket"]._cron_mark_overdue()
        review = self._review("2026-03-17")
        # complaint: not answered within 15 minutes
        self.assertEqual(review.overdue_count, 1)
        self.assertEqual(review.callback_due_count, 0)
        with freeze_time("2026-03-19 02:00:00"):
            thursday = self._review("2026-03-19")
            # the callback of the repair is due on Thursday 11:00
            self.assertEqual(thursday.callback_due_count, 1)

    def test_supervisor_reviews_yesterday(self):
        self._register()
        action = self.Review.with_user(self.supervisor).action_open_yesterday()
        self.assertEqual(str(self.Review.browse(action["res_id"]).date), "2026-03-16")
        yesterday = self._review("2026-03-16", self.supervisor)
        self.assertEqual(yesterday.received_count, 3)
        self.assertEqual(yesterday.complaint_count, 1)
        self.assertEqual(yesterday.closed_count, 1)
        with self.assertRaisesRegex(
            AccessError, "Only a front desk supervisor reviews the register"
        ):
            yesterday.with_user(self.clerk).action_review()
        yesterday.with_user(self.supervisor).remarks = "Noise complaint: follow up."
        yesterday.with_user(self.supervisor).action_review()
        self.assertEqual(yesterday.state, "reviewed")
        self.assertEqual(yesterday.reviewer_id, self.supervisor)
        self.assertTrue(yesterday.review_date)
        with self.assertRaisesRegex(UserError, "Already reviewed"):
            yesterday.with_user(self.supervisor).action_review()
        today = self._review("2026-03-17", self.supervisor)
        with self.assertRaisesRegex(UserError, "reviewed once the day is over"):
            today.with_user(self.supervisor).action_review()

    def test_one_review_per_day(self):
        self._review("2026-03-17")
        with self.assertSqlConstraint("There is already a daily review for this day."):
            self.Review.create(
                {
                    "date": "2026-03-17",
                    "company_id": self.company.id,
                    "estate_id": self.estate.id,
                }
            )

    def test_printed_register(self):
        repair, complaint, inquiry, today = self._register()
        wizard = (
            self.env["property.ticket.register.wizard"]
            .with_user(self.clerk)
            .with_context(tz="Asia/Shanghai")
            .create(
                {
                    "date_from": "2026-03-16",
                    "date_to": "2026-03-16",
                    "estate_id": self.estate.id,
                }
            )
        )
        self.assertEqual(wizard._get_tickets(), repair | complaint | inquiry)
        action = wizard.action_print()
        self.assertEqual(
            action["report_name"], "property_frontdesk.report_property_ticket_register"
        )
        html = unescape(
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "property_frontdesk.action_report_property_ticket_register", wizard.ids
            )[0]
            .decode()
        )
        self.assertIn("Front Desk Register", html)
        for ticket in (repair, complaint, inquiry):
            self.assertIn(ticket.name, html)
        self.assertNotIn(today.name, html)
        self.assertIn("Noise at night", html)
        self.assertIn("Engineer Sun", html)
        self.assertIn("Reviewed by (supervisor)", html)
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            wizard.date_to = "2026-03-01"
