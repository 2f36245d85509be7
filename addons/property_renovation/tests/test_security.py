from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import PropertyRenovationCommon


@tagged("post_install", "-at_install")
class TestSecurity(PropertyRenovationCommon):
    def test_clerk_cannot_delete_staff_cannot_write(self):
        filing = self._create_filing(user=self.clerk)
        with self.assertRaises(AccessError):
            filing.with_user(self.clerk).unlink()
        with self.assertRaises(AccessError):
            filing.with_user(self.finance).write({"main_works": "x"})
        filing.with_user(self.manager).unlink()

    def test_portal_owner_sees_own_filings(self):
        filing = self._create_filing()
        other_owner = self.env["res.partner"].create({"name": "Owner Xu"})
        other_unit = self._create_unit("301", floor=3)
        other = self._create_filing(unit_id=other_unit.id, owner_id=other_owner.id)
        portal = new_test_user(
            self.env,
            login="reno_portal",
            groups="base.group_portal",
            partner_id=self.owner.id,
        )
        visible = self.Filing.with_user(portal).search([])
        self.assertIn(filing, visible)
        self.assertNotIn(other, visible)
        with self.assertRaises(AccessError):
            filing.with_user(portal).write({"main_works": "x"})

    def test_portal_page(self):
        self.assertTrue(self.Filing._fields["access_url"])
        filing = self._create_filing()
        self.assertEqual(filing.access_url, f"/my/renovations/{filing.id}")
