from datetime import datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_butler import SIGNATURE, PropertyButlerCommon


@tagged("post_install", "-at_install")
class TestButlerStorage(PropertyButlerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Storage = cls.env["property.butler.storage"].with_user(cls.clerk)

    def test_store_numbers_stub(self):
        storage = self.Storage.create(self._storage_vals())
        self.assertTrue(storage.name.startswith("JC"), storage.name)
        self.assertEqual(storage.state, "held")
        self.assertEqual(storage.estate_id, self.estate)
        self.assertEqual(storage.company_id, self.company)
        other = self.Storage.create(self._storage_vals())
        self.assertNotEqual(storage.name, other.name)

    def test_refused_categories(self):
        for category, label in (
            ("valuables", "Valuables"),
            ("dangerous", "Dangerous Goods"),
            ("perishable", "Perishable Goods"),
            ("smelly", "Smelly Goods"),
        ):
            with self.assertRaisesRegex(
                ValidationError,
                f"does not take {label}: valuables, dangerous, perishable or smelly",
            ):
                self.Storage.create(self._storage_vals(item_category=category))
        storage = self.Storage.create(self._storage_vals())
        with self.assertRaisesRegex(ValidationError, "does not take Perishable Goods"):
            storage.item_category = "perishable"
        self.assertEqual(storage.item_category, "luggage")

    def test_non_resident_refused(self):
        with self.assertRaisesRegex(
            ValidationError, "Visitor Qian is not a current resident of unit"
        ):
            self.Storage.create(self._storage_vals(partner_id=self.visitor.id))

    def test_positive_count(self):
        with self.assertSqlConstraint("The number of pieces must be positive."):
            self.Storage.create(self._storage_vals(item_count=0))

    def test_collect_against_stub(self):
        storage = self.Storage.create(self._storage_vals())
        with self.assertRaisesRegex(UserError, "Enter the number of the claim stub"):
            storage.action_collect()
        storage.stub_presented = "JC000000-9999"
        with self.assertRaisesRegex(
            UserError,
            "The stub number JC000000-9999 does not match storage "
            f"{storage.name}: the items cannot be released",
        ):
            storage.action_collect()
        storage.stub_presented = storage.name.lower()
        with self.assertRaisesRegex(UserError, "The owner must sign for the items"):
            storage.action_collect()
        self.assertEqual(storage.state, "held")
        storage.collect_signature = SIGNATURE
        storage.action_collect()
        self.assertEqual(storage.state, "collected")
        self.assertEqual(storage.collect_user_id, self.clerk)
        self.assertTrue(storage.date_collected)
        with self.assertRaisesRegex(UserError, "has already been collected"):
            storage.action_collect()
        with self.assertRaisesRegex(UserError, "collected storage can no longer"):
            storage.item_count = 3

    def test_collected_never_deleted(self):
        storage = self.Storage.create(self._storage_vals())
        with self.assertRaises(AccessError):
            storage.unlink()
        storage.write({"stub_presented": storage.name, "collect_signature": SIGNATURE})
        storage.action_collect()
        with self.assertRaisesRegex(UserError, "Collected items stay in the storage"):
            storage.with_user(self.manager).unlink()

    def test_cron_flags_unclaimed_after_30_days(self):
        old = self.Storage.create(
            self._storage_vals(date_stored=datetime(2026, 10, 1, 3, 0))
        )
        recent = self.Storage.create(
            self._storage_vals(date_stored=datetime(2026, 10, 2, 3, 0))
        )
        Storage = self.env["property.butler.storage"]
        flagged = Storage.with_context(date="2026-10-30")._cron_flag_unclaimed()
        self.assertNotIn(old, flagged, "29 days held: not yet")
        flagged = Storage.with_context(date="2026-10-31")._cron_flag_unclaimed()
        self.assertIn(old, flagged)
        self.assertNotIn(recent, flagged)
        self.assertTrue(old.unclaimed_flagged)
        self.assertFalse(recent.unclaimed_flagged)
        activity = old.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.supervisor)
        self.assertIn("Unclaimed for 30 days", activity.summary)
        self.assertIn("Shelf A-3", str(activity.note))
        # reported once only
        again = Storage.with_context(date="2026-11-05")._cron_flag_unclaimed()
        self.assertNotIn(old, again)
        self.assertEqual(len(old.activity_ids), 1)
        # collecting closes the flag
        old.write({"stub_presented": old.name, "collect_signature": SIGNATURE})
        old.action_collect()
        self.assertFalse(old.activity_ids)

    def test_flag_in_supervisor_language(self):
        self.env.ref("base.lang_zh_CN").active = True
        self.supervisor.lang = "zh_CN"
        old = self.Storage.create(
            self._storage_vals(date_stored=datetime(2026, 10, 1, 3, 0))
        )
        self.env["property.butler.storage"].with_context(
            date="2026-11-02"
        )._cron_flag_unclaimed()
        self.assertEqual(
            old.activity_ids.summary, "寄存超过30天无人提取：请联系业主或处理"
        )

    def test_slip_and_check_list_rendered(self):
        storage = self.Storage.create(self._storage_vals(condition="Scratch on lid"))
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "property_concierge.action_report_property_butler_storage", storage.ids
            )[0]
            .decode()
        )
        self.assertIn("o_property_report", html)
        self.assertIn(storage.name, html)
        self.assertIn("Claim stub (owner)", html)
        self.assertIn("Storage copy", html)
        self.assertIn("Scratch on lid", html)
        self.assertIn("Owner's signature", html)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "property_concierge.action_report_property_butler_outstanding",
                self.estate.ids,
            )[0]
            .decode()
        )
        self.assertIn("Outstanding Items and Loans", html)
        self.assertIn(storage.name, html)
        self.assertIn("Shelf A-3", html)
