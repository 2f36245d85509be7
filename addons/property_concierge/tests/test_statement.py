from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import PropertyConciergeCommon


@tagged("post_install", "-at_install")
class TestStatement(PropertyConciergeCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-11-10 02:00:00"):
            cls.paid = cls._done_order()
            cls.paid._set_paid("R-100")
            cls.unpaid = cls._done_order(quantity=2)
            cls.unpaid.write({"unpaid_signed": True})
            cls.unpaid.action_mark_unpaid()
            cls.cancelled = cls._create_order()
            cls.cancelled._cancel("Owner away")
            cls.cleaning = cls._create_order(
                service_item_id=cls.item_cleaning.id, description="Clean"
            )
        Callback = cls.env["property.work.order.callback"]
        with freeze_time("2026-11-12 02:00:00"):
            for order in (cls.paid, cls.unpaid):
                Callback.create(
                    {
                        "work_order_id": order.id,
                        "method": "phone",
                        "rating": "2",
                        "owner_words": "OK",
                    }
                )
        cls.month = cls.env["property.service.month"].create(
            {"estate_id": cls.estate.id, "date_from": "2026-11-01"}
        )

    def test_statement_per_team_and_service(self):
        self.month.action_compute()
        self.assertEqual(self.month.order_count, 4)
        line_tap = self.month.line_ids.filtered(
            lambda line: line.service_item_id == self.item_tap
        )
        self.assertEqual(line_tap.team_id, self.team_eng)
        self.assertEqual(line_tap.order_count, 3)
        self.assertEqual(line_tap.done_count, 2)
        self.assertEqual(line_tap.cancelled_count, 1)
        self.assertEqual(line_tap.amount_total, 60.0)
        self.assertEqual(line_tap.amount_paid, 20.0)
        self.assertEqual(line_tap.amount_unpaid, 40.0)
        line_cleaning = self.month.line_ids - line_tap
        self.assertEqual(line_cleaning.team_id, self.team_cleaning)
        self.assertEqual(line_cleaning.amount_unpaid, 30.0)
        self.assertEqual(self.month.amount_total, 90.0)
        self.assertEqual(self.month.callback_count, 2)
        self.assertEqual(self.month.satisfaction_rate, 100.0)
        self.assertEqual(self.month.first_time_right_rate, 100.0)

    def test_onsite_share_and_spot_checks_warned(self):
        self.month.action_compute()
        self.assertEqual(self.month.onsite_share, 0.0)
        self.assertTrue(self.month.onsite_warning, "no callback on site: below 5%")
        self.assertTrue(self.month.spot_check_warning)
        self.paid.callback_ids.method = "on_site"
        with freeze_time("2026-11-15 02:00:00"):
            for _i in range(3):
                self.env["property.work.order.callback"].with_user(self.manager).create(
                    {
                        "work_order_id": self.unpaid.id,
                        "method": "on_site",
                        "rating": "2",
                        "owner_words": "Checked",
                        "is_spot_check": True,
                    }
                )
        self.month.action_compute()
        self.assertEqual(self.month.onsite_count, 1)
        self.assertEqual(self.month.onsite_share, 50.0)
        self.assertFalse(self.month.onsite_warning)
        self.assertEqual(self.month.spot_check_count, 3)
        self.assertFalse(self.month.spot_check_warning)

    def test_confirmed_by_both_sides(self):
        with self.assertRaisesRegex(UserError, "compute the statement first"):
            self.month.with_user(self.supervisor).action_desk_confirm()
        self.month.action_compute()
        with self.assertRaisesRegex(
            UserError, "the desk confirms the statement before finance"
        ):
            self.month.with_user(self.finance).action_finance_confirm()
        with self.assertRaisesRegex(UserError, "Only a front desk supervisor confirms"):
            self.month.with_user(self.clerk).action_desk_confirm()
        self.month.with_user(self.supervisor).action_desk_confirm()
        with self.assertRaisesRegex(UserError, "Only finance confirms"):
            self.month.with_user(self.supervisor).action_finance_confirm()
        self.month.with_user(self.finance).action_finance_confirm()
        self.assertEqual(self.month.state, "confirmed")
        self.assertEqual(self.month.desk_confirmed_by_id, self.supervisor)
        self.assertEqual(self.month.finance_confirmed_by_id, self.finance)
        with self.assertRaisesRegex(UserError, "cannot be recomputed"):
            self.month.action_compute()
        with self.assertRaisesRegex(
            UserError, "Only the service-centre manager reopens"
        ):
            self.month.with_user(self.supervisor).action_reset()
        self.month.with_user(self.manager).action_reset()
        self.assertEqual(self.month.state, "draft")

    def test_month_starts_on_the_first(self):
        with self.assertRaisesRegex(
            ValidationError, "starts on the first of the month"
        ):
            self.env["property.service.month"].create(
                {"estate_id": self.estate.id, "date_from": "2026-10-05"}
            )
        with self.assertSqlConstraint("already has a statement for this month"):
            self.env["property.service.month"].create(
                {"estate_id": self.estate.id, "date_from": "2026-11-01"}
            )

    def test_statement_printed_for_both_signatures(self):
        self.month.action_compute()
        self.month.with_user(self.supervisor).action_desk_confirm()
        html, _type = self.env["ir.actions.report"]._render_qweb_pdf(
            "property_concierge.action_report_property_service_month", self.month.ids
        )
        html = html.decode()
        self.assertIn("Special Services Charges and Confirmation", html)
        self.assertIn("Replace a tap", html)
        self.assertIn("Supervisor Li", html)
        for amount in ("90.00", "20.00", "70.00"):
            self.assertIn(amount, html)
