from odoo.exceptions import UserError
from odoo.tests import Form, freeze_time, tagged

from .common import PropertyDeskCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-16 02:00:00")
class TestCallback(PropertyDeskCommon):
    def _callback(self, ticket, **vals):
        form = Form(
            self.env["property.ticket.callback.wizard"]
            .with_user(self.clerk)
            .with_context(default_ticket_id=ticket.id)
        )
        form.result_rating = vals.pop("result_rating", "satisfied")
        form.attitude_rating = vals.pop("attitude_rating", "satisfied")
        for name, value in vals.items():
            setattr(form, name, value)
        form.save().action_record()
        return ticket.last_callback_id

    def test_satisfied_callback_allows_closing(self):
        ticket = self._resolved_ticket()
        callback = self._callback(
            ticket, attitude_rating="basic", comment="Quick and clean, thank you."
        )
        self.assertTrue(ticket.callback_done)
        self.assertEqual(callback.user_id, self.clerk)
        self.assertEqual(callback.staff_user_id, self.engineer)
        self.assertEqual(callback.team_id, self.team_eng)
        self.assertEqual(callback.result_satisfaction_rate, 100.0)
        self.assertEqual(callback.attitude_satisfaction_rate, 100.0)
        self.assertEqual(ticket.attitude_rating, "basic")
        ticket.with_user(self.clerk).action_close()
        self.assertEqual(ticket.state, "closed")

    def test_unsatisfied_result_goes_back_to_the_assignee(self):
        ticket = self._resolved_ticket()
        first_deadline = ticket.resolve_deadline
        with freeze_time("2026-03-17 02:00:00"):
            callback = self._callback(
                ticket,
                result_rating="unsatisfied",
                comment="Still dripping at night.",
            )
        self.assertEqual(callback.result_satisfaction_rate, 0.0)
        self.assertEqual(ticket.state, "in_progress")
        self.assertEqual(ticket.rework_count, 1)
        self.assertFalse(ticket.resolved_date)
        self.assertFalse(ticket.callback_done)
        # a fresh working day from the callback (Tuesday 10:00 to Wednesday 10:00)
        self.assertNotEqual(ticket.resolve_deadline, first_deadline)
        self.assertEqual(str(ticket.resolve_deadline), "2026-03-18 02:00:00")
        activity = ticket.activity_ids.filtered(
            lambda a: (
                a.user_id == self.engineer
                and a.summary == "Requester not satisfied: work again"
            )
        )
        self.assertEqual(len(activity), 1)
        self.assertIn("Still dripping at night.", str(activity.note))
        with self.assertRaisesRegex(UserError, "Only resolved tickets can be closed"):
            ticket.action_close()
        # resolved again, called back again: both callbacks are kept
        ticket.resolution = "Cartridge replaced."
        ticket.action_resolve()
        self._callback(ticket)
        self.assertEqual(len(ticket.callback_ids), 2)
        ticket.action_close()

    def test_complaint_about_staff_opens_a_linked_complaint(self):
        ticket = self._resolved_ticket()
        self._callback(
            ticket,
            attitude_rating="unsatisfied",
            comment="The repairman was rude.",
            complaint_about_staff=True,
        )
        complaint = ticket.complaint_ticket_ids
        self.assertEqual(len(complaint), 1)
        self.assertEqual(ticket.last_callback_id.complaint_ticket_id, complaint)
        self.assertEqual(complaint.type_id, self.type_complaint)
        self.assertEqual(complaint.origin_ticket_id, ticket)
        self.assertEqual(complaint.complained_user_id, self.engineer)
        self.assertEqual(complaint.partner_id, self.owner)
        self.assertEqual(complaint.unit_id, self.unit)
        self.assertEqual(complaint.description, "The repairman was rude.")
        self.assertEqual(complaint.accepted_by_id, self.clerk)
        # the supervisor is informed of every complaint
        self.assertIn(self.supervisor.partner_id, complaint.message_partner_ids)
        # the result itself was fine: the original ticket can be closed
        self.assertTrue(ticket.callback_done)
        ticket.action_close()

    def test_complaint_needs_a_complaint_type(self):
        self.type_complaint.active = False
        ticket = self._resolved_ticket()
        with self.assertRaisesRegex(
            UserError, "Configure a ticket type of kind Complaint"
        ):
            ticket._record_callback(
                {
                    "result_rating": "satisfied",
                    "attitude_rating": "unsatisfied",
                    "complaint_about_staff": True,
                }
            )
        self.assertFalse(ticket.callback_ids, "nothing half-recorded")
        self.assertEqual(ticket.state, "resolved")
