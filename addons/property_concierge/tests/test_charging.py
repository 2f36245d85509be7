from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PropertyConciergeCommon


@tagged("post_install", "-at_install")
class TestCharging(PropertyConciergeCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fee_special = cls.env.ref(
            "property_billing.product_fee_special_service"
        ).product_variant_id

    def _receipt_of(self, order, user=None):
        action = order.with_user(user or self.clerk).action_create_receipt()
        return self.env["property.receipt"].browse(action["res_id"])

    def test_paid_on_the_day_by_a_receipt(self):
        order = self._done_order(quantity=2)
        receipt = self._receipt_of(order)
        self.assertEqual(receipt.state, "draft")
        self.assertEqual(receipt.partner_id, self.owner)
        self.assertEqual(receipt.unit_id, self.unit)
        line = receipt.line_ids
        self.assertEqual(line.line_type, "fee")
        self.assertEqual(line.product_id, self.fee_special)
        self.assertEqual(line.amount, 40.0)
        self.assertEqual(line.work_order_id, order)
        self.assertIn(order.name, line.name)
        self.assertEqual(
            self._receipt_of(order), receipt, "the open draft is reused, not doubled"
        )
        receipt.with_user(self.clerk).action_issue()
        self.assertEqual(order.payment_state, "paid")
        self.assertEqual(order.payment_reference, receipt.name)
        self.assertEqual(order.receipt_count, 1)
        self.assertIn("肆拾", receipt.amount_total_words)
        with self.assertRaisesRegex(UserError, "is not waiting for payment"):
            order.with_user(self.clerk).action_create_receipt()
        # a voided receipt puts the order back to be paid
        receipt.with_user(self.supervisor).action_void("Wrong payer")
        self.assertEqual(order.payment_state, "to_pay")
        self.assertFalse(order.payment_reference)

    def test_receipt_only_once_accepted(self):
        order = self._started_order()
        with self.assertRaisesRegex(UserError, "paid once the owner has accepted"):
            order.with_user(self.clerk).action_create_receipt()
        with self.assertRaisesRegex(UserError, "Only the front desk"):
            order.with_user(self.engineer).action_create_receipt()

    def test_cleaning_receipted_before_the_service(self):
        order = self._create_order(
            service_item_id=self.item_cleaning.id, quantity=3, description="Clean"
        )
        order.write(
            {"user_id": self.cleaner.id, "appointment_date": "2026-11-21 01:00:00"}
        )
        order.action_dispatch()
        order.action_confirm_price()
        receipt = self._receipt_of(order)
        self.assertEqual(receipt.line_ids.amount, 90.0)
        receipt.with_user(self.clerk).action_issue()
        self.assertEqual(order.payment_state, "paid")
        order.with_user(self.cleaner).action_take()
        order.with_user(self.cleaner).action_arrive()
        order.with_user(self.cleaner).action_start()
        self.assertEqual(order.state, "in_progress")
        with self.assertRaisesRegex(UserError, "void its receipt before cancelling"):
            order.with_user(self.clerk)._cancel("Owner away")

    def test_unpaid_carried_to_the_monthly_notice_once(self):
        order = self._done_order()
        order.with_user(self.clerk).write({"unpaid_signed": True})
        order.with_user(self.clerk).action_mark_unpaid()
        paid = self._done_order()
        paid._set_paid("R-1")
        run = self.env["property.billing.run"].create(
            {"name": "2026-12", "estate_id": self.estate.id, "period": "2026-12"}
        )
        charges = run._get_extra_charges(self.unit)
        mine = [c for c in charges if c.get("source") in (order | paid)]
        self.assertEqual(len(mine), 1, "only the unpaid order is billed")
        charge = mine[0]
        self.assertEqual(charge["origin_ref"], order.name)
        self.assertEqual(charge["price_unit"], 20.0)
        self.assertEqual(charge["product_id"], self.fee_special.id)
        self.assertEqual(charge["unit_id"], self.unit.id)
        self.assertEqual(charge["name"], "Replace a tap")
        # the run creates the notice; its line carries the work order number
        notice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.owner.id,
                "journal_id": self.company.property_notice_journal_id.id,
                "invoice_date": "2026-12-01",
                "property_is_notice": True,
                "property_unit_id": self.unit.id,
                "property_period": "2026-12",
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": charge["product_id"],
                            "name": f"{charge['origin_ref']} {charge['name']}",
                            "price_unit": charge["price_unit"],
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        charge["move_line_id"] = notice.invoice_line_ids.id
        run._extra_charges_billed(charges)
        self.assertEqual(order.payment_state, "billed")
        self.assertEqual(order.notice_id, notice)
        self.assertEqual(order.payment_reference, notice.name)
        self.assertIn(order.name, order.notice_line_id.name)
        self.assertFalse(
            order.activity_ids.filtered(
                lambda a: a.summary == "Follow up the unpaid special service"
            ),
            "the desk's follow-up stops",
        )
        again = run._get_extra_charges(self.unit)
        self.assertFalse([c for c in again if c.get("source") == order])

    def test_monthly_run_bills_the_unpaid_order_once(self):
        order = self._done_order()
        order.with_user(self.clerk).write({"unpaid_signed": True})
        order.with_user(self.clerk).action_mark_unpaid()
        run = self.env["property.billing.run"].create(
            {"estate_id": self.estate.id, "period": "2026-11"}
        )
        run.action_start()
        line = run.notice_ids.invoice_line_ids.filtered(
            lambda ln: ln.product_id == self.fee_special
        )
        self.assertEqual(len(line), 1)
        self.assertEqual(line.name, f"{order.name} Replace a tap")
        self.assertEqual(line.price_subtotal, 20.0)
        self.assertEqual(line.move_id.property_unit_id, self.unit)
        self.assertEqual(order.payment_state, "billed")
        self.assertEqual(order.notice_line_id, line)
        next_run = self.env["property.billing.run"].create(
            {"estate_id": self.estate.id, "period": "2026-12"}
        )
        next_run.action_start()
        self.assertFalse(
            next_run.notice_ids.invoice_line_ids.filtered(
                lambda ln: ln.product_id == self.fee_special
            ),
            "never billed twice",
        )
