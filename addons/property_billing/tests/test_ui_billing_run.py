from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestBillingRunTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company._property_billing_setup()
        cls.user = new_test_user(
            cls.env,
            login="tour_billing",
            name="导览财务",
            groups="property_frontdesk.group_property_manager,"
            "property_frontdesk.group_property_finance",
        )
        estate = cls.env["property.estate"].create(
            {"name": "导览花园", "code": "TOURB"}
        )
        building = cls.env["property.building"].create(
            {"estate_id": estate.id, "name": "导览楼", "code": "8", "floor_count": 20}
        )
        owner = cls.env["res.partner"].create({"name": "欧阳导览"})
        cls.env["property.unit"].create(
            [
                {
                    "building_id": building.id,
                    "floor": 8,
                    "number": number,
                    "built_area": 100.0,
                    "inner_area": 80.0,
                    "delivery_state": "occupied",
                    "member_ids": [
                        Command.create(
                            {
                                "partner_id": owner.id,
                                "role": "owner",
                                "date_start": "2020-01-01",
                                "is_payer": True,
                            }
                        )
                    ],
                }
                for number in ("0801", "0802")
            ]
        )
        cls.env["property.fee.rule"].create(
            {
                "estate_id": estate.id,
                "usage": "residential",
                "product_id": cls.env.ref(
                    "property_billing.product_fee_service"
                ).product_variant_id.id,
                "basis": "area",
                "price": 2.0,
                "date_start": "2025-01-01",
            }
        )
        cls.estate = estate

    def test_monthly_run(self):
        self.start_tour(
            "/odoo/action-property_billing.property_billing_run_action",
            "property_billing_run_tour",
            login="tour_billing",
        )
        run = self.env["property.billing.run"].search(
            [("estate_id", "=", self.estate.id)]
        )
        self.assertEqual(run.state, "done")
        self.assertEqual(str(run.cutoff_date), "2026-11-20")
        self.assertEqual(run.notice_ids.mapped("amount_total"), [200.0, 200.0])
        self.assertEqual(
            run.notice_ids.mapped("property_delivery_signed_by"),
            ["业主本人", "业主本人"],
        )
