from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common_butler import PropertyButlerCommon


@tagged("post_install", "-at_install")
class TestButlerWakeup(PropertyButlerCommon):
    def _wakeup(self, **vals):
        return (
            self.env["property.butler.wakeup"]
            .with_user(self.clerk)
            .create(
                {
                    "unit_id": self.unit.id,
                    "partner_id": self.owner.id,
                    "wake_time": "2026-11-25 22:30:00",
                    "note": "Flight at 9:00",
                    **vals,
                }
            )
        )

    def test_answered(self):
        call = self._wakeup()
        self.assertEqual(call.phone, "138 0000 0001")
        self.assertTrue(call.name.startswith("JX"))
        call.action_answered()
        self.assertEqual(call.state, "done")
        self.assertEqual(call.attempt_ids.result, "answered")
        self.assertEqual(call.attempt_ids.user_id, self.clerk)
        with self.assertRaisesRegex(UserError, "is not waiting for a call"):
            call.action_no_answer()

    def test_two_unanswered_send_someone_to_the_door(self):
        call = self._wakeup()
        call.action_no_answer()
        self.assertEqual(call.state, "scheduled", "one unanswered call: call again")
        call.action_busy()
        self.assertEqual(call.state, "door")
        self.assertEqual(call.door_user_id, self.supervisor)
        self.assertEqual(call.attempt_count, 2)
        self.assertTrue(call.date_door)
        self.assertEqual(call.activity_ids.user_id, self.supervisor)
        self.assertIn("knock at", call.activity_ids.summary)
        with self.assertRaisesRegex(UserError, "is not waiting for a call"):
            call.action_answered()
        call.action_door_done()
        self.assertEqual(call.state, "done")
        self.assertFalse(call.activity_ids)
        with self.assertRaisesRegex(UserError, "Nobody was sent to the door"):
            call.action_door_done()
        with self.assertRaisesRegex(UserError, "Wake-up calls already made stay"):
            call.with_user(self.manager).unlink()

    def test_door_user_chosen(self):
        call = self._wakeup(door_user_id=self.clerk.id)
        call.action_no_answer()
        call.action_no_answer()
        self.assertEqual(call.door_user_id, self.clerk)
        self.assertEqual(call.activity_ids.user_id, self.clerk)

    def test_second_booking_same_day_warns(self):
        first = self._wakeup()
        form = Form(self.env["property.butler.wakeup"].with_user(self.clerk))
        form.unit_id = self.unit
        form.partner_id = self.owner
        with self.assertLogs("odoo.tests.form.onchange", level="WARNING") as logs:
            form.wake_time = datetime(2026, 11, 25, 23, 0)
        self.assertIn(f"already has wake-up call {first.name}", logs.output[0])
        form.save()

    def test_cancellation_recorded(self):
        call = self._wakeup()
        with self.assertRaisesRegex(UserError, "Record who cancelled wake-up call"):
            call.action_cancel()
        call.cancel_reason = "Owner called: flight delayed"
        call.action_cancel()
        self.assertEqual(call.state, "cancelled")
        self.assertTrue(call.date_cancelled)
        with self.assertRaisesRegex(UserError, "Only scheduled wake-up calls"):
            call.action_cancel()
        with self.assertRaisesRegex(UserError, "is not waiting for a call"):
            call.action_answered()
