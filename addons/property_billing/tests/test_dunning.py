from datetime import date

from odoo.exceptions import UserError
from odoo.tests import Form, tagged
from odoo.tools.misc import format_date

from .common_run import PropertyBillingRunCommon


@tagged("post_install", "-at_install")
class TestDunning(PropertyBillingRunCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._new_run(period="2026-09").action_start()
        cls.Dunning = cls.env["property.dunning"]

    def _cron(self, day):
        self.Dunning.with_context(date=day)._cron_dunning()
        return self.Dunning.search([("estate_id", "=", self.estate.id)])

    def test_reminder_date_skips_holidays(self):
        # National Day 1-7 October: the 11th working day after September is 22 Oct
        self.assertEqual(
            self.Dunning._reminder_date(self.estate, "2026-09"), date(2026, 10, 22)
        )
        # no holiday in December: 15 January 2027 (1 Jan is a Friday)
        self.assertEqual(
            self.Dunning._reminder_date(self.estate, "2026-12"), date(2027, 1, 15)
        )
        self.estate.dunning_working_days = 1
        self.assertEqual(
            self.Dunning._reminder_date(self.estate, "2026-09"), date(2026, 10, 8)
        )

    def test_dunning_stages(self):
        self.assertFalse(self._cron("2026-10-21"))
        dunnings = self._cron("2026-10-22")
        self.assertEqual(len(dunnings), 3)
        self.assertEqual(set(dunnings.mapped("state")), {"reminder"})
        self.assertEqual(set(dunnings.mapped("reminder_date")), {date(2026, 10, 22)})
        main = dunnings.filtered(lambda d: d.unit_id == self.unit)
        self.assertAlmostEqual(main.amount_due, 246.25)
        # running the cron again creates nothing more
        self.assertEqual(self._cron("2026-10-23"), dunnings)
        # the letter is printed and delivered
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_pdf(
                "property_billing.action_report_property_dunning", main.ids
            )[0]
            .decode()
        )
        self.assertIn("Payment Reminder", html)
        self.assertIn("246.25", html)
        self.assertIn("贰佰肆拾陆元贰角伍分", html)
        with self.assertRaisesRegex(UserError, "Write who signed"):
            main.action_register_delivery("")
        wizard = Form(
            self.env["property.dunning.delivery.wizard"]
            .with_user(self.clerk)
            .with_context(default_dunning_ids=main.ids)
        )
        wizard.signed_by = "Zhou"
        wizard.save().action_confirm()
        self.assertEqual(main.delivered_by_id, self.clerk)
        # 30 days after the reminder: still a reminder on the 30th day
        self._cron("2026-11-21")
        self.assertEqual(main.state, "reminder")
        self._cron("2026-11-22")
        self.assertEqual(main.state, "suspension_notice")
        self.assertEqual(main.suspension_date, date(2026, 11, 29))
        self.assertFalse(main.delivered_date)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_pdf(
                "property_billing.action_report_property_dunning", main.ids
            )[0]
            .decode()
        )
        self.assertIn("Notice of Service Suspension", html)
        self.assertIn(format_date(self.env, main.suspension_date), html)
        with self.assertRaisesRegex(UserError, "notice of suspension has expired"):
            main.with_user(self.supervisor).action_approve_suspension()
        self._cron("2026-11-29")
        self.assertEqual(main.state, "suspension_notice")
        self._cron("2026-11-30")
        self.assertEqual(main.state, "to_approve")
        self.assertEqual(main.activity_ids.user_id, self.supervisor)
        with self.assertRaisesRegex(UserError, "Only a supervisor"):
            main.with_user(self.clerk).action_approve_suspension()
        main.with_user(self.supervisor).action_approve_suspension()
        self.assertEqual(main.state, "suspended")
        self.assertEqual(main.approved_by_id, self.supervisor)
        self.assertIn(self.eng_leader, main.activity_ids.user_id)

    def test_payment_stops_dunning(self):
        dunnings = self._cron("2026-10-22")
        main = dunnings.filtered(lambda d: d.unit_id == self.unit)
        notice = main.move_ids
        payment = self.env["account.payment"].create(
            {
                "payment_type": "inbound",
                "partner_type": "customer",
                "partner_id": self.owner.id,
                "amount": notice.amount_residual,
                "journal_id": self.env.company.property_bank_journal_id.id,
                "date": "2026-10-25",
            }
        )
        payment.action_post()
        (payment.move_id.line_ids | notice.line_ids).filtered(
            lambda ln: (
                ln.account_id.account_type == "asset_receivable"
                and not ln.reconciled
                and ln.partner_id == self.owner
                and (ln.move_id == notice or ln.move_id == payment.move_id)
            )
        ).reconcile()
        # at once, without waiting for the cron
        self.assertEqual(main.state, "closed")
        self._cron("2026-11-30")
        self.assertEqual(main.state, "closed")
        self.assertEqual((dunnings - main).mapped("state"), ["suspension_notice"] * 2)
