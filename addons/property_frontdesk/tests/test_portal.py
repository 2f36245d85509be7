import re

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPortal(HttpCase):
    """Owners follow and submit their requests in the portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        estate = cls.env["property.estate"].create(
            {"name": "Portal Garden", "code": "PG"}
        )
        building = cls.env["property.building"].create(
            {
                "estate_id": estate.id,
                "name": "Building 5",
                "code": "5",
                "floor_count": 9,
            }
        )
        cls.owner = cls.env["res.partner"].create(
            {"name": "Owner Portal", "mobile": "135 0000 0009", "lang": "en_US"}
        )
        cls.portal = new_test_user(
            cls.env,
            login="fd_portal_user",
            groups="base.group_portal",
            partner_id=cls.owner.id,
            lang="en_US",
        )
        cls.unit = cls.env["property.unit"].create(
            {
                "building_id": building.id,
                "floor": 5,
                "number": "501",
                "built_area": 80.0,
                "inner_area": 70.0,
                "delivery_state": "occupied",
                "member_ids": [
                    Command.create(
                        {"partner_id": cls.owner.id, "role": "owner", "is_payer": True}
                    )
                ],
            }
        )
        cls.type = cls.env["property.ticket.type"].create(
            {"name": "Portal repair", "kind": "repair_home"}
        )
        cls.hidden_type = cls.env["property.ticket.type"].create(
            {"name": "Desk only", "kind": "application", "portal_published": False}
        )
        cls.ticket = cls.env["property.ticket"].create(
            {
                "subject": "Door bell broken",
                "type_id": cls.type.id,
                "unit_id": cls.unit.id,
            }
        )
        cls.ticket.message_post(body="Internal: owner complains a lot.")
        cls.ticket.message_post(
            body="We come tomorrow morning.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    def test_owner_sees_the_request_but_not_the_notes(self):
        self.authenticate("fd_portal_user", "fd_portal_user")
        listing = self.url_open("/my/requests")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(self.ticket.name, listing.text)
        self.assertIn("Door bell broken", listing.text)
        page = self.url_open(f"/my/requests/{self.ticket.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Door bell broken", page.text)
        self.assertEqual(self.ticket.access_url, f"/my/requests/{self.ticket.id}")
        # the chatter of the portal is loaded by RPC: public messages only
        messages = self.make_jsonrpc_request(
            "/mail/thread/messages",
            {"thread_model": "property.ticket", "thread_id": self.ticket.id},
        )
        bodies = " ".join(str(m.get("body")) for m in messages["data"]["mail.message"])
        self.assertIn("We come tomorrow morning.", bodies)
        self.assertNotIn("owner complains", bodies)

    def test_owner_submits_a_request(self):
        self.authenticate("fd_portal_user", "fd_portal_user")
        form = self.url_open("/my/requests/new")
        self.assertEqual(form.status_code, 200)
        self.assertIn("5-501", form.text)
        self.assertIn("Portal repair", form.text)
        self.assertNotIn("Desk only", form.text)
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
        # a subject is needed
        retry = self.url_open(
            "/my/requests/new",
            data={
                "csrf_token": token,
                "unit_id": self.unit.id,
                "type_id": self.type.id,
                "subject": " ",
            },
        )
        # in the language of the portal (Chinese in the demo database)
        self.assertRegex(
            retry.text, "Say in a few words what the request is about.|请简要说明"
        )
        # a unit of someone else is refused
        other_unit = self.unit.copy(
            {"number": "502", "member_ids": False, "delivery_state": "not_delivered"}
        )
        refused = self.url_open(
            "/my/requests/new",
            data={
                "csrf_token": token,
                "unit_id": other_unit.id,
                "type_id": self.type.id,
                "subject": "Not mine",
            },
        )
        self.assertRegex(refused.text, "Choose the unit concerned.|请选择相关房号")
        self.assertFalse(
            self.env["property.ticket"].search([("subject", "in", (" ", "Not mine"))])
        )
        response = self.url_open(
            "/my/requests/new",
            data={
                "csrf_token": token,
                "unit_id": self.unit.id,
                "type_id": self.type.id,
                "subject": "Balcony drain blocked",
                "description": "Water stays on the balcony after rain.",
            },
        )
        self.assertEqual(response.status_code, 200)
        ticket = self.env["property.ticket"].search(
            [("subject", "=", "Balcony drain blocked")]
        )
        self.assertEqual(len(ticket), 1)
        self.assertIn(f"/my/requests/{ticket.id}", response.url)
        self.assertEqual(ticket.channel, "portal")
        self.assertEqual(ticket.partner_id, self.owner)
        self.assertEqual(ticket.contact_phone, "135 0000 0009")
        self.assertFalse(ticket.accepted_by_id, "a clerk accepts it")
        self.assertEqual(ticket.state, "new")
        self.assertTrue(ticket.answer_deadline)
        self.assertIn(self.owner, ticket.message_partner_ids)
