from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import PropertyConciergeCommon


@tagged("post_install", "-at_install")
class TestCallback(PropertyConciergeCommon):
    def _callback(self, order, user=None, **vals):
        Callback = self.env["property.work.order.callback"]
        if user:
            Callback = Callback.with_user(user)
        return Callback.create(
            {
                "work_order_id": order.id,
                "method": "phone",
                "rating": "3",
                "owner_words": "Quick and tidy",
                **vals,
            }
        )

    def test_only_completed_orders_are_called_back(self):
        order = self._started_order()
        with self.assertRaisesRegex(UserError, "only completed orders are called back"):
            self._callback(order, user=self.clerk)

    @freeze_time("2026-11-20 06:00:00")
    def test_callback_deadline_10th_of_next_month(self):
        order = self._done_order()
        self.assertEqual(order.callback_deadline, date(2026, 12, 10))
        with freeze_time("2026-12-10 08:00:00"):
            self.env["property.work.order"]._cron_mark_overdue()
        self.assertFalse(order.is_callback_overdue, "the 10th itself is in time")
        with freeze_time("2026-12-11 02:00:00"):
            flagged = self.env["property.work.order"]._cron_mark_overdue()
        self.assertIn(order, flagged)
        self.assertTrue(order.is_callback_overdue)
        self._callback(order, user=self.clerk)
        self.assertFalse(order.is_callback_overdue)
        self.assertTrue(order.callback_done)
        self.assertEqual(order.rating, "3")

    @freeze_time("2026-11-30 17:00:00")
    def test_deadline_uses_the_local_month(self):
        # 01:00 on 1 December in Shanghai: the December callbacks, due 10 January
        order = self._done_order()
        self.env.user.tz = "Asia/Shanghai"
        order.invalidate_recordset(["callback_deadline"])
        order._compute_callback_deadline()
        self.assertEqual(order.callback_deadline, date(2027, 1, 10))

    def test_one_callback_per_order(self):
        order = self._done_order()
        self._callback(order, user=self.clerk)
        with self.assertRaisesRegex(UserError, "has already been called back"):
            self._callback(order, user=self.clerk)

    def test_dissatisfied_needs_a_cause(self):
        order = self._done_order()
        with self.assertRaisesRegex(
            ValidationError, "record why the owner is dissatisfied"
        ):
            self._callback(order, user=self.clerk, rating="1", owner_words="Too slow")
        callback = self._callback(
            order,
            user=self.clerk,
            rating="1",
            owner_words="Came two hours late",
            dissatisfaction_cause="timeliness",
        )
        self.assertFalse(callback.is_satisfied)
        self.assertEqual(callback.satisfaction_rate, 0.0)
        self.assertIn(self.supervisor, order.activity_ids.user_id)

    def test_spot_checks_by_the_manager(self):
        order = self._done_order()
        self._callback(order, user=self.clerk)
        with self.assertRaisesRegex(
            UserError, "Only the service-centre manager records spot checks"
        ):
            self._callback(order, user=self.clerk, is_spot_check=True)
        spot = self._callback(
            order, user=self.manager, is_spot_check=True, method="on_site"
        )
        self.assertTrue(spot.is_spot_check)
        self.assertEqual(
            order.callback_method, "phone", "the callback, not the spot check"
        )
