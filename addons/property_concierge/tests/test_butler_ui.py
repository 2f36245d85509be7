from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestButlerTours(HttpCase):
    """The butler desk in Chinese, in the browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("base.lang_zh_CN").active = True
        cls.clerk = new_test_user(
            cls.env,
            login="tour_butler_clerk",
            name="导览管家",
            groups="property_frontdesk.group_property_clerk",
            lang="zh_CN",
            tz="Asia/Shanghai",
        )
        cls.supervisor = new_test_user(
            cls.env,
            login="tour_butler_supervisor",
            name="导览主管",
            groups="property_frontdesk.group_property_supervisor",
            lang="zh_CN",
            tz="Asia/Shanghai",
        )
        estate = cls.env["property.estate"].create(
            {
                "name": "导览管家小区",
                "code": "TOURB",
                "supervisor_id": cls.supervisor.id,
            }
        )
        building = cls.env["property.building"].create(
            {"estate_id": estate.id, "name": "8栋", "code": "8", "floor_count": 20}
        )
        cls.owner = cls.env["res.partner"].create(
            {"name": "欧阳管家", "mobile": "138 8888 0009"}
        )
        cls.unit = cls.env["property.unit"].create(
            {
                "building_id": building.id,
                "floor": 9,
                "number": "0901",
                "built_area": 95.0,
                "inner_area": 80.0,
                "delivery_state": "occupied",
                "member_ids": [
                    Command.create(
                        {"partner_id": cls.owner.id, "role": "owner", "is_payer": True}
                    )
                ],
            }
        )

    def test_storage_taken_in(self):
        self.start_tour(
            "/odoo/action-property_concierge.property_butler_storage_action",
            "property_butler_storage_tour",
            login="tour_butler_clerk",
        )
        storage = self.env["property.butler.storage"].search(
            [("unit_id", "=", self.unit.id)]
        )
        self.assertEqual(len(storage), 1)
        self.assertEqual(
            (storage.partner_id, storage.item_count, storage.item_category),
            (self.owner, 2, "luggage"),
        )
        self.assertEqual(storage.state, "held")
        self.assertEqual(storage.user_id, self.clerk)

    def test_wakeup_unanswered_twice(self):
        self.start_tour(
            "/odoo/action-property_concierge.property_butler_wakeup_action",
            "property_butler_wakeup_tour",
            login="tour_butler_clerk",
        )
        call = self.env["property.butler.wakeup"].search(
            [("unit_id", "=", self.unit.id)]
        )
        self.assertEqual(call.state, "done")
        self.assertEqual(call.attempt_ids.mapped("result"), ["no_answer", "busy"])
        self.assertEqual(call.door_user_id, self.supervisor)
        self.assertTrue(call.date_door)
        # typed in the browser's timezone (UTC in headless chromium)
        self.assertIn(
            str(call.wake_time), ("2026-11-25 22:30:00", "2026-11-26 06:30:00")
        )
        self.assertEqual(call.attempt_count, 2)
