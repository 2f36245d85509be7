from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestWorkOrderTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clerk = new_test_user(
            cls.env,
            login="tour_wo_clerk",
            name="导览前台",
            groups="property_frontdesk.group_property_clerk",
            lang="zh_CN",
            tz="Asia/Shanghai",
        )
        cls.engineer = new_test_user(
            cls.env,
            login="tour_wo_engineer",
            name="导览师傅",
            groups="property_frontdesk.group_property_staff",
            lang="zh_CN",
            tz="Asia/Shanghai",
        )
        estate = cls.env["property.estate"].create({"name": "导览花园", "code": "TOUR"})
        building = cls.env["property.building"].create(
            {"estate_id": estate.id, "name": "导览楼", "code": "8", "floor_count": 20}
        )
        cls.owner = cls.env["res.partner"].create(
            {"name": "欧阳导览", "mobile": "138 8888 0001"}
        )
        cls.unit = cls.env["property.unit"].create(
            {
                "building_id": building.id,
                "floor": 8,
                "number": "0801",
                "built_area": 90.0,
                "inner_area": 75.0,
                "delivery_state": "occupied",
                "member_ids": [
                    Command.create(
                        {
                            "partner_id": cls.owner.id,
                            "role": "owner",
                            "date_start": "2020-01-01",
                            "is_payer": True,
                        }
                    )
                ],
            }
        )
        team = cls.env["property.team"].create(
            {
                "name": "导览工程部",
                "kind": "engineering",
                "leader_id": cls.engineer.id,
            }
        )
        cls.env.company._property_billing_setup()
        finance = new_test_user(
            cls.env,
            login="tour_wo_finance",
            groups="property_frontdesk.group_property_finance",
        )
        cls.env["property.receipt.book"].create(
            {
                "name": "TOUR-001",
                "prefix": "TR",
                "padding": 6,
                "number_from": 1,
                "number_to": 50,
                "user_id": cls.clerk.id,
            }
        ).with_user(finance).action_issue()
        cls.item = cls.env["property.service.item"].create(
            {"name": "导览水龙头更换", "list_price": 20.0, "team_id": team.id}
        )

    def test_tap_repair_from_request_to_callback(self):
        self.start_tour(
            "/odoo/action-property_concierge.property_work_order_action",
            "property_concierge_work_order_tour",
            login="tour_wo_clerk",
        )
        order = self.env["property.work.order"].search([("unit_id", "=", self.unit.id)])
        self.assertEqual(len(order), 1)
        self.assertEqual(order.partner_id, self.owner)
        self.assertEqual(order.service_item_id, self.item)
        self.assertEqual((order.state, order.user_id), ("dispatched", self.engineer))
        self.assertTrue(order.owner_agreed and order.price_confirmed)
        self.assertTrue(order.answered_on_time)
        self.assertEqual(order.registered_by_id, self.clerk)

        url = f"/odoo/action-property_concierge.property_work_order_action/{order.id}"
        self.start_tour(
            url, "property_concierge_work_order_onsite_tour", login="tour_wo_engineer"
        )
        self.assertEqual(order.state, "done")
        self.assertTrue(order.owner_signature)
        self.assertTrue(order.taken_date and order.arrived_date and order.start_date)

        self.start_tour(
            url, "property_concierge_work_order_close_tour", login="tour_wo_clerk"
        )
        self.assertEqual(order.payment_state, "paid")
        receipt = order.receipt_line_ids.receipt_id
        self.assertEqual(receipt.state, "issued")
        self.assertEqual(order.payment_reference, receipt.name)
        self.assertEqual(receipt.amount_total, 20.0)
        self.assertTrue(order.callback_done)
        self.assertEqual(order.rating, "3")
        self.assertEqual(order.callback_ids.user_id, self.clerk)
