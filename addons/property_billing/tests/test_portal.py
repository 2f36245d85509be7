from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestReceiptPortal(HttpCase):
    """Owners find their receipts in the portal and download them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company._property_billing_setup()
        clerk = new_test_user(
            cls.env,
            login="bill_portal_clerk",
            groups="property_frontdesk.group_property_clerk",
        )
        cls.env["property.receipt.book"].create(
            {
                "name": "PORTAL-01",
                "prefix": "PT",
                "number_from": 1,
                "number_to": 10,
                "user_id": clerk.id,
            }
        ).action_issue()
        cls.owner = cls.env["res.partner"].create(
            {"name": "Owner Portal Pay", "lang": "en_US"}
        )
        cls.other = cls.env["res.partner"].create({"name": "Someone Else"})
        new_test_user(
            cls.env,
            login="bill_portal_owner",
            groups="base.group_portal",
            partner_id=cls.owner.id,
            lang="en_US",
        )

        def issue(partner, amount):
            receipt = cls.env["property.receipt"].create(
                {
                    "partner_id": partner.id,
                    "user_id": clerk.id,
                    "line_ids": [
                        Command.create(
                            {
                                "line_type": "fee",
                                "product_id": cls.env.ref(
                                    "property_billing.product_fee_copying"
                                ).product_variant_id.id,
                                "name": "Copies",
                                "amount": amount,
                            }
                        )
                    ],
                }
            )
            receipt.action_issue()
            return receipt

        cls.mine = issue(cls.owner, 12.0)
        cls.theirs = issue(cls.other, 34.0)
        cls.draft = cls.env["property.receipt"].create(
            {"partner_id": cls.owner.id, "user_id": clerk.id}
        )

    def test_owner_lists_and_downloads_own_receipts(self):
        self.authenticate("bill_portal_owner", "bill_portal_owner")
        listing = self.url_open("/my/receipts")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(self.mine.name, listing.text)
        self.assertNotIn(self.theirs.name, listing.text)
        self.assertIn(f"/my/receipts/{self.mine.id}/pdf", listing.text)
        pdf = self.url_open(f"/my/receipts/{self.mine.id}/pdf")
        self.assertEqual(pdf.status_code, 200)
        self.assertIn("Official Receipt", pdf.text)
        self.assertIn(self.mine.name, pdf.text)
        # another payer's receipt: back to the portal home
        other = self.url_open(f"/my/receipts/{self.theirs.id}/pdf")
        self.assertTrue(other.url.endswith("/my"))
        self.assertNotIn("Official Receipt", other.text)
        draft = self.url_open(f"/my/receipts/{self.draft.id}/pdf")
        self.assertTrue(draft.url.endswith("/my"))
