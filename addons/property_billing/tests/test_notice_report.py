from odoo.tests import tagged
from odoo.tools.misc import format_date

from .common_run import PropertyBillingRunCommon


@tagged("post_install", "-at_install")
class TestNoticeReport(PropertyBillingRunCommon):
    def test_notice_pdf(self):
        self.estate.write(
            {
                "notice_stamp_line": "Test Garden Service Centre",
                "notice_payment_channels": "Desk, bank transfer",
                "service_phone": "0755-1234567",
            }
        )
        previous = self._new_run(period="2026-10")
        previous.action_start()
        run = self._new_run()
        run.action_start()
        notice = self._notices(run)[0]
        # October: 246.25 of service fee (readings of October billed in October)
        self.assertAlmostEqual(notice.property_arrears, 246.25 + 42.0)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_pdf(
                "property_billing.action_report_property_notice", notice.ids
            )[0]
            .decode()
        )
        for text in (
            "Payment Notice",
            "Test Garden",
            "3-1201",
            "Owner Zhou",
            "2026-11",
            "Previous Arrears",
            "298.75",
            "288.25",
            "587.00",
            "伍佰捌拾柒元整",
            "Desk, bank transfer",
            "Test Garden Service Centre",
            "0755-1234567",
            format_date(self.env, notice.invoice_date_due),
        ):
            self.assertIn(text, html)

    def test_batch_print(self):
        run = self._new_run()
        run.action_start()
        action = run.action_print_notices()
        self.assertEqual(
            action["report_name"], "property_billing.report_property_notice"
        )
        self.assertEqual(len(action["context"]["active_ids"]), 4)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_pdf(
                "property_billing.action_report_property_notice", run.notice_ids.ids
            )[0]
            .decode()
        )
        self.assertEqual(html.count("o_property_notice_total"), 4)
        self.assertIn("Seller Sun", html)
        self.assertIn("Buyer Qian", html)
