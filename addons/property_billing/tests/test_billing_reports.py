from odoo.tests import tagged

from .common_run import PropertyBillingRunCommon


@tagged("post_install", "-at_install")
class TestBillingReports(PropertyBillingRunCommon):
    def test_collection_rate_and_ageing(self):
        self._new_run(period="2026-09").action_start()
        run = self._new_run(period="2026-11")
        run.action_start()
        notice = self._notices(run)[0]  # 298.75 of 603.75 billed
        payment = self.env["account.payment"].create(
            {
                "payment_type": "inbound",
                "partner_type": "customer",
                "partner_id": self.owner.id,
                "amount": notice.amount_total,
                "journal_id": self.env.company.property_bank_journal_id.id,
                "date": "2026-11-25",
            }
        )
        payment.action_post()
        (payment.move_id.line_ids | notice.line_ids).filtered(
            lambda ln: ln.account_id.account_type == "asset_receivable"
        ).reconcile()
        Report = self.env["property.collection.report"]
        groups = Report.read_group(
            [("estate_id", "=", self.estate.id)],
            [
                "collection_rate",
                "amount_billed:sum",
                "amount_collected:sum",
                "target_rate",
            ],
            ["period"],
        )
        by_period = {g["period"]: g for g in groups}
        self.assertAlmostEqual(
            by_period["2026-11"]["collection_rate"], 100 * 298.75 / 603.75
        )
        self.assertAlmostEqual(by_period["2026-09"]["collection_rate"], 0.0)
        self.assertEqual(by_period["2026-11"]["target_rate"], 95.0)
        total = Report.read_group(
            [("estate_id", "=", self.estate.id)], ["collection_rate"], []
        )[0]
        self.assertAlmostEqual(
            total["collection_rate"], 100 * 298.75 / (603.75 + 551.25)
        )

        Ageing = self.env["property.arrears.report"].with_context(date="2027-01-10")
        buckets = {
            (g["age_bucket"]): g["amount_due"]
            for g in Ageing.read_group(
                [("estate_id", "=", self.estate.id)], ["amount_due:sum"], ["age_bucket"]
            )
        }
        # September notices due 30 Sep: 102 days; November ones due 30 Nov: 41 days
        self.assertAlmostEqual(buckets["91_180"], 551.25)
        self.assertAlmostEqual(buckets["31_90"], 603.75 - 298.75)
        self.assertNotIn("0_30", buckets)
        per_payer = {
            g["partner_id"][0]: g["amount_due"]
            for g in Ageing.read_group(
                [("estate_id", "=", self.estate.id)], ["amount_due:sum"], ["partner_id"]
            )
        }
        self.assertAlmostEqual(per_payer[self.owner.id], 246.25 + 80 + 80)

    def test_printed_report(self):
        self._new_run(period="2026-11").action_start()
        html = (
            self.env["ir.actions.report"]
            .with_context(date="2027-01-10")
            ._render_qweb_pdf(
                "property_billing.action_report_property_collection", self.estate.ids
            )[0]
            .decode()
        )
        for text in (
            "Collection and Arrears",
            "Building 3",
            "2026-11",
            "603.75",
            "0.0",
            "31-90 days",
        ):
            self.assertIn(text, html)
