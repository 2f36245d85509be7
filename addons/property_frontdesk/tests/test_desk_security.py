from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import PropertyDeskCommon


@tagged("post_install", "-at_install")
class TestDeskSecurity(PropertyDeskCommon):
    def _closed_ticket(self):
        ticket = self._create_ticket(user=self.clerk, type_id=self.type_inquiry.id)
        ticket.resolution = "Answered at the desk."
        ticket.action_resolve()
        ticket.action_close()
        return ticket

    def test_staff_chain(self):
        self.assertTrue(self.clerk.has_group("property_frontdesk.group_property_staff"))
        self.assertFalse(
            self.engineer.has_group("property_frontdesk.group_property_clerk")
        )

    def test_clerk_cannot_edit_a_closed_ticket(self):
        ticket = self._closed_ticket()
        with self.assertRaises(AccessError):
            ticket.with_user(self.clerk).write({"subject": "Changed afterwards"})
        # but may still comment on it
        ticket.with_user(self.clerk).message_post(body="Owner called to thank us.")
        ticket.with_user(self.supervisor).write({"subject": "Corrected by supervisor"})
        self.assertEqual(ticket.subject, "Corrected by supervisor")

    def test_clerk_cannot_delete_tickets(self):
        ticket = self._create_ticket(user=self.clerk)
        with self.assertRaises(AccessError):
            ticket.with_user(self.clerk).unlink()
        with self.assertRaises(AccessError):
            ticket.with_user(self.supervisor).unlink()
        ticket.with_user(self.manager).unlink()

    def test_staff_see_their_tickets_only(self):
        mine = self._create_ticket()
        mine._dispatch(self.team_eng, self.engineer)
        other = self._create_ticket(subject="Door lock")
        other._dispatch(self.team_security, self.guard)
        Ticket = self.env["property.ticket"].with_user(self.engineer)
        self.assertEqual(Ticket.search([("id", "in", (mine | other).ids)]), mine)
        with self.assertRaises(AccessError):
            other.with_user(self.engineer).read(["subject"])
        # the leader sees the team's tickets
        self.assertEqual(
            Ticket.with_user(self.eng_leader).search(
                [("id", "in", (mine | other).ids)]
            ),
            mine,
        )
        mine.with_user(self.engineer).action_start()
        mine.with_user(self.engineer).resolution = "Done."
        mine.with_user(self.engineer).action_resolve()
        self.assertEqual(mine.state, "resolved")
        # staff raise patrol tickets
        patrol = Ticket.create(
            {
                "subject": "Broken light, car park B1",
                "type_id": self.type_public.id,
                "estate_id": self.estate.id,
                "channel": "patrol",
            }
        )
        self.assertEqual(patrol.accepted_by_id, self.engineer)
        # the history and callbacks of their tickets only
        other._dispatch(self.team_security, self.guard, "Guard again.")
        Dispatch = self.env["property.ticket.dispatch"].with_user(self.engineer)
        self.assertEqual(
            Dispatch.search([("ticket_id", "in", (mine | other).ids)]).ticket_id, mine
        )
        # but neither record callbacks nor configure
        with self.assertRaises(AccessError):
            self.env["property.ticket.callback"].with_user(self.engineer).create(
                {
                    "ticket_id": mine.id,
                    "result_rating": "satisfied",
                    "attitude_rating": "satisfied",
                }
            )
        with self.assertRaises(AccessError):
            self.type_repair.with_user(self.engineer).resolve_hours = 1

    def test_staff_see_the_complaint_records_they_answer_for(self):
        complaint = self._create_ticket(type_id=self.type_complaint.id)
        other = self._create_ticket(type_id=self.type_complaint.id, subject="Noise")
        Record = self.env["property.complaint.record"]
        mine = Record.create(
            {"ticket_id": complaint.id, "responsible_id": self.engineer.id}
        )
        Record.create({"ticket_id": other.id, "responsible_id": self.guard.id})
        records = Record.with_user(self.engineer).search(
            [("ticket_id", "in", (complaint | other).ids)]
        )
        self.assertEqual(records, mine)
        mine.with_user(self.engineer).measures = "Train the team on noise rules."
        self.assertEqual(
            Record.with_user(self.clerk).search_count(
                [("ticket_id", "in", (complaint | other).ids)]
            ),
            2,
        )

    def test_clerk_reads_but_does_not_configure(self):
        self.assertTrue(self.type_repair.with_user(self.clerk).name)
        with self.assertRaises(AccessError):
            self.team_eng.with_user(self.clerk).leader_id = self.clerk
        with self.assertRaises(AccessError):
            self.env["property.shift"].with_user(self.supervisor).create(
                {"name": "Night", "start_hour": 22, "end_hour": 24}
            )
        self.env["property.shift"].with_user(self.manager).create(
            {"name": "Night", "start_hour": 22, "end_hour": 24}
        )

    def test_other_company_sees_nothing(self):
        ticket = self._create_ticket()
        company_b = self.env["res.company"].create({"name": "Company B"})
        clerk_b = new_test_user(
            self.env,
            login="fd_clerk_b",
            groups="property_frontdesk.group_property_clerk",
            company_id=company_b.id,
            company_ids=[Command.set(company_b.ids)],
        )
        self.assertFalse(
            self.env["property.ticket"]
            .with_user(clerk_b)
            .search([("id", "=", ticket.id)])
        )
        with self.assertRaises(AccessError):
            ticket.with_user(clerk_b).read(["subject"])
        with self.assertRaises(AccessError):
            self.team_eng.with_user(clerk_b).read(["name"])

    def test_requester_never_sees_internal_notes(self):
        portal = new_test_user(
            self.env,
            login="fd_portal_owner",
            groups="base.group_portal",
            partner_id=self.owner.id,
        )
        ticket = self._create_ticket(user=self.clerk)
        other = self._create_ticket(
            unit_id=False, estate_id=self.estate.id, partner_id=self.tenant.id
        )
        ticket.with_user(self.clerk).message_post(
            body="Owner is difficult, send Sun.", subtype_xmlid="mail.mt_note"
        )
        ticket.with_user(self.clerk).message_post(
            body="We will come at 15:00.",
            subtype_xmlid="mail.mt_comment",
            message_type="comment",
        )
        ticket._dispatch(self.team_eng, self.engineer, "Check the valve too.")
        self.assertEqual(
            self.env["property.ticket"].with_user(portal).search([]), ticket
        )
        with self.assertRaises(AccessError):
            other.with_user(portal).read(["subject"])
        with self.assertRaises(AccessError):
            ticket.with_user(portal).write({"subject": "Mine"})
        messages = (
            self.env["mail.message"]
            .with_user(portal)
            .search([("model", "=", "property.ticket"), ("res_id", "=", ticket.id)])
        )
        bodies = " ".join(str(m.body) for m in messages)
        self.assertIn("We will come at 15:00.", bodies)
        self.assertNotIn("Owner is difficult", bodies)
        self.assertNotIn("Check the valve too.", bodies)
        # the owner was told when it was resolved
        ticket.action_start()
        ticket.resolution = "Valve replaced."
        ticket.with_context(tracking_disable=False, mail_notrack=False).action_resolve()
        self.env.cr.precommit.run()  # tracking messages are posted on commit
        resolved = (
            self.env["mail.message"]
            .with_user(portal)
            .search(
                [
                    ("model", "=", "property.ticket"),
                    ("res_id", "=", ticket.id),
                    (
                        "subtype_id",
                        "=",
                        self.env.ref("property_frontdesk.mt_ticket_resolved").id,
                    ),
                ]
            )
        )
        self.assertEqual(len(resolved), 1)

    def test_handover_rights(self):
        unit = self._create_unit("1802", floor=18)
        handover = (
            self.env["property.handover"]
            .with_user(self.clerk)
            .create({"unit_id": unit.id, "partner_id": self.tenant.id})
        )
        self.assertTrue(handover.with_user(self.engineer).name)
        with self.assertRaises(AccessError):
            handover.with_user(self.engineer).write({"water_reading": 1.0})
        with self.assertRaises(AccessError):
            handover.with_user(self.clerk).unlink()
        # a clerk removes a wrong line of the checklist
        handover.with_user(self.clerk).key_line_ids[:1].unlink()
