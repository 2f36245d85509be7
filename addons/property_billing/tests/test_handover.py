from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PropertyBillingCommon


@tagged("post_install", "-at_install")
class TestHandoverBilling(PropertyBillingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.new_unit = cls._create_unit("1801", floor=18)  # 90 m²
        cls.buyer = cls.env["res.partner"].create(
            {"name": "Buyer Feng", "mobile": "136 0000 0003", "lang": "en_US"}
        )
        cls.estate.property_service_fee_rate = 2.5  # 3 months: 675.00

    def _handover(self, **vals):
        handover = (
            self.env["property.handover"]
            .with_user(self.clerk)
            .create(
                {
                    "handover_type": "first_delivery",
                    "unit_id": self.new_unit.id,
                    "partner_id": self.buyer.id,
                    **vals,
                }
            )
        )
        handover.document_line_ids.status = "copy_kept"
        handover.agreement_line_ids.signed = True
        handover.write({"readings_confirmed": True, "keys_signed": True})
        return handover

    def test_resale_blocked_by_previous_payer_arrears(self):
        notice = self._create_notice(amount=420.0, period="2026-10")
        handover = self._handover(handover_type="resale", unit_id=self.unit.id)
        (blocker,) = handover._get_billing_completion_blockers()
        self.assertIn("The previous payer still owes 420.00 on 1 payment", blocker)
        self.assertIn(notice.name, blocker)
        with self.assertRaisesRegex(UserError, "still owes 420.00"):
            handover.with_user(self.clerk).action_complete()
        self._issue_receipt([{"line_type": "notice", "amount": 420.0}])
        self.assertEqual(handover._get_billing_completion_blockers(), [])
        handover.with_user(self.clerk).action_complete()
        self.assertEqual(handover.state, "done")
        self.assertEqual(self.unit.payer_partner_id, self.buyer)

    def test_first_delivery_collects_three_months(self):
        handover = self._handover()
        (blocker,) = handover._get_billing_completion_blockers()
        self.assertIn("first 3 months of property service fee", blocker)
        self.assertIn("675.00, received 0.00", blocker)
        with self.assertRaisesRegex(UserError, "before handing over the keys"):
            handover.with_user(self.clerk).action_complete()
        self._issue_receipt(
            [
                {
                    "line_type": "prepayment",
                    "product_id": self.fee_service.id,
                    "amount": 600.0,
                }
            ],
            partner=self.buyer,
            unit=self.new_unit,
        )
        (blocker,) = handover._get_billing_completion_blockers()
        self.assertIn("received 600.00", blocker)
        self._issue_receipt(
            [
                {
                    "line_type": "prepayment",
                    "product_id": self.fee_service.id,
                    "amount": 75.0,
                }
            ],
            partner=self.buyer,
            unit=self.new_unit,
        )
        self.assertEqual(handover._get_billing_completion_blockers(), [])

    def test_first_delivery_utility_prepayment(self):
        self.estate.write(
            {
                "property_meters_per_household": False,
                "property_utility_prepayment": 500.0,
            }
        )
        self._issue_receipt(
            [
                {
                    "line_type": "prepayment",
                    "product_id": self.fee_service.id,
                    "amount": 675.0,
                }
            ],
            partner=self.buyer,
            unit=self.new_unit,
        )
        handover = self._handover()
        (blocker,) = handover._get_billing_completion_blockers()
        self.assertIn("utility prepayment (500.00, received 0.00)", blocker)
        receipt = self._issue_receipt(
            [
                {
                    "line_type": "prepayment",
                    "product_id": self.fee_water.id,
                    "amount": 500.0,
                }
            ],
            partner=self.buyer,
            unit=self.new_unit,
        )
        self.assertEqual(receipt.receipt_kind, "utility")
        self.assertEqual(handover._get_billing_completion_blockers(), [])
        # a voided receipt does not count
        receipt.with_user(self.supervisor).action_void("Wrong unit")
        self.assertEqual(len(handover._get_billing_completion_blockers()), 1)
