from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import PropertyRenovationCommon

CONTRACTOR_BASE = ["business_licence", "qualification", "manager_id", "worker_ids"]


@tagged("post_install", "-at_install")
class TestRequiredPapers(PropertyRenovationCommon):
    def _required(self, filing):
        return filing.line_ids.filtered("required").mapped("paper_type")

    def test_any_contractor(self):
        filing = self._create_filing()
        self.assertEqual(self._required(filing), [*CONTRACTOR_BASE, "drawings"])
        self.assertEqual(set(filing.line_ids.mapped("provider")), {"contractor"})

    def test_contract_when_tax_collected(self):
        self.estate.renovation_tax_collected = True
        filing = self._create_filing()
        self.assertIn("contract", self._required(filing))

    def test_wiring(self):
        filing = self._create_filing(work_wiring=True)
        self.assertIn("wiring_plan", self._required(filing))

    def test_structure_residential_and_non_residential(self):
        filing = self._create_filing(work_structure=True)
        self.assertIn("structure_design", self._required(filing))
        self.assertNotIn("construction_permit", self._required(filing))
        shop = self._create_unit("S101", usage="commercial")
        filing = self._create_filing(
            unit_id=shop.id, owner_id=self.owner.id, work_structure=True
        )
        self.assertIn("construction_permit", self._required(filing))

    def test_facade(self):
        filing = self._create_filing(work_facade=True)
        for code in ("planning_approval", "owners_consent", "centre_style"):
            self.assertIn(code, self._required(filing))

    def test_hot_work_advertising_waterproof(self):
        filing = self._create_filing(
            work_hot=True, work_advertising=True, work_waterproof=True
        )
        required = self._required(filing)
        self.assertIn("fire_approval", required)
        self.assertIn("advertising_certificate", required)
        self.assertIn("waterproof_commitment", required)
        line = filing.line_ids.filtered(
            lambda ln: ln.paper_type == "waterproof_commitment"
        )
        self.assertEqual(line.provider, "owner")

    def test_simple_works(self):
        filing = self._create_filing(simple_works_only=True)
        required = self._required(filing)
        self.assertNotIn("qualification", required)
        self.assertNotIn("drawings", required)
        self.assertIn("business_licence", required)
        with self.assertRaisesRegex(ValidationError, "simple works .* cannot include"):
            filing.work_structure = True

    def test_self_renovation(self):
        filing = self._create_filing(self_renovation=True, contractor_id=False)
        self.assertEqual(self._required(filing), ["drawings"])
        self.assertEqual(filing.line_ids.provider, "owner")
        with self.assertRaisesRegex(
            ValidationError, "self-renovation: it has no contractor"
        ):
            filing.contractor_id = self.contractor
        self._file_papers(filing)
        filing.write({"manager_name": False})
        filing.action_submit()

    def test_non_owner_applicant(self):
        filing = self._create_filing(applicant_id=self.tenant.id)
        self.assertFalse(filing.applicant_is_owner)
        line = filing.line_ids.filtered(lambda ln: ln.paper_type == "owner_consent")
        self.assertTrue(line.required)
        self.assertEqual(line.provider, "owner")
        # back to the owner: the untouched line goes away
        filing.applicant_id = self.owner
        self.assertFalse(
            filing.line_ids.filtered(lambda ln: ln.paper_type == "owner_consent")
        )

    def test_paper_kept_when_no_longer_required(self):
        filing = self._create_filing(work_wiring=True)
        line = filing.line_ids.filtered(lambda ln: ln.paper_type == "wiring_plan")
        line.status = "copy_filed"
        filing.work_wiring = False
        self.assertTrue(line.exists())
        self.assertFalse(line.required)

    def test_declaration_stands_in(self):
        filing = self._create_filing()
        self._file_papers(filing)
        qualification = filing.line_ids.filtered(
            lambda ln: ln.paper_type == "qualification"
        )
        qualification.status = "declared"
        with self.assertRaisesRegex(UserError, "signed renovation declaration"):
            filing.action_submit()
        filing.declaration_signed = True
        declaration = filing.line_ids.filtered(
            lambda ln: ln.paper_type == "declaration"
        )
        self.assertEqual(declaration.provider, "owner")
        with self.assertRaisesRegex(
            UserError, "Owner's Renovation Declaration"
        ) as catcher:
            filing.action_submit()
        self.assertIn("what the renovation declaration covers", str(catcher.exception))
        declaration.status = "received"
        filing.declaration_note = "The contractor has no qualification certificate."
        filing.action_submit()
        self.assertEqual(filing.state, "submitted")
        # still owed for the refund
        self.assertIn("Qualification Certificate", filing.papers_missing)
        # the owner's own papers cannot be declared away
        with self.assertRaisesRegex(ValidationError, "contractor only"):
            declaration.status = "declared"
