from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged, users

from .common import PropertyDeskCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-16 02:00:00")  # Monday 10:00 in Shanghai
class TestTicket(PropertyDeskCommon):
    @users("fd_clerk")
    def test_clerk_takes_a_phone_request(self):
        form = Form(self.env["property.ticket"])
        form.unit_id = self.unit.with_env(self.env)
        form.type_id = self.type_repair.with_env(self.env)
        form.subject = "Kitchen tap leaking"
        self.assertEqual(form.estate_id, self.estate.with_env(self.env))
        self.assertEqual(form.partner_id, self.owner.with_env(self.env))
        self.assertEqual(form.contact_phone, "138 0000 0001")
        self.assertEqual(form.channel, "phone")
        ticket = form.save()
        self.assertRegex(ticket.name, r"^SL\d{6}-\d{5}$")
        self.assertEqual(ticket.state, "new")
        self.assertEqual(ticket.accepted_by_id, self.clerk)
        self.assertEqual(ticket.company_id, self.company)
        self.assertIn(self.clerk.partner_id, ticket.message_partner_ids)
        self.assertIn(self.owner, ticket.message_partner_ids)

    def test_first_contact_is_recorded_once(self):
        ticket = self._create_ticket(user=self.clerk)
        with self.assertRaisesRegex(
            UserError, "first contact of a ticket is recorded once"
        ):
            ticket.accepted_by_id = self.supervisor
        with self.assertRaisesRegex(
            UserError, "Clerk Wang accepted ticket .* follows it until it is closed"
        ):
            ticket.message_unsubscribe(partner_ids=self.clerk.partner_id.ids)
        self.assertIn(self.clerk.partner_id, ticket.message_partner_ids)
        with self.assertRaisesRegex(UserError, "Already accepted"):
            ticket.with_user(self.supervisor).action_accept()

    def test_portal_request_is_accepted_by_a_clerk(self):
        ticket = self._create_ticket(channel="portal")
        self.assertFalse(ticket.accepted_by_id)
        ticket.with_user(self.clerk).action_accept()
        self.assertEqual(ticket.accepted_by_id, self.clerk)
        self.assertIn(self.clerk.partner_id, ticket.message_partner_ids)

    def test_dispatch_start_resolve_close(self):
        ticket = self._create_ticket(user=self.clerk)
        ticket.with_user(self.clerk)._dispatch(self.team_eng, self.engineer, "Today")
        self.assertEqual(ticket.state, "dispatched")
        self.assertEqual(ticket.user_id, self.engineer)
        self.assertTrue(ticket.answered_date)
        self.assertIn(self.engineer.partner_id, ticket.message_partner_ids)
        self.assertEqual(ticket.dispatch_ids.dispatched_by_id, self.clerk)
        ticket.with_user(self.engineer).action_start()
        self.assertEqual(ticket.state, "in_progress")
        with self.assertRaisesRegex(UserError, "Describe how the request was resolved"):
            ticket.with_user(self.engineer).action_resolve()
        self.assertEqual(ticket.state, "in_progress")
        ticket.with_user(self.engineer).resolution = "Washer replaced."
        ticket.with_user(self.engineer).action_resolve()
        self.assertEqual(ticket.state, "resolved")
        self.assertEqual(ticket.resolved_by_id, self.engineer)
        self.assertTrue(ticket.resolved_on_time)
        self.assertEqual(ticket.on_time_rate, 100.0)
        with self.assertRaisesRegex(
            UserError, "Call the requester back before closing"
        ):
            ticket.with_user(self.clerk).action_close()
        ticket.with_user(self.clerk)._record_callback(
            {"result_rating": "satisfied", "attitude_rating": "satisfied"}
        )
        ticket.with_user(self.clerk).action_close()
        self.assertEqual(ticket.state, "closed")
        self.assertTrue(ticket.closed_date)

    def test_transitions_check_the_state(self):
        ticket = self._create_ticket()
        with self.assertRaisesRegex(
            UserError, r"Only dispatched tickets can be started: SL.* \(New\)"
        ):
            ticket.action_start()
        with self.assertRaisesRegex(UserError, "Only resolved tickets can be closed"):
            ticket.action_close()
        with self.assertRaisesRegex(
            UserError, "Only resolved tickets can be called back"
        ):
            ticket._record_callback(
                {"result_rating": "satisfied", "attitude_rating": "satisfied"}
            )
        ticket.resolution = "Answered at the desk."
        ticket.action_resolve()
        with self.assertRaisesRegex(UserError, "Only open tickets can be dispatched"):
            ticket._dispatch(self.team_eng)
        with self.assertRaisesRegex(UserError, "Only open tickets can be cancelled"):
            ticket._cancel("Duplicate")

    def test_inquiry_answered_at_the_desk_closes_without_callback(self):
        ticket = self._create_ticket(
            type_id=self.type_inquiry.id, subject="Opening hours?"
        )
        ticket.resolution = "Told the owner: 8:30 to 17:30."
        ticket.action_resolve()
        self.assertEqual(ticket.answered_date, ticket.resolved_date)
        self.assertFalse(ticket.callback_deadline)
        ticket.action_close()
        self.assertEqual(ticket.state, "closed")

    def test_dispatch_to_the_team_leader_by_default(self):
        ticket = self._create_ticket()
        ticket._dispatch(self.team_eng)
        self.assertEqual(ticket.user_id, self.eng_leader)

    def test_assignee_must_belong_to_the_team(self):
        ticket = self._create_ticket()
        with self.assertRaisesRegex(
            UserError, "Guard Ma is not a member of team Engineering"
        ):
            ticket._dispatch(self.team_eng, self.guard)
        self.assertEqual(ticket.state, "new")
        self.assertFalse(ticket.dispatch_ids)
        with self.assertRaisesRegex(
            ValidationError, "Guard Ma is not a member of team Engineering"
        ):
            ticket.write({"team_id": self.team_eng.id, "user_id": self.guard.id})
        with self.assertRaisesRegex(UserError, "Choose the team"):
            ticket._dispatch(self.env["property.team"])

    def test_redispatch_keeps_the_history_and_needs_a_reason(self):
        ticket = self._create_ticket()
        ticket._dispatch(self.team_eng, self.engineer)
        ticket.action_start()
        with self.assertRaisesRegex(UserError, "Give the reason for dispatching again"):
            ticket._dispatch(self.team_security)
        ticket._dispatch(
            self.team_security, note="It is a door lock: security opens it."
        )
        self.assertEqual(ticket.state, "dispatched")
        self.assertEqual(ticket.team_id, self.team_security)
        self.assertEqual(ticket.user_id, self.guard)
        history = ticket.dispatch_ids.sorted("id")
        self.assertEqual(history.team_id, self.team_eng | self.team_security)
        self.assertEqual(history[1].previous_user_id, self.engineer)
        self.assertEqual(history[1].note, "It is a door lock: security opens it.")
        self.assertEqual(ticket.dispatch_count, 2)

    def test_emergency_is_dispatched_at_once_and_the_leader_notified(self):
        ticket = self._create_ticket(
            user=self.clerk,
            type_id=self.type_help.id,
            subject="Smell of gas",
            priority="2",
        )
        self.assertEqual(ticket.state, "dispatched")
        self.assertEqual(ticket.team_id, self.team_security)
        self.assertEqual(ticket.user_id, self.guard)
        message = ticket.message_ids.filtered(lambda m: "Emergency" in (m.body or ""))
        self.assertEqual(len(message), 1)
        self.assertIn(self.guard.partner_id, message.partner_ids)
        self.assertTrue(message.subtype_id.internal)

    def test_emergency_without_team_is_refused(self):
        with self.assertRaisesRegex(
            UserError, "Emergency .* must be dispatched at once: choose its team"
        ):
            self._create_ticket(type_id=self.type_inquiry.id, priority="2")
        self.assertFalse(
            self.env["property.ticket"].search([("type_id", "=", self.type_inquiry.id)])
        )

    def test_raising_a_ticket_to_emergency_dispatches_it(self):
        ticket = self._create_ticket()
        ticket.priority = "2"
        self.assertEqual(ticket.state, "dispatched")
        self.assertEqual(ticket.team_id, self.team_eng)

    def test_cancel_needs_a_reason(self):
        ticket = self._create_ticket()
        with self.assertRaisesRegex(UserError, "Give the reason for cancelling"):
            ticket._cancel("  ")
        wizard = (
            self.env["property.ticket.cancel.wizard"]
            .with_context(active_model="property.ticket", active_ids=ticket.ids)
            .create({"reason": "Registered twice."})
        )
        wizard.action_cancel()
        self.assertEqual(ticket.state, "cancelled")
        self.assertEqual(ticket.cancel_reason, "Registered twice.")

    def test_dispatched_tickets_are_not_deleted(self):
        ticket = self._create_ticket()
        ticket._dispatch(self.team_eng)
        with self.assertRaisesRegex(UserError, "stay in the register; cancel them"):
            ticket.unlink()
        new = self._create_ticket()
        new.unlink()
        self.assertFalse(new.exists())

    def test_unit_must_be_in_the_estate(self):
        other_estate = self.env["property.estate"].create(
            {"name": "Other", "code": "OT"}
        )
        with self.assertRaisesRegex(ValidationError, "is not in estate Other"):
            self._create_ticket(estate_id=other_estate.id)

    def test_dispatch_wizard(self):
        ticket = self._create_ticket()
        wizard = (
            self.env["property.ticket.dispatch.wizard"]
            .with_user(self.clerk)
            .with_context(active_model="property.ticket", active_ids=ticket.ids)
            .create({})
        )
        self.assertEqual(wizard.team_id, self.team_eng, "the type's default team")
        self.assertFalse(wizard.is_redispatch)
        self.assertEqual(wizard.team_staff_ids, self.eng_leader | self.engineer)
        wizard.user_id = self.engineer
        wizard.action_dispatch()
        self.assertEqual(ticket.user_id, self.engineer)

    def test_unit_counts_and_new_ticket_action(self):
        self._create_ticket()
        closed = self._create_ticket(type_id=self.type_inquiry.id)
        closed.resolution = "Answered."
        closed.action_resolve()
        closed.action_close()
        self.assertEqual(self.unit.ticket_count, 2)
        self.assertEqual(self.unit.open_ticket_count, 1)
        self.assertEqual(self.owner.property_ticket_count, 2)
        action = self.unit.action_new_ticket()
        self.assertEqual(action["context"], {"default_unit_id": self.unit.id})

    def test_type_of_another_company_is_refused(self):
        company_b = self.env["res.company"].create({"name": "Company B"})
        foreign_type = self.type_repair.copy(
            {"company_id": company_b.id, "default_team_id": False}
        )
        with self.assertRaisesRegex(ValidationError, "belongs to another company"):
            self._create_ticket(type_id=foreign_type.id)
