from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestReceiptTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("base.lang_zh_CN").active = True
        company = cls.env.company
        company._property_billing_setup()
        cls.clerk = new_test_user(
            cls.env,
            login="tour_billing_clerk",
            name="导览收费员",
            groups="property_frontdesk.group_property_clerk",
            lang="zh_CN",
            tz="Asia/Shanghai",
        )
        cls.book = cls.env["property.receipt.book"].create(
            {
                "name": "TOUR-01",
                "prefix": "TOUR",
                "padding": 6,
                "number_from": 1,
                "number_to": 50,
                "user_id": cls.clerk.id,
            }
        )
        cls.book.action_issue()
        estate = cls.env["property.estate"].create({"name": "缴费花园", "code": "PAYT"})
        building = cls.env["property.building"].create(
            {"estate_id": estate.id, "name": "9栋", "code": "9", "floor_count": 20}
        )
        cls.payer = cls.env["res.partner"].create({"name": "欧阳缴费"})
        cls.unit = cls.env["property.unit"].create(
            {
                "building_id": building.id,
                "floor": 9,
                "number": "0901",
                "built_area": 120.0,
                "inner_area": 100.0,
                "delivery_state": "occupied",
                "member_ids": [
                    Command.create(
                        {"partner_id": cls.payer.id, "role": "owner", "is_payer": True}
                    )
                ],
            }
        )
        service = cls.env.ref("property_billing.product_fee_service").product_variant_id
        cls.notices = cls.env["account.move"]
        for period in ("2026-08", "2026-09", "2026-10"):
            notice = cls.env["account.move"].create(
                {
                    "move_type": "out_invoice",
                    "partner_id": cls.payer.id,
                    "journal_id": company.property_notice_journal_id.id,
                    "invoice_date": f"{period}-01",
                    "property_is_notice": True,
                    "property_unit_id": cls.unit.id,
                    "property_period": period,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": service.id,
                                "price_unit": 300.0,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
            )
            notice.action_post()
            cls.notices |= notice

    def test_cash_payment_at_the_desk(self):
        self.start_tour(
            "/odoo/action-property_billing.property_receipt_action",
            "property_billing_receipt_tour",
            login="tour_billing_clerk",
        )
        receipt = self.env["property.receipt"].search([("unit_id", "=", self.unit.id)])
        self.assertEqual(receipt.state, "issued")
        self.assertEqual(receipt.name, "TOUR000001")
        self.assertEqual(receipt.user_id, self.clerk)
        self.assertEqual(receipt.amount_total, 900.0)
        self.assertEqual(receipt.payment_method, "cash")
        self.assertEqual(set(self.notices.mapped("payment_state")), {"paid"})
        self.assertEqual(receipt.settled_move_ids, self.notices)
        self.assertEqual(receipt.print_count, 1)
