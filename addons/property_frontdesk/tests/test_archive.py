import base64

from odoo import Command
from odoo.tests import tagged

from .common import PropertyFrontdeskCommon


@tagged("post_install", "-at_install")
class TestArchive(PropertyFrontdeskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        DocType = cls.env["property.document.type"]
        DocType.search([]).active = False
        cls.id_card = DocType.create(
            {
                "name": "ID",
                "code": "T-ID",
                "required_for_owner": True,
                "required_for_tenant": True,
            }
        )
        cls.deed = DocType.create(
            {"name": "Deed", "code": "T-DEED", "required_for_owner": True}
        )
        cls.lease = DocType.create(
            {"name": "Lease", "code": "T-LEASE", "required_for_tenant": True}
        )

    def _file(self, partner, doc_type):
        return self.env["ir.attachment"].create(
            {
                "name": f"{doc_type.name}.pdf",
                "res_model": "res.partner",
                "res_id": partner.id,
                "datas": base64.b64encode(b"%PDF-1.4 test"),
                "property_document_type_id": doc_type.id,
            }
        )

    def test_completeness_follows_filed_documents(self):
        member = self.unit.member_ids
        self.assertEqual(member.missing_document_type_ids, self.id_card | self.deed)
        self.assertFalse(self.unit.archive_complete)
        self.assertEqual(self.unit.archive_completeness, 0.0)
        self.assertEqual(self.unit.archive_missing, "Owner Zhou: ID, Deed")

        self._file(self.owner, self.id_card)
        self.unit.invalidate_recordset()
        member.invalidate_recordset()
        self.assertEqual(member.missing_document_type_ids, self.deed)
        self.assertEqual(self.unit.archive_completeness, 50.0)

        self._file(self.owner, self.deed)
        self.unit.invalidate_recordset()
        self.assertTrue(self.unit.archive_complete)
        self.assertEqual(self.unit.archive_completeness, 100.0)
        self.assertFalse(self.unit.archive_missing)

    def test_tenant_needs_lease(self):
        self.unit.write(
            {
                "member_ids": [
                    Command.create(
                        {
                            "partner_id": self.tenant.id,
                            "role": "tenant",
                            "date_start": "2020-06-01",
                        }
                    )
                ]
            }
        )
        self._file(self.tenant, self.id_card)
        self.unit.invalidate_recordset()
        tenant_member = self.unit.member_ids.filtered(
            lambda m: m.partner_id == self.tenant
        )
        self.assertEqual(tenant_member.missing_document_type_ids, self.lease)
        self.assertIn("Tenant Wu: Lease", self.unit.archive_missing)
        # 4 required papers in all (owner: ID, deed; tenant: ID, lease), 1 filed
        self.assertEqual(self.unit.archive_completeness, 25.0)

    def test_partner_lists_its_archive(self):
        attachment = self._file(self.owner, self.deed)
        self.env["ir.attachment"].create(
            {
                "name": "unrelated.txt",
                "res_model": "res.partner",
                "res_id": self.owner.id,
                "raw": b"x",
            }
        )
        self.assertEqual(self.owner.property_document_ids, attachment)
