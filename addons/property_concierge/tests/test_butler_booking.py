from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common_billing import PropertyButlerBillingCommon


@tagged("post_install", "-at_install")
class TestButlerBooking(PropertyButlerBillingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rental_company = cls.env["res.partner"].create(
            {"name": "Dazhong Car Rental", "is_company": True}
        )
        cls.Booking = cls.env["property.butler.booking"].with_user(cls.clerk)

    def _car_rental(self, **vals):
        return self.Booking.create(
            {
                "kind": "car_rental",
                "unit_id": self.unit.id,
                "partner_id": self.owner.id,
                "description": "7-seat van with driver, airport run",
                # 2026-11-20 09:00 in Shanghai
                "date_service": datetime(2026, 11, 20, 1, 0),
                "supplier_id": self.rental_company.id,
                "price": 850.0,
                **vals,
            }
        )

    def _paid_car_rental(self):
        booking = self._car_rental()
        booking.action_confirm_price()
        booking.action_take_payment()
        return booking

    def test_car_rental_deposit_ten_percent(self):
        booking = self._car_rental()
        self.assertEqual(booking.payment_mode, "deposit")
        self.assertEqual(booking.amount_advance, 85.0)
        self.assertTrue(booking.name.startswith("DB"))
        with self.assertRaisesRegex(UserError, "Confirm the price of .* before taking"):
            booking.action_take_payment()
        with self.assertRaisesRegex(UserError, "Confirm the price of .* first"):
            booking.action_order()
        booking.action_confirm_price()
        with self.assertRaisesRegex(UserError, "is already confirmed"):
            booking.action_confirm_price()
        with self.assertRaisesRegex(UserError, "Take the prepayment or deposit"):
            booking.action_order()
        receipt = booking.action_take_payment()
        self.assertEqual(receipt.state, "issued")
        self.assertEqual(receipt.partner_id, self.owner)
        self.assertEqual(receipt.line_ids.line_type, "deposit")
        self.assertEqual(receipt.line_ids.butler_booking_id, booking)
        self.assertEqual(receipt.amount_total, 85.0)
        deposit = booking.deposit_id
        self.assertEqual(deposit.deposit_type, "car_rental")
        self.assertEqual(deposit.state, "held")
        self.assertEqual(deposit.amount_held, 85.0)
        self.assertEqual(
            (deposit.res_model, deposit.res_id), (booking._name, booking.id)
        )
        self.assertTrue(booking.advance_paid)
        with self.assertRaisesRegex(UserError, "has already taken the money"):
            booking.action_take_payment()
        with self.assertRaisesRegex(
            UserError, "The price was confirmed with the owner"
        ):
            booking.price = 700.0

    def test_car_rental_must_be_deposit(self):
        with self.assertRaisesRegex(ValidationError, "secured by a 10% deposit"):
            self._car_rental(payment_mode="prepayment")

    def test_cancel_less_than_24_hours_keeps_deposit(self):
        booking = self._paid_car_rental()
        booking.cancel_reason = "Plans changed"
        # 2026-11-19 12:00 Shanghai: 21 hours ahead
        with freeze_time("2026-11-19 04:00:00"):
            booking.action_cancel()
        self.assertEqual(booking.state, "cancelled")
        self.assertEqual(booking.cancel_deduction, 85.0)
        deposit = booking.deposit_id
        self.assertEqual(deposit.state, "refund_requested")
        self.assertEqual(deposit.deduction_requested, 85.0)
        self.assertIn("less than 24", deposit.deduction_reason)
        with self.assertRaisesRegex(UserError, "is already closed"):
            booking.action_cancel()

    def test_kept_deposit_through_refund_flow(self):
        booking = self._paid_car_rental()
        booking.cancel_reason = "No longer needed"
        with freeze_time("2026-11-19 20:00:00"):
            booking.action_cancel()
        deposit = booking.deposit_id
        deposit.with_user(self.manager).action_approve_refund()
        deposit.with_user(self.finance).action_refund()
        self.assertEqual(deposit.state, "refunded")
        self.assertEqual(deposit.amount_deducted, 85.0)
        self.assertEqual(deposit.amount_refunded, 0.0)

    def test_refunded_deposit_when_cancelled_early(self):
        booking = self._paid_car_rental()
        booking.cancel_reason = "Trip postponed"
        with freeze_time("2026-11-17 01:00:00"):
            booking.action_cancel()
        deposit = booking.deposit_id
        deposit.with_user(self.manager).action_approve_refund()
        deposit.with_user(self.finance).action_refund()
        self.assertEqual(deposit.amount_deducted, 0.0)
        self.assertEqual(deposit.amount_refunded, 85.0)

    def test_cancel_24_hours_ahead_refunds(self):
        booking = self._paid_car_rental()
        booking.cancel_reason = "Plans changed"
        # exactly 24 hours ahead
        with freeze_time("2026-11-19 01:00:00"):
            booking.action_cancel()
        self.assertEqual(booking.cancel_deduction, 0.0)
        self.assertEqual(booking.deposit_id.state, "refund_requested")
        self.assertEqual(booking.deposit_id.deduction_requested, 0.0)

    def test_cancel_needs_reason(self):
        booking = self._car_rental()
        with self.assertRaisesRegex(UserError, "Give the reason for cancelling"):
            booking.action_cancel()

    def test_tour_prepaid_on_behalf(self):
        booking = self.Booking.create(
            {
                "kind": "tour",
                "unit_id": self.unit.id,
                "partner_id": self.owner.id,
                "description": "Day tour to Dapeng, 2 adults",
                "date_service": datetime(2026, 12, 5, 0, 0),
                "price": 560.0,
            }
        )
        self.assertEqual(booking.payment_mode, "prepayment")
        self.assertEqual(booking.amount_advance, 560.0)
        with self.assertRaisesRegex(
            UserError, "Enter the price quoted by the supplier"
        ):
            booking.copy({"price": 0.0}).action_confirm_price()
        booking.action_confirm_price()
        receipt = booking.action_take_payment()
        self.assertEqual(receipt.line_ids.line_type, "on_behalf")
        self.assertEqual(
            receipt.line_ids.product_id,
            self.env.ref("property_concierge.product_fee_errand").product_variant_id,
        )
        booking.action_order()
        with self.assertRaisesRegex(UserError, "Write the outcome to report"):
            booking.action_report_outcome()
        booking.outcome = "Booked with CITS, bus leaves 8:00 at the north gate."
        booking.action_report_outcome()
        self.assertEqual(booking.state, "done")
        self.assertTrue(booking.date_reported)
        told = self.env["mail.message"].search(
            [
                ("model", "=", booking._name),
                ("res_id", "=", booking.id),
                ("partner_ids", "in", self.owner.ids),
            ]
        )
        self.assertIn("north gate", told[0].body)
        with self.assertRaisesRegex(UserError, "Bookings confirmed with the owner"):
            booking.with_user(self.manager).unlink()

    def test_cancel_prepaid_asks_supervisor_to_refund(self):
        booking = self.Booking.create(
            {
                "kind": "ticket",
                "unit_id": self.unit.id,
                "partner_id": self.owner.id,
                "description": "2 train tickets Shenzhen-Guangzhou",
                "date_service": datetime(2026, 12, 5, 0, 0),
                "price": 160.0,
            }
        )
        booking.action_confirm_price()
        receipt = booking.action_take_payment()
        booking.cancel_reason = "No tickets left"
        booking.action_cancel()
        self.assertEqual(booking.state, "cancelled")
        activity = booking.activity_ids
        self.assertEqual(activity.user_id, self.supervisor)
        self.assertIn(f"void receipt {receipt.name}", activity.summary)
        receipt.with_user(self.supervisor).action_void("Booking cancelled")
        self.assertFalse(booking.advance_paid)

    def test_clerk_cannot_delete(self):
        booking = self._car_rental()
        with self.assertRaises(AccessError):
            booking.unlink()
        booking.with_user(self.manager).unlink()
        self.assertFalse(booking.exists())

    def test_errand_paid_to_supplier(self):
        booking = self.Booking.create(
            {
                "kind": "laundry",
                "unit_id": self.unit.id,
                "partner_id": self.owner.id,
                "description": "Dry cleaning, 2 suits",
                "date_service": datetime(2026, 12, 5, 0, 0),
                "price": 60.0,
            }
        )
        self.assertEqual(booking.payment_mode, "none")
        booking.action_confirm_price()
        with self.assertRaisesRegex(UserError, "nothing to take at the desk"):
            booking.action_take_payment()
        booking.action_order()
        self.assertEqual(booking.state, "ordered")

    def test_form_car_rental(self):
        form = Form(self.Booking)
        form.kind = "car_rental"
        form.unit_id = self.unit
        form.partner_id = self.owner
        form.description = "Sedan"
        form.date_service = datetime(2026, 12, 1, 1, 0)
        form.price = 399.0
        self.assertEqual(form.amount_advance, 39.9)
        booking = form.save()
        self.assertEqual(booking.payment_mode, "deposit")

    def test_commission_slip_three_parts(self):
        booking = self._paid_car_rental()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "property_concierge.action_report_property_butler_booking", booking.ids
            )[0]
            .decode()
        )
        for label in (
            "First copy: supplier",
            "Second copy: file",
            "Third copy: owner",
        ):
            self.assertEqual(html.count(label), 1, label)
        self.assertEqual(html.count("Commission Slip"), 3)
        self.assertIn("Dazhong Car Rental", html)
        self.assertIn(booking.receipt_id.name, html)
        self.assertIn("捌佰伍拾元整", html)
        self.assertIn("Owner's signature", html)
