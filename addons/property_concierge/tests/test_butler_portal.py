from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .common_butler import PropertyButlerCommon


@tagged("post_install", "-at_install")
class TestButlerPortal(PropertyButlerCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = new_test_user(
            cls.env,
            login="butler_portal_owner",
            password="butler_portal_owner",
            groups="base.group_portal",
            partner_id=cls.owner.id,
            lang="en_US",
        )
        Storage = cls.env["property.butler.storage"]
        cls.mine = Storage.create(cls._storage_vals(items="Red suitcase"))
        cls.theirs = Storage.create(
            cls._storage_vals(partner_id=cls.tenant.id, items="Blue box")
        )

    def test_owner_sees_own_records_only(self):
        Storage = self.env["property.butler.storage"].with_user(self.portal_user)
        self.assertEqual(Storage.search([]), self.mine)
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.portal_user).read(["items"])
        with self.assertRaises(AccessError):
            self.mine.with_user(self.portal_user).write({"items": "Changed"})

    def test_portal_page(self):
        self.authenticate("butler_portal_owner", "butler_portal_owner")
        response = self.url_open("/my/butler")
        self.assertEqual(response.status_code, 200)
        # the site's language (zh_CN on a demo database) or English
        self.assertTrue(
            "我的管家服务" in response.text or "My Butler Services" in response.text
        )
        self.assertIn("Red suitcase", response.text)
        self.assertIn(self.mine.name, response.text)
        self.assertNotIn("Blue box", response.text)
