from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged, users

from .common import PropertyDeskCommon


@tagged("post_install", "-at_install")
class TestShiftLog(PropertyDeskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.early = cls.env["property.shift"].create(
            {"name": "Early", "start_hour": 8.5, "end_hour": 16.5}
        )
        cls.late = cls.env["property.shift"].create(
            {"name": "Late", "start_hour": 14.0, "end_hour": 22.0}
        )
        cls.open_ticket = cls._create_ticket()
        cls.done_ticket = cls._create_ticket(type_id=cls.type_inquiry.id)
        cls.done_ticket.resolution = "Answered."
        cls.done_ticket.action_resolve()
        cls.done_ticket.action_close()

    def _log(self, user=None, **vals):
        Log = self.env["property.shift.log"].with_user(user or self.clerk)
        return Log.create(
            {
                "date": "2026-03-16",
                "shift_id": self.early.id,
                "estate_id": self.estate.id,
                **vals,
            }
        )

    def test_shift_display_and_hours(self):
        self.assertEqual(self.early.display_name, "Early 08:30–16:30")
        with self.assertRaisesRegex(ValidationError, "must start before it ends"):
            self.early.end_hour = 8.0

    @users("fd_clerk")
    def test_clerk_writes_the_log_and_hands_over(self):
        form = Form(self.env["property.shift.log"])
        form.date = "2026-03-16"
        form.shift_id = self.early.with_env(self.env)
        form.estate_id = self.estate.with_env(self.env)
        form.events = "<p>10:00 lift stuck in building 3, released by engineering.</p>"
        form.handover_note = "Call the lift company back."
        log = form.save()
        self.assertEqual(log.supervisor_id, self.clerk)
        self.assertEqual(log.display_name, "2026-03-16 Early Test Garden")
        log.action_hand_over()
        self.assertEqual(log.state, "handed_over")
        self.assertTrue(log.handed_over_date)
        # every open ticket of the estate, nothing closed
        self.assertEqual(log.line_ids.ticket_id, self.open_ticket)
        self.assertEqual(log.line_ids.state_at_handover, "new")
        self.assertEqual(log.line_ids.deadline, self.open_ticket.resolve_deadline)
        with self.assertRaisesRegex(
            UserError, "Only a shift on duty can be handed over"
        ):
            log.action_hand_over()
        with self.assertRaisesRegex(
            AccessError, "Only a front desk supervisor accepts a hand-over"
        ):
            log.action_accept()
        self.assertEqual(log.state, "handed_over")

    def test_next_shift_supervisor_accepts(self):
        log = self._log(user=self.supervisor)
        with self.assertRaisesRegex(
            UserError, "Only handed-over shifts can be accepted"
        ):
            log.with_user(self.manager).action_accept()
        log.action_hand_over()
        with self.assertRaisesRegex(
            UserError, "The next shift's supervisor accepts the hand-over"
        ):
            log.with_user(self.supervisor).action_accept()
        other_supervisor = self.supervisor.copy({"login": "fd_supervisor_2"})
        log.with_user(other_supervisor).action_accept()
        self.assertEqual(log.state, "accepted")
        self.assertEqual(log.accepted_by_id, other_supervisor)

    def test_unaccepted_handover_seen_by_the_manager(self):
        log = self._log()
        log.action_hand_over()
        review_action = self.env.ref(
            "property_frontdesk.property_shift_log_action_review"
        )
        self.assertIn("filter_not_reviewed", review_action.context)
        unaccepted = (
            self.env["property.shift.log"]
            .with_user(self.manager)
            .search([("state", "=", "handed_over"), ("estate_id", "=", self.estate.id)])
        )
        self.assertEqual(unaccepted, log)
        review = self.env["property.daily.review"]._get_or_create(log.date, self.estate)
        self.assertGreaterEqual(review.handover_pending_count, 1)

    def test_manager_reviews_the_logs(self):
        log = self._log()
        with self.assertRaisesRegex(
            UserError, "A shift still on duty cannot be reviewed"
        ):
            log.with_user(self.manager).action_review()
        log.action_hand_over()
        with self.assertRaisesRegex(
            AccessError, "Only the service centre manager reviews the shift logs"
        ):
            log.with_user(self.supervisor).action_review()
        log.with_user(self.manager).review_note = "Good hand-over."
        log.with_user(self.manager).action_review()
        self.assertEqual(log.reviewed_by_id, self.manager)
        with self.assertRaisesRegex(UserError, "Already reviewed"):
            log.with_user(self.manager).action_review()

    def test_one_log_per_shift_and_kept_once_handed_over(self):
        log = self._log()
        with self.assertSqlConstraint("There is already a log for this shift."):
            self._log()
        self._log(shift_id=self.late.id)
        log.action_hand_over()
        with self.assertRaisesRegex(UserError, "Handed-over shift logs are kept"):
            log.with_user(self.manager).unlink()
