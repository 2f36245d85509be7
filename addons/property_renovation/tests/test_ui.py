from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestRenovationTour(HttpCase):
    """A filing from draft to certificate printed, in Chinese, in the browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("base.lang_zh_CN").active = True
        cls.env.company._property_billing_setup()
        cls.user = new_test_user(
            cls.env,
            login="tour_reno",
            name="装修导览",
            groups="property_frontdesk.group_property_clerk,"
            "property_renovation.group_property_renovation_supervisor",
            lang="zh_CN",
            tz="Asia/Shanghai",
        )
        estate = cls.env["property.estate"].create(
            {"name": "导览装修花园", "code": "TRN"}
        )
        building = cls.env["property.building"].create(
            {"estate_id": estate.id, "name": "九栋", "code": "9", "floor_count": 20}
        )
        cls.owner = cls.env["res.partner"].create(
            {"name": "欧阳装修", "mobile": "138 0000 9999"}
        )
        cls.unit = cls.env["property.unit"].create(
            {
                "building_id": building.id,
                "floor": 9,
                "number": "902",
                "built_area": 120.0,
                "inner_area": 100.0,
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
        cls.contractor = cls.env["res.partner"].create(
            {"name": "导览装饰工程有限公司", "is_company": True}
        )
        book = cls.env["property.receipt.book"].create(
            {
                "name": "TRN-001",
                "prefix": "TRN",
                "padding": 6,
                "number_from": 1,
                "number_to": 50,
                "user_id": cls.user.id,
            }
        )
        book.action_issue()

    def test_filing_to_certificate(self):
        self.start_tour(
            "/odoo/action-property_renovation.property_renovation_filing_action",
            "property_renovation_filing_tour",
            login="tour_reno",
        )
        filing = self.env["property.renovation.filing"].search(
            [("unit_id", "=", self.unit.id)]
        )
        self.assertEqual(filing.state, "certificate_issued")
        self.assertTrue(filing.self_renovation)
        self.assertEqual(filing.main_works, "铺木地板、墙面刷漆")
        self.assertEqual(filing.approved_by_id, self.user)
        self.assertEqual(filing.deposit_ids.partner_id, self.owner)
        self.assertEqual(filing.deposit_ids.amount_held, 2000.0)
        self.assertEqual(filing.deposit_ids.state, "held")
        self.assertTrue(filing.certificate_date)


@tagged("post_install", "-at_install")
class TestRenovationPortal(HttpCase):
    def test_owner_sees_filing_in_portal(self):
        owner = self.env["res.partner"].create({"name": "门户业主", "lang": "en_US"})
        other = self.env["res.partner"].create({"name": "别家业主"})
        estate = self.env["property.estate"].create({"name": "门户花园", "code": "PTL"})
        building = self.env["property.building"].create(
            {"estate_id": estate.id, "name": "一栋", "code": "1", "floor_count": 10}
        )
        Unit = self.env["property.unit"]
        units = Unit.create(
            [
                {
                    "building_id": building.id,
                    "floor": 3,
                    "number": number,
                    "built_area": 90.0,
                    "inner_area": 80.0,
                }
                for number in ("301", "302")
            ]
        )
        Filing = self.env["property.renovation.filing"]
        mine, theirs = Filing.create(
            [
                {
                    "unit_id": unit.id,
                    "owner_id": partner.id,
                    "self_renovation": True,
                    "main_works": works,
                }
                for unit, partner, works in (
                    (units[0], owner, "门户铺地板"),
                    (units[1], other, "别家刷墙"),
                )
            ]
        )
        new_test_user(
            self.env,
            login="reno_portal_owner",
            groups="base.group_portal",
            partner_id=owner.id,
            lang="en_US",
        )
        self.authenticate("reno_portal_owner", "reno_portal_owner")
        page = self.url_open("/my/renovations").text
        self.assertIn(mine.name, page)
        self.assertIn("门户铺地板", page)
        self.assertNotIn(theirs.name, page)
        detail = self.url_open(f"/my/renovations/{mine.id}").text
        self.assertIn("门户铺地板", detail)
        # the papers still owed, in the portal's language
        self.assertIn("alert-warning", detail)
        self.assertTrue(
            "Drawings and Construction Plan" in detail or "施工图和施工方案" in detail
        )
        response = self.url_open(f"/my/renovations/{theirs.id}")
        self.assertNotIn("别家刷墙", response.text)
