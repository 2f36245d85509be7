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
