from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import PropertyFrontdeskCommon


@tagged("post_install", "-at_install")
class TestSecurity(PropertyFrontdeskCommon):
    def test_groups_are_chained(self):
        self.assertTrue(
            self.manager.has_group("property_frontdesk.group_property_supervisor")
        )
        self.assertTrue(
            self.manager.has_group("property_frontdesk.group_property_clerk")
        )
        self.assertTrue(
            self.supervisor.has_group("property_frontdesk.group_property_clerk")
        )
        self.assertFalse(
            self.supervisor.has_group("property_frontdesk.group_property_manager")
        )
        self.assertFalse(
            self.finance.has_group("property_frontdesk.group_property_clerk")
        )

    def test_clerk_cannot_delete_a_unit(self):
        unit = self._create_unit("501", floor=5)
        with self.assertRaises(AccessError):
            unit.with_user(self.clerk).unlink()
        with self.assertRaises(AccessError):
            unit.with_user(self.supervisor).unlink()
        unit.with_user(self.manager).unlink()
        self.assertFalse(unit.exists())

    def test_clerk_registers_unit_and_owner(self):
        unit = (
            self.env["property.unit"]
            .with_user(self.clerk)
            .create(
                {
                    "building_id": self.building.id,
                    "floor": 6,
                    "number": "601",
                    "built_area": 88.0,
                    "inner_area": 70.0,
                    "delivery_state": "occupied",
                    "member_ids": [
                        Command.create(
                            {
                                "partner_id": self.owner.id,
                                "role": "owner",
                                "is_payer": True,
                            }
                        )
                    ],
                }
            )
        )
        self.assertEqual(unit.payer_partner_id, self.owner)
        with self.assertRaises(AccessError):
            unit.member_ids.with_user(self.clerk).unlink()

    def test_only_managers_configure_estates(self):
        for user in (self.clerk, self.supervisor, self.finance):
            with self.assertRaises(AccessError):
                self.env["property.estate"].with_user(user).create(
                    {"name": "X", "code": "X"}
                )
            with self.assertRaises(AccessError):
                self.building.with_user(user).write({"floor_count": 30})
        self.assertEqual(self.estate.with_user(self.clerk).name, "Test Garden")
        self.env["property.estate"].with_user(self.manager).create(
            {"name": "New Estate", "code": "NE"}
        )

    def test_finance_reads_but_does_not_edit_units(self):
        self.assertEqual(self.unit.with_user(self.finance).code, "3-1201")
        with self.assertRaises(AccessError):
            self.unit.with_user(self.finance).write({"built_area": 100.0})

    def test_other_company_cannot_read_units(self):
        company_b = self.env["res.company"].create({"name": "Company B"})
        clerk_b = new_test_user(
            self.env,
            login="fd_clerk_b",
            groups="property_frontdesk.group_property_clerk",
            company_id=company_b.id,
            company_ids=[Command.set(company_b.ids)],
        )
        Unit = self.env["property.unit"].with_user(clerk_b)
        self.assertFalse(Unit.search([("id", "=", self.unit.id)]))
        with self.assertRaises(AccessError):
            self.unit.with_user(clerk_b).read(["code"])
        with self.assertRaises(AccessError):
            self.unit.member_ids.with_user(clerk_b).read(["partner_id"])
        with self.assertRaises(AccessError):
            self.estate.with_user(clerk_b).read(["name"])

    def test_portal_user_sees_only_own_units(self):
        other = self._create_unit(
            "701",
            floor=7,
            delivery_state="vacant",
            member_ids=[
                Command.create(
                    {"partner_id": self.tenant.id, "role": "owner", "is_payer": True}
                )
            ],
        )
        portal = new_test_user(
            self.env,
            login="fd_portal",
            groups="base.group_portal",
            partner_id=self.owner.id,
        )
        units = self.env["property.unit"].with_user(portal).search([])
        self.assertEqual(units, self.unit)
        with self.assertRaises(AccessError):
            other.with_user(portal).read(["code"])
        with self.assertRaises(AccessError):
            self.unit.with_user(portal).write({"built_area": 1.0})
