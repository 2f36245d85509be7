from html import unescape

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUnitTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("base.lang_zh_CN").active = True
        cls.clerk = new_test_user(
            cls.env,
            login="tour_clerk",
            name="Tour Clerk",
            groups="property_frontdesk.group_property_clerk",
            lang="zh_CN",
            tz="Asia/Shanghai",
        )
        estate = cls.env["property.estate"].create({"name": "导览花园", "code": "TOUR"})
        cls.building = cls.env["property.building"].create(
            {"estate_id": estate.id, "name": "导览楼", "code": "8", "floor_count": 20}
        )
        cls.owner = cls.env["res.partner"].create(
            {"name": "欧阳导览", "mobile": "138 8888 0001"}
        )

    def test_clerk_creates_unit_with_owner(self):
        self.start_tour("/odoo", "property_frontdesk_unit_tour", login="tour_clerk")
        unit = self.env["property.unit"].search(
            [("building_id", "=", self.building.id)]
        )
        self.assertEqual(unit.code, "8-1608")
        self.assertEqual(unit.delivery_state, "occupied")
        self.assertEqual(unit.built_area, 126.5)
        self.assertEqual(unit.payer_partner_id, self.owner)
        self.assertEqual(unit.member_ids.role, "owner")
        self.assertEqual(unit.create_uid, self.clerk)


@tagged("post_install", "-at_install")
class TestDeskTours(HttpCase):
    """The desk in Chinese, in the browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("base.lang_zh_CN").active = True
        user_vals = {"lang": "zh_CN", "tz": "Asia/Shanghai"}
        cls.clerk = new_test_user(
            cls.env,
            login="tour_desk_clerk",
            name="导览客服",
            groups="property_frontdesk.group_property_clerk",
            **user_vals,
        )
        cls.engineer = new_test_user(
            cls.env,
            login="tour_engineer",
            name="导览师傅",
            groups="property_frontdesk.group_property_staff",
            **user_vals,
        )
        leader = new_test_user(
            cls.env,
            login="tour_eng_leader",
            name="导览组长",
            groups="property_frontdesk.group_property_staff",
            **user_vals,
        )
        team = cls.env["property.team"].create(
            {
                "name": "导览工程部",
                "leader_id": leader.id,
                "member_ids": [Command.set(cls.engineer.ids)],
            }
        )
        cls.ticket_type = cls.env["property.ticket.type"].create(
            {
                "name": "导览报修",
                "kind": "repair_home",
                "resolve_hours": 24,
                "callback_required": True,
                "default_team_id": team.id,
            }
        )
        estate = cls.env["property.estate"].create(
            {"name": "导览小区", "code": "TOUR2"}
        )
        building = cls.env["property.building"].create(
            {"estate_id": estate.id, "name": "8栋", "code": "8", "floor_count": 20}
        )
        cls.owner = cls.env["res.partner"].create(
            {"name": "欧阳业主", "mobile": "138 8888 0002"}
        )
        cls.unit = cls.env["property.unit"].create(
            {
                "building_id": building.id,
                "floor": 8,
                "number": "0801",
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
        cls.new_unit = cls.env["property.unit"].create(
            {
                "building_id": building.id,
                "floor": 8,
                "number": "0802",
                "built_area": 120.0,
                "inner_area": 100.0,
            }
        )
        cls.buyer = cls.env["res.partner"].create({"name": "司徒新业主"})
        # a short checklist for the handover tour
        for model in (
            "property.handover.checklist.item",
            "property.agreement.type",
            "property.handover.item",
        ):
            cls.env[model].search([]).active = False
        cls.env["property.handover.checklist.item"].create(
            {"name": "导览身份证", "owner_kind": "family", "required": True}
        )
        cls.env["property.agreement.type"].create(
            {"name": "导览服务协议", "required": True}
        )
        cls.env["property.handover.item"].create(
            {
                "name": "导览钥匙",
                "item_type": "handed",
                "key_kind": "key",
                "quantity": 2,
            }
        )

    def test_phone_repair_from_the_unit_to_the_callback(self):
        self.start_tour(
            f"/odoo/action-property_frontdesk.property_unit_action/{self.unit.id}",
            "property_frontdesk_ticket_tour",
            login="tour_desk_clerk",
        )
        ticket = self.env["property.ticket"].search([("unit_id", "=", self.unit.id)])
        self.assertEqual(ticket.subject, "卫生间水管漏水")
        self.assertEqual(ticket.channel, "phone")
        self.assertEqual(ticket.partner_id, self.owner)
        self.assertEqual(ticket.accepted_by_id, self.clerk)
        self.assertEqual((ticket.state, ticket.user_id), ("dispatched", self.engineer))
        self.assertEqual(ticket.dispatch_ids.dispatched_by_id, self.clerk)

        self.start_tour(
            "/odoo/action-property_frontdesk.property_ticket_action_my",
            "property_frontdesk_ticket_resolve_tour",
            login="tour_engineer",
        )
        self.assertEqual(ticket.state, "resolved")
        self.assertEqual(ticket.resolved_by_id, self.engineer)
        self.assertIn("密封圈", ticket.resolution)

        self.start_tour(
            "/odoo/action-property_frontdesk.property_ticket_action_callback",
            "property_frontdesk_ticket_callback_tour",
            login="tour_desk_clerk",
        )
        self.assertEqual(ticket.state, "closed")
        callback = ticket.callback_ids
        self.assertEqual(
            (callback.user_id, callback.result_rating, callback.attitude_rating),
            (self.clerk, "satisfied", "basic"),
        )
        self.assertIn("师傅很专业", callback.comment)

    def test_handover_completed_and_printed(self):
        self.start_tour(
            "/odoo/action-property_frontdesk.property_handover_action",
            "property_frontdesk_handover_tour",
            login="tour_desk_clerk",
        )
        handover = self.env["property.handover"].search(
            [("unit_id", "=", self.new_unit.id)]
        )
        self.assertEqual(handover.state, "done")
        self.assertEqual(handover.document_line_ids.status, "copy_kept")
        self.assertEqual(handover.water_reading, 3.25)
        self.assertEqual(self.new_unit.delivery_state, "vacant")
        self.assertEqual(self.new_unit.payer_partner_id, self.buyer)
        content = self.env["ir.actions.report"]._render_qweb_pdf(
            "property_frontdesk.action_report_property_handover", handover.ids
        )[0]
        html = unescape(content.decode())
        # printed in the customer's language
        self.assertIn(handover.name, html)
        self.assertIn("8-0802", html)
        self.assertIn("司徒新业主", html)
        self.assertIn("导览身份证", html)
        self.assertIn("导览钥匙", html)
        self.assertIn("3.25", html)
        self.assertIn("o_property_signatures", html)
