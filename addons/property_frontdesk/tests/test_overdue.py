from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common import PropertyDeskCommon


@tagged("post_install", "-at_install")
class TestOverdue(PropertyDeskCommon):
    """The scheduled check marks late tickets and reminds who must act."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Monday 2026-03-16 10:00 in Shanghai
        with freeze_time("2026-03-16 02:00:00"):
            cls.ticket = cls._create_ticket(user=cls.clerk)
        cls.Ticket = cls.env["property.ticket"]
        cls.overdue_type = cls.env.ref(
            "property_frontdesk.mail_activity_ticket_overdue"
        )

    def _overdue_activities(self, ticket):
        return ticket.activity_ids.filtered(
            lambda a: a.activity_type_id == self.overdue_type
        )

    def _run_cron(self, at):
        with freeze_time(at):
            return self.Ticket._cron_mark_overdue()

    def test_nothing_late_nothing_marked(self):
        self.assertFalse(self._run_cron("2026-03-16 02:10:00"))
        self.assertFalse(self.ticket.is_overdue)

    def test_unanswered_request_escalates_to_the_first_contact(self):
        # not dispatched 15 working minutes after it came in, nobody assigned
        marked = self._run_cron("2026-03-16 02:20:00")
        self.assertEqual(marked, self.ticket)
        self.assertTrue(self.ticket.is_overdue)
        self.assertEqual(self.ticket.overdue_stage, "answer")
        activities = self._overdue_activities(self.ticket)
        self.assertEqual(activities.user_id, self.clerk)
        self.assertEqual(activities.summary, "Requester not answered in time")
        # marked once
        self.assertFalse(self._run_cron("2026-03-16 02:30:00"))
        self.assertEqual(len(self._overdue_activities(self.ticket)), 1)
        # answering clears the mark and its reminder
        self.ticket._dispatch(self.team_eng, self.engineer)
        self.assertFalse(self.ticket.is_overdue)
        self.assertFalse(self._overdue_activities(self.ticket))

    def test_unresolved_request_escalates_to_the_assignee(self):
        self.ticket._dispatch(self.team_eng, self.engineer)
        # due Tuesday 10:00
        self.assertFalse(self._run_cron("2026-03-17 01:59:00"))
        marked = self._run_cron("2026-03-17 02:01:00")
        self.assertEqual(marked, self.ticket)
        self.assertEqual(self.ticket.overdue_stage, "resolve")
        self.assertEqual(self._overdue_activities(self.ticket).user_id, self.engineer)
        self.ticket.resolution = "Done late."
        with freeze_time("2026-03-17 03:00:00"):
            self.ticket.action_resolve()
        self.assertFalse(self.ticket.is_overdue)
        self.assertFalse(self._overdue_activities(self.ticket))

    def test_late_on_answer_then_on_resolution(self):
        self._run_cron("2026-03-16 02:20:00")
        self.assertEqual(self.ticket.overdue_stage, "answer")
        self._run_cron("2026-03-17 03:00:00")
        self.assertEqual(self.ticket.overdue_stage, "resolve")
        self.assertEqual(len(self._overdue_activities(self.ticket)), 2)

    def test_missed_callback_escalates_to_the_first_contact(self):
        self.ticket._dispatch(self.team_eng, self.engineer)
        self.ticket.resolution = "Washer replaced."
        with freeze_time("2026-03-16 03:00:00"):
            self.ticket.action_resolve()
        # 24 working hours after Monday 11:00: Thursday 11:00
        self.assertEqual(str(self.ticket.callback_deadline), "2026-03-19 03:00:00")
        self.assertFalse(self._run_cron("2026-03-19 02:00:00"))
        self._run_cron("2026-03-19 04:00:00")
        self.assertEqual(self.ticket.overdue_stage, "callback")
        self.assertEqual(self._overdue_activities(self.ticket).user_id, self.clerk)
        self.ticket._record_callback(
            {"result_rating": "satisfied", "attitude_rating": "satisfied"}
        )
        self.assertFalse(self.ticket.is_overdue)

    def test_late_complaint_also_reminds_the_supervisor(self):
        with freeze_time("2026-03-16 02:00:00"):
            complaint = self._create_ticket(
                user=self.clerk, type_id=self.type_complaint.id, subject="Noise"
            )
        complaint._dispatch(self.team_service, self.clerk)
        self._run_cron("2026-03-17 03:00:00")
        self.assertEqual(complaint.overdue_stage, "resolve")
        self.assertEqual(
            self._overdue_activities(complaint).user_id, self.clerk | self.supervisor
        )

    def test_complaint_record_after_one_working_day(self):
        with freeze_time("2026-03-16 02:00:00"):
            complaint = self._create_ticket(
                user=self.clerk, type_id=self.type_complaint.id, subject="Noise"
            )
        complaint._dispatch(self.team_service, self.clerk)
        Record = self.env["property.complaint.record"]
        self._run_cron("2026-03-17 01:00:00")
        self.assertFalse(complaint.complaint_record_id)
        self._run_cron("2026-03-17 03:00:00")
        record = complaint.complaint_record_id
        self.assertTrue(record)
        self.assertFalse(record.is_complete)
        self.assertEqual(
            record.activity_ids.activity_type_id,
            self.env.ref("property_frontdesk.mail_activity_complaint_record"),
        )
        self.assertEqual(record.activity_ids.user_id, self.supervisor)
        # one record only
        self._run_cron("2026-03-17 05:00:00")
        self.assertEqual(Record.search_count([("ticket_id", "=", complaint.id)]), 1)

        complaint.resolution = "Talked to the neighbour."
        with freeze_time("2026-03-17 06:00:00"):
            complaint.action_resolve()
            complaint._record_callback(
                {"result_rating": "satisfied", "attitude_rating": "satisfied"}
            )
            with self.assertRaisesRegex(
                UserError,
                "was not closed within one working day: complete its complaint record",
            ):
                complaint.action_close()
            record.write(
                {
                    "cause": "Renovation outside the allowed hours.",
                    "measures": "Renovation hours reminded; patrols at noon.",
                    "responsible_id": self.clerk.id,
                    "feedback": "Owner informed by phone.",
                }
            )
            self.assertTrue(record.is_complete)
            complaint.action_close()
        self.assertEqual(str(record.date_closed), "2026-03-17")
        with self.assertRaisesRegex(UserError, "archived, not deleted"):
            record.with_user(self.manager).unlink()

    def test_complaint_closed_within_a_day_needs_no_record(self):
        with freeze_time("2026-03-16 02:00:00"):
            complaint = self._create_ticket(type_id=self.type_complaint.id)
            complaint.resolution = "Apologised on the spot."
            complaint.action_resolve()
            complaint._record_callback(
                {"result_rating": "satisfied", "attitude_rating": "satisfied"}
            )
            complaint.action_close()
        self.assertEqual(complaint.state, "closed")
        self.assertFalse(complaint.complaint_record_id)

    def test_complaint_record_only_for_complaints(self):
        with self.assertRaisesRegex(UserError, "kept for complaints only"):
            self.env["property.complaint.record"].create({"ticket_id": self.ticket.id})
        with self.assertRaisesRegex(
            UserError, "Only complaints have a complaint record"
        ):
            self.ticket.action_open_complaint_record()
