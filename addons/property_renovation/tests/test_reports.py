from odoo.tests import tagged

from .common import PropertyRenovationCommon


@tagged("post_install", "-at_install")
class TestReports(PropertyRenovationCommon):
    def _html(self, xmlid, records):
        html, _type = self.env["ir.actions.report"]._render_qweb_pdf(xmlid, records.ids)
        return html.decode() if isinstance(html, bytes) else html

    def test_agreement_three_copies(self):
        self.estate.renovation_tax_collected = False
        filing = self._approved_filing()
        html = self._html(
            "property_renovation.action_report_property_renovation_agreement", filing
        )
        self.assertIn("Renovation Management Service Agreement", html)
        for label in (
            "Contractor&#39;s copy",
            "Owner&#39;s copy",
            "Service centre&#39;s copy",
        ):
            self.assertIn(label, html.replace("'", "&#39;"))
        self.assertEqual(html.count("page-break-before: always"), 2)
        self.assertIn(filing.name, html)
        self.assertIn("Fine Decor Ltd", html)
        self.assertIn("1,000.00", html)

    def test_certificate_original_and_two_copies(self):
        self.estate.renovation_tax_collected = False
        filing = self._working_filing()
        self._add_workers(filing, 1).action_issue_pass()
        html = self._html(
            "property_renovation.action_report_property_renovation_certificate", filing
        )
        self.assertIn("Renovation Registration Certificate", html)
        self.assertIn("Original", html)
        self.assertIn("办理出入证专用", html)
        self.assertIn("to be posted on the door", html)
        self.assertIn(filing.worker_ids.pass_number, html)
        self.assertIn("Supervisor Qian", html)

    def test_pass_marked_after_extension(self):
        self.estate.renovation_tax_collected = False
        filing = self._working_filing()
        worker = self._add_workers(filing, 1)
        worker.action_issue_pass()
        ext = self.env["property.renovation.extension"].create(
            {
                "filing_id": filing.id,
                "date_new_end": "2027-01-31",
                "reason": "Cabinets late",
                "copies_presented": True,
                "passes_presented": True,
            }
        )
        ext.with_user(self.reno_supervisor).action_approve()
        html = self._html(
            "property_renovation.action_report_property_renovation_pass", worker
        )
        self.assertIn("Temporary Pass", html)
        self.assertIn(worker.pass_number, html)
        self.assertIn("Extended until", html)

    def test_ledger_lowest_floor_first(self):
        self.estate.renovation_tax_collected = False
        low = self._create_unit("201", floor=2)
        high = self.unit  # floor 12
        filing_high = self._approved_filing()
        filing_low = self._approved_filing(unit_id=low.id, owner_id=self.owner.id)
        self._create_filing()  # a draft is not in the ledger
        self.assertEqual(
            self.building._get_renovation_ledger_filings(), filing_low | filing_high
        )
        html = self._html(
            "property_renovation.action_report_property_renovation_ledger",
            self.building,
        )
        self.assertIn("Renovation Ledger", html)
        self.assertLess(html.index(filing_low.name), html.index(filing_high.name))
        self.assertIn("137 0000 0003", html)
        self.assertTrue(high)

    def test_rectification_notice(self):
        self.estate.renovation_tax_collected = False
        filing = self._working_filing()
        violation = self.env["property.renovation.violation"].create(
            {
                "filing_id": filing.id,
                "violation_type": "noise_hours",
                "description": "Drilling at 22:00",
                "rectification": "No noisy works after 18:00",
                "date": "2026-09-10",
                "deadline": "2026-09-11",
                "deduction": 100.0,
            }
        )
        html = self._html(
            "property_renovation.action_report_property_renovation_violation", violation
        )
        self.assertIn("Rectification Notice", html)
        self.assertIn("No noisy works after 18:00", html)
        self.assertIn("100.00", html)
