from datetime import datetime, timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import SIGNATURE, PropertyConciergeCommon


@tagged("post_install", "-at_install")
class TestWorkOrder(PropertyConciergeCommon):
    def test_registration_defaults(self):
        form = Form(self.env["property.work.order"].with_user(self.clerk))
        form.unit_id = self.unit
        form.service_item_id = self.item_tap
        form.description = "Bathroom tap leaking"
        form.quantity = 2
        order = form.save()
        self.assertRegex(order.name, r"^TY\d{6}-\d{4}$")
        self.assertEqual(order.partner_id, self.owner)
        self.assertEqual(order.contact_phone, "138 0000 0001")
        self.assertEqual(order.team_id, self.team_eng)
        self.assertEqual(order.price_unit, 20.0)
        self.assertEqual(order.amount, 40.0)
        self.assertEqual(order.registered_by_id, self.clerk)
        self.assertEqual(order.payment_state, "to_pay")
        self.assertEqual(order.state, "draft")

    @freeze_time("2026-11-20 01:00:00")
    def test_answer_deadline_15_minutes(self):
        late = self._create_order()
        on_time = self._create_order()
        self.assertEqual(late.answer_deadline, datetime(2026, 11, 20, 1, 15))
        with freeze_time("2026-11-20 01:10:00"):
            on_time.action_answer()
            self.env["property.work.order"]._cron_mark_overdue()
        self.assertFalse(late.is_answer_overdue, "not late yet after 10 minutes")
        with freeze_time("2026-11-20 01:16:00"):
            flagged = self.env["property.work.order"]._cron_mark_overdue()
        self.assertEqual(flagged, late)
        self.assertTrue(late.is_answer_overdue)
        self.assertTrue(late.activity_ids, "the supervisor is reminded")
        self.assertEqual(late.activity_ids.user_id, self.supervisor)
        self.assertTrue(on_time.answered_on_time)
        self.assertFalse(on_time.is_answer_overdue)
        with freeze_time("2026-11-20 01:20:00"):
            late.write(
                {"user_id": self.engineer.id, "appointment_date": "2026-11-20 06:00:00"}
            )
            late.action_dispatch()
        self.assertFalse(late.is_answer_overdue, "answered now by the dispatch")
        self.assertFalse(late.answered_on_time)
        self.assertEqual(late.answered_on_time_rate, 0.0)
        self.assertEqual(on_time.answered_on_time_rate, 100.0)

    def test_dispatch_requires_agreement_team_and_appointment(self):
        order = self._create_order(owner_agreed=False)
        with self.assertRaisesRegex(UserError, "explain that the service is paid"):
            order.with_user(self.clerk).action_dispatch()
        order.with_user(self.clerk).action_owner_agrees()
        self.assertTrue(order.owner_agreed)
        with self.assertRaisesRegex(UserError, "choose the team, the technician"):
            order.with_user(self.clerk).action_dispatch()
        with self.assertRaisesRegex(ValidationError, "is not a member of the team"):
            order.write({"user_id": self.guard.id})
        order.write(
            {"user_id": self.engineer.id, "appointment_date": "2026-11-20 06:00:00"}
        )
        with self.assertRaisesRegex(UserError, "Only the front desk can do this"):
            order.with_user(self.engineer).action_dispatch()
        order.with_user(self.clerk).action_dispatch()
        self.assertEqual(order.state, "dispatched")
        self.assertTrue(order.answered_date)
        self.assertEqual(order.activity_ids.user_id, self.engineer)

    def test_outside_price_list_needs_consents_and_quote(self):
        order = self._create_order(
            service_item_id=False, category="other", description="Hang a chandelier"
        )
        self.assertTrue(order.is_outside_catalogue)
        self.assertEqual(order.pricing, "quoted")
        order.write(
            {"user_id": self.engineer.id, "appointment_date": "2026-11-20 06:00:00"}
        )
        order.team_id = self.team_eng
        with self.assertRaisesRegex(UserError, "needs the consent of the supervisor"):
            order.with_user(self.clerk).action_dispatch()
        with self.assertRaisesRegex(UserError, "Only a supervisor can consent"):
            order.with_user(self.clerk).action_supervisor_consent()
        order.with_user(self.supervisor).action_supervisor_consent()
        with self.assertRaisesRegex(UserError, "needs the consent of the supervisor"):
            order.with_user(self.clerk).action_dispatch()
        with self.assertRaisesRegex(UserError, "Only the leader of Engineering"):
            order.with_user(self.engineer).action_team_consent()
        order.with_user(self.eng_leader).action_team_consent()
        self.assertEqual(order.team_consent_id, self.eng_leader)
        self.assertEqual(order.supervisor_consent_id, self.supervisor)
        order.with_user(self.clerk).action_dispatch()
        with self.assertRaisesRegex(UserError, "enter the quoted price"):
            order.with_user(self.clerk).action_confirm_price()
        order.with_user(self.clerk).price_unit = 150.0
        order.with_user(self.clerk).action_confirm_price()
        self.assertEqual(order.amount, 150.0)

    def test_price_confirmed_before_start(self):
        order = self._dispatched_order(service_item_id=self.item_aircon.id)
        engineer_order = order.with_user(self.engineer)
        with self.assertRaisesRegex(UserError, "record when you took the order"):
            engineer_order.action_arrive()
        engineer_order.action_take()
        with self.assertRaisesRegex(UserError, "record the arrival on site"):
            engineer_order.action_start()
        engineer_order.action_arrive()
        self.assertTrue(order.taken_date and order.arrived_date)
        with self.assertRaisesRegex(
            UserError, "price must be confirmed with the owner"
        ):
            engineer_order.action_start()
        with self.assertRaisesRegex(UserError, "enter the quoted price"):
            order.with_user(self.clerk).action_confirm_price()
        order.with_user(self.clerk).price_unit = 180.0
        order.with_user(self.clerk).action_confirm_price()
        with self.assertRaisesRegex(
            UserError, "agreed with the owner and cannot be changed"
        ):
            order.with_user(self.clerk).price_unit = 120.0
        engineer_order.action_start()
        self.assertEqual(order.state, "in_progress")
        self.assertEqual(order.amount, 180.0)

    def test_other_technician_cannot_work_the_order(self):
        order = self._dispatched_order()
        other = self.env["res.users"].create(
            {
                "name": "Electrician Liu",
                "login": "cc_electrician",
                "groups_id": [
                    (6, 0, self.env.ref("property_frontdesk.group_property_staff").ids)
                ],
            }
        )
        self.team_eng.member_ids |= other
        with self.assertRaisesRegex(UserError, "is dispatched to Engineer Sun"):
            order.with_user(other).action_take()

    def test_technician_cannot_change_prices(self):
        order = self._dispatched_order(service_item_id=self.item_aircon.id)
        with self.assertRaisesRegex(UserError, "a technician cannot"):
            order.with_user(self.engineer).write({"price_unit": 999.0})
        with self.assertRaisesRegex(UserError, "a technician cannot"):
            order.with_user(self.engineer).write({"quantity": 3})
        with self.assertRaisesRegex(UserError, "a technician cannot"):
            order.with_user(self.engineer).write({"service_item_id": self.item_tap.id})
        self.assertEqual(order.price_unit, 0.0)
        # the technician records the work itself
        order.with_user(self.engineer).write({"work_done": "Refrigerant refilled"})
        with self.assertRaises(AccessError):
            self.env["property.service.item"].with_user(self.engineer).browse(
                self.item_tap.id
            ).write({"list_price": 5.0})

    def test_owner_signs_when_accepting(self):
        order = self._started_order()
        with self.assertRaisesRegex(UserError, "the owner signs the work order"):
            order.action_owner_accept()
        order.owner_signature = SIGNATURE
        order.with_user(self.engineer).action_owner_accept()
        self.assertEqual(order.state, "done")
        self.assertTrue(order.first_time_right)
        self.assertEqual(order.first_time_right_rate, 100.0)

    def test_rework_loop_and_escalation(self):
        order = self._started_order()
        with self.assertRaisesRegex(UserError, "send the order back for rework first"):
            self._reason(order, "escalate", "Owner angry", user=self.engineer)
        self._reason(order, "rework", "Still dripping", user=self.engineer)
        self._reason(order, "rework", "Dripping again", user=self.engineer)
        self.assertEqual(order.state, "in_progress")
        self.assertEqual(order.rework_count, 2)
        self.assertEqual(order.rework_reason, "Dripping again")
        self._reason(order, "escalate", "Owner still not satisfied", user=self.engineer)
        self.assertEqual(order.state, "escalated")
        self.assertIn(self.manager, order.activity_ids.user_id)
        with self.assertRaisesRegex(
            UserError, "Only the service-centre manager settles"
        ):
            self._reason(order, "settle", "Tap replaced free", user=self.supervisor)
        self._reason(
            order, "settle", "New tap fitted free of charge", user=self.manager
        )
        self.assertEqual(order.state, "done")
        self.assertEqual(order.escalation_resolution, "New tap fitted free of charge")
        self.assertFalse(order.first_time_right)
        self.assertEqual(order.first_time_right_rate, 0.0)

    def test_damage_settled_through_the_manager(self):
        order = self._started_order()
        self._reason(order, "damage", "Scratched the tiles", user=self.engineer)
        self.assertEqual(order.damage_state, "reported")
        self.assertIn(self.manager, order.activity_ids.user_id)
        with self.assertRaisesRegex(
            UserError, "Only the service-centre manager settles damage"
        ):
            self._reason(order, "settle_damage", "Paid 100", user=self.clerk)
        order.owner_signature = SIGNATURE
        order.action_owner_accept()
        order.with_user(self.clerk).write({"unpaid_signed": True})
        order.with_user(self.clerk).action_mark_unpaid()
        with self.assertRaisesRegex(UserError, "damage must be settled"):
            order.with_user(self.clerk).action_close()
        self._reason(
            order, "settle_damage", "Tile replaced at our cost", user=self.manager
        )
        self.assertEqual(order.damage_state, "settled")
        self.assertEqual(order.damage_settled_by_id, self.manager)
        order.with_user(self.clerk).action_close()
        self.assertEqual(order.state, "closed")

    def test_cancel_at_the_desk_never_deleted(self):
        order = self._dispatched_order()
        with self.assertRaisesRegex(UserError, "Only the front desk can do this"):
            self._reason(order, "cancel", "Owner fixed it", user=self.engineer)
        self._reason(order, "cancel", "Owner fixed it himself", user=self.clerk)
        self.assertEqual(order.state, "cancelled")
        self.assertEqual(order.cancel_reason, "Owner fixed it himself")
        self.assertEqual(order.cancelled_by_id, self.clerk)
        self.assertEqual(order.payment_state, "none")
        self.assertFalse(order.activity_ids, "the technician's to-do is gone")
        with self.assertRaisesRegex(UserError, "Cannot cancel .*: it is Cancelled"):
            self._reason(order, "cancel", "Again", user=self.clerk)
        with self.assertRaises(AccessError):
            order.with_user(self.clerk).unlink()
        with self.assertRaisesRegex(UserError, "Work orders are never deleted"):
            order.with_user(self.manager).unlink()
        self.assertTrue(order.exists())

    def test_completed_order_cannot_be_cancelled(self):
        order = self._done_order()
        with self.assertRaisesRegex(
            UserError, "Cannot cancel .*: it is Accepted by Owner"
        ):
            self._reason(order, "cancel", "Changed mind", user=self.clerk)

    def test_cleaning_paid_before_service(self):
        order = self._create_order(
            service_item_id=self.item_cleaning.id, quantity=3, description="Full clean"
        )
        self.assertTrue(order.prepaid)
        self.assertEqual(order.team_id, self.team_cleaning)
        order.write(
            {"user_id": self.cleaner.id, "appointment_date": "2026-11-21 01:00:00"}
        )
        order.action_dispatch()
        order.action_confirm_price()
        order.with_user(self.cleaner).action_take()
        order.with_user(self.cleaner).action_arrive()
        with self.assertRaisesRegex(
            UserError, "Indoor cleaning is paid at the desk before"
        ):
            order.with_user(self.cleaner).action_start()
        order._set_paid("R-0001")
        order.with_user(self.cleaner).action_start()
        self.assertEqual(order.state, "in_progress")

    def test_unpaid_then_paid_at_finance(self):
        order = self._done_order()
        with self.assertRaisesRegex(UserError, "must sign the unpaid note"):
            order.with_user(self.clerk).action_mark_unpaid()
        with self.assertRaisesRegex(
            UserError, "take the payment or have the owner sign"
        ):
            order.with_user(self.clerk).action_close()
        order.with_user(self.clerk).unpaid_signed = True
        order.with_user(self.clerk).action_mark_unpaid()
        self.assertEqual(order.payment_state, "unpaid")
        follow_up = order.activity_ids.filtered(
            lambda a: a.summary == "Follow up the unpaid special service"
        )
        self.assertTrue(follow_up, "the desk follows the unpaid order up")
        unpaid = self.env["property.work.order"].search(
            [("payment_state", "=", "unpaid"), ("id", "=", order.id)]
        )
        self.assertEqual(unpaid, order)
        with self.assertRaisesRegex(UserError, "is not waiting for payment"):
            order.with_user(self.clerk).action_mark_unpaid()
        with self.assertRaisesRegex(UserError, "Only finance marks"):
            order.with_user(self.clerk).action_mark_paid("BANK-1")
        order.with_user(self.finance).action_mark_paid("BANK-1")
        self.assertEqual(order.payment_state, "paid")
        self.assertEqual(order.payment_reference, "BANK-1")
        self.assertFalse(order.activity_ids, "the desk's follow-up stops")
        with self.assertRaisesRegex(UserError, "is not an unpaid order"):
            order.with_user(self.finance).action_mark_paid("BANK-2")

    def test_tools_returned_before_closing(self):
        order = self._done_order()
        order.with_user(self.engineer).write(
            {
                "material_ids": [
                    (0, 0, {"kind": "tool", "name": "Pipe wrench", "quantity": 1}),
                    (0, 0, {"kind": "material", "name": "PTFE tape", "quantity": 2}),
                ]
            }
        )
        order._set_paid("R-0002")
        with self.assertRaisesRegex(UserError, "tools must be returned to the store"):
            order.with_user(self.clerk).action_close()
        wrench = order.material_ids.filtered(lambda m: m.kind == "tool")
        with self.assertRaisesRegex(ValidationError, "enter the date it was returned"):
            wrench.returned_quantity = 1
        with self.assertSqlConstraint("cannot exceed the quantity drawn"):
            wrench.write({"returned_quantity": 2, "returned_date": "2026-11-20"})
        wrench.write({"returned_quantity": 1, "returned_date": "2026-11-20"})
        order.with_user(self.clerk).action_close()
        self.assertEqual(order.state, "closed")
        self.assertEqual(order.closed_by_id, self.clerk)

    def test_staff_see_only_their_orders(self):
        mine = self._create_order()
        other = self._create_order(team_id=self.team_security.id)
        Order = self.env["property.work.order"].with_user(self.engineer)
        visible = Order.search([("id", "in", (mine | other).ids)])
        self.assertEqual(visible, mine)
        with self.assertRaises(AccessError):
            Order.create(
                {
                    "unit_id": self.unit.id,
                    "service_item_id": self.item_tap.id,
                    "description": "x",
                }
            )

    def test_price_list_item_rules(self):
        with self.assertRaisesRegex(ValidationError, "published price must be greater"):
            self.env["property.service.item"].create(
                {"name": "Free thing", "list_price": 0.0}
            )
        with self.assertRaises(AccessError):
            self.env["property.service.item"].with_user(self.clerk).create(
                {"name": "Clerk item", "list_price": 1.0}
            )

    def test_dispatch_deadline_timedelta(self):
        order = self._create_order()
        self.assertEqual(
            order.answer_deadline - order.registration_date, timedelta(minutes=15)
        )

    def test_steps_only_through_their_buttons(self):
        order = self._dispatched_order()
        with self.assertRaisesRegex(UserError, "Use the buttons of the work order"):
            order.with_user(self.engineer).write({"state": "done"})
        with self.assertRaisesRegex(UserError, "Use the buttons of the work order"):
            order.with_user(self.clerk).write({"supervisor_consent_id": self.clerk.id})
        with self.assertRaisesRegex(UserError, "Use the buttons of the work order"):
            order.with_user(self.clerk).write({"payment_state": "paid"})
        self.assertEqual(order.state, "dispatched")
