import re

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = new_test_user(
            cls.env,
            login="wo_portal",
            groups="base.group_portal",
            name="Owner Portal",
            lang="en_US",
        )
        estate = cls.env["property.estate"].create(
            {"name": "Portal Garden", "code": "PG"}
        )
        building = cls.env["property.building"].create(
            {"estate_id": estate.id, "name": "B1", "code": "1", "floor_count": 10}
        )
        cls.unit = cls.env["property.unit"].create(
            {
                "building_id": building.id,
                "floor": 3,
                "number": "301",
                "built_area": 90.0,
                "inner_area": 75.0,
                "delivery_state": "occupied",
                "member_ids": [
                    Command.create(
                        {
                            "partner_id": cls.portal_user.partner_id.id,
                            "role": "owner",
                            "date_start": "2020-01-01",
                            "is_payer": True,
                        }
                    )
                ],
            }
        )
        cls.other_unit = cls.env["property.unit"].create(
            {
                "building_id": building.id,
                "floor": 3,
                "number": "302",
                "built_area": 90.0,
                "inner_area": 75.0,
            }
        )
        cls.item = cls.env["property.service.item"].create(
            {"name": "Portal tap", "list_price": 20.0}
        )
        cls.hidden_item = cls.env["property.service.item"].create(
            {"name": "Desk copying", "list_price": 0.5, "portal_published": False}
        )
        cls.other_order = cls.env["property.work.order"].create(
            {
                "unit_id": cls.other_unit.id,
                "partner_id": cls.env["res.partner"].create({"name": "Neighbour"}).id,
                "service_item_id": cls.item.id,
                "description": "Neighbour's tap",
            }
        )

    def _post(self, **data):
        form = self.url_open("/my/special-services/new")
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
        return self.url_open(
            "/my/special-services/new", data={"csrf_token": token, **data}
        )

    def test_owner_requests_and_follows_a_service(self):
        self.authenticate("wo_portal", "wo_portal")
        page = self.url_open("/my/special-services/new")
        self.assertIn("Portal tap", page.text)
        self.assertNotIn("Desk copying", page.text)
        response = self._post(
            unit_id=str(self.unit.id),
            service_item_id=str(self.item.id),
            description="Bathroom tap dripping",
            contact_phone="139 0000 1111",
        )
        # the page speaks the site's language (zh_CN in the test database)
        self.assertTrue(
            "agree to the price list first" in response.text
            or "请先同意收费标准" in response.text
        )
        Order = self.env["property.work.order"]
        self.assertFalse(Order.search([("unit_id", "=", self.unit.id)]))
        response = self._post(
            unit_id=str(self.other_unit.id),
            service_item_id=str(self.item.id),
            description="Not my unit",
            owner_agreed="1",
        )
        self.assertTrue(
            "Choose the unit concerned" in response.text
            or "请选择相关房号" in response.text
        )
        self.assertFalse(Order.search([("description", "=", "Not my unit")]))
        self._post(
            unit_id=str(self.unit.id),
            service_item_id=str(self.item.id),
            description="Bathroom tap dripping",
            contact_phone="139 0000 1111",
            preferred_date="2026-11-28T10:00",
            owner_agreed="1",
        )
        order = Order.search([("unit_id", "=", self.unit.id)])
        self.assertEqual(len(order), 1)
        self.assertEqual(order.channel, "portal")
        self.assertTrue(order.owner_agreed)
        self.assertEqual(order.partner_id, self.portal_user.partner_id)
        self.assertEqual(order.contact_phone, "139 0000 1111")
        self.assertEqual(order.amount, 20.0)
        self.assertTrue(order.preferred_date)
        listing = self.url_open("/my/special-services")
        self.assertIn(order.name, listing.text)
        self.assertNotIn(self.other_order.name, listing.text)
        detail = self.url_open(f"/my/special-services/{order.id}")
        self.assertIn("Bathroom tap dripping", detail.text)
        denied = self.url_open(f"/my/special-services/{self.other_order.id}")
        self.assertNotIn("Neighbour&#39;s tap", denied.text)
        self.assertNotIn("Neighbour's tap", denied.text)
