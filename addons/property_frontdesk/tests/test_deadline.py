from datetime import datetime

from odoo.tests import freeze_time, tagged

from .common import PropertyDeskCommon


def utc(text):
    return datetime.fromisoformat(text)


@tagged("post_install", "-at_install")
class TestDeadline(PropertyDeskCommon):
    """Deadlines count working time of the estate's calendar (Shanghai, Monday to
    Friday 09:00-12:00 and 13:00-18:00, National Day holiday 1-7 October).
    Datetimes are stored in UTC: Shanghai is UTC+8."""

    def test_within_the_day(self):
        # Monday 2026-03-16 10:00
        ticket = self._create_ticket(received_date="2026-03-16 02:00:00")
        self.assertEqual(ticket.answer_deadline, utc("2026-03-16 02:15:00"))
        # 2 h in the morning, 5 h in the afternoon, 1 h on Tuesday morning
        self.assertEqual(ticket.resolve_deadline, utc("2026-03-17 02:00:00"))
        self.assertFalse(ticket.callback_deadline)

    def test_across_a_weekend(self):
        # Friday 2026-03-13 16:00: 2 h on Friday, then Monday 09:00-12:00 and
        # 13:00-16:00
        ticket = self._create_ticket(received_date="2026-03-13 08:00:00")
        self.assertEqual(ticket.resolve_deadline, utc("2026-03-16 08:00:00"))
        # received on Saturday: the count starts on Monday morning
        ticket = self._create_ticket(received_date="2026-03-14 03:00:00")
        self.assertEqual(ticket.answer_deadline, utc("2026-03-16 01:15:00"))
        self.assertEqual(ticket.resolve_deadline, utc("2026-03-16 10:00:00"))

    def test_across_a_public_holiday(self):
        # Wednesday 2026-09-30 17:00: 1 h, then the holiday (with its weekend)
        # until Thursday 8 October: 3 h in the morning, 4 h in the afternoon
        ticket = self._create_ticket(received_date="2026-09-30 09:00:00")
        self.assertEqual(ticket.answer_deadline, utc("2026-09-30 09:15:00"))
        self.assertEqual(ticket.resolve_deadline, utc("2026-10-08 09:00:00"))
        # a request during the holiday is answered on the first working morning
        ticket = self._create_ticket(received_date="2026-10-02 02:00:00")
        self.assertEqual(ticket.answer_deadline, utc("2026-10-08 01:15:00"))

    def test_callback_deadline_counts_from_the_resolution(self):
        ticket = self._create_ticket(received_date="2026-09-29 02:00:00")
        ticket._dispatch(self.team_eng, self.engineer)
        ticket.resolution = "Done."
        with freeze_time("2026-09-30 08:00:00"):  # Wednesday 16:00
            ticket.action_resolve()
        # 24 working hours: 2 h on Wednesday, the holiday, 8 h on Thursday 8 and
        # Friday 9 October, then 6 h on Monday 12 October: 16:00
        self.assertEqual(ticket.callback_deadline, utc("2026-10-12 08:00:00"))
        # due on Wednesday 10:00, resolved at 16:00
        self.assertFalse(ticket.resolved_on_time)
        # Tuesday 10:00 to Wednesday 16:00 = 7 + 6 working hours
        self.assertEqual(ticket.resolve_hours_spent, 13.0)

    def test_late_resolution_is_recorded(self):
        ticket = self._create_ticket(received_date="2026-03-16 02:00:00")
        ticket.resolution = "Done."
        with freeze_time("2026-03-18 02:00:00"):
            ticket.action_resolve()
        self.assertFalse(ticket.resolved_on_time)
        self.assertEqual(ticket.on_time_rate, 0.0)

    def test_changing_the_type_or_the_calendar(self):
        ticket = self._create_ticket(received_date="2026-03-16 02:00:00")
        ticket.type_id = self.type_inquiry  # 4 working hours
        self.assertEqual(ticket.resolve_deadline, utc("2026-03-16 07:00:00"))
        # an estate open round the clock
        self.estate.resource_calendar_id = self.env["resource.calendar"].create(
            {
                "name": "24/7",
                "tz": "Asia/Shanghai",
                "attendance_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "day",
                            "dayofweek": str(d),
                            "hour_from": 0,
                            "hour_to": 24,
                        },
                    )
                    for d in range(7)
                ],
            }
        )
        other = self._create_ticket(
            received_date="2026-03-14 02:00:00", type_id=self.type_inquiry.id
        )
        self.assertEqual(other.resolve_deadline, utc("2026-03-14 06:00:00"))
        # deadlines already set keep the calendar of their time
        self.assertEqual(ticket.resolve_deadline, utc("2026-03-16 07:00:00"))

    def test_complaint_record_deadline_is_one_working_day(self):
        ticket = self._create_ticket(
            type_id=self.type_complaint.id, received_date="2026-03-13 08:00:00"
        )
        # Friday 16:00 + 8 working hours = Monday 16:00
        self.assertEqual(ticket.complaint_record_deadline, utc("2026-03-16 08:00:00"))
        self.assertFalse(self._create_ticket().complaint_record_deadline)
