from datetime import date

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import freeze_time, tagged

from .common import PropertyFrontdeskCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-15")
class TestMember(PropertyFrontdeskCommon):
    def test_current_payer(self):
        self.assertEqual(self.unit.payer_partner_id, self.owner)
        self.assertEqual(self.unit.owner_names, "Owner Zhou")
        self.assertFalse(self.unit.payer_missing)
        self.assertEqual(self.unit.member_count, 1)

    def test_delivered_unit_needs_a_payer(self):
        with self.assertRaisesRegex(
            ValidationError, "is delivered but has no current bill payer"
        ):
            self._create_unit(
                "301",
                floor=3,
                delivery_state="occupied",
                member_ids=[
                    Command.create(
                        {
                            "partner_id": self.owner.id,
                            "role": "owner",
                            "is_payer": False,
                        }
                    )
                ],
            )

    def test_not_delivered_unit_needs_no_payer(self):
        unit = self._create_unit("302", floor=3)
        self.assertFalse(unit.payer_missing)
        with self.assertRaisesRegex(
            ValidationError, "is delivered but has no current bill payer"
        ):
            unit.delivery_state = "vacant"

    def test_two_current_payers_refused(self):
        with self.assertRaisesRegex(
            ValidationError,
            r"would have two bill payers at the same time \(Owner Zhou and Tenant Wu\)",
        ):
            self.env["property.unit.member"].create(
                {
                    "unit_id": self.unit.id,
                    "partner_id": self.tenant.id,
                    "role": "tenant",
                    "date_start": "2026-03-01",
                    "is_payer": True,
                }
            )

    def test_payer_handover_in_one_write(self):
        owner_member = self.unit.member_ids
        self.unit.write(
            {
                "member_ids": [
                    Command.update(owner_member.id, {"date_end": "2026-03-14"}),
                    Command.create(
                        {
                            "partner_id": self.tenant.id,
                            "role": "tenant",
                            "date_start": "2026-03-15",
                            "date_end": "2028-03-14",
                            "is_payer": True,
                        }
                    ),
                ]
            }
        )
        self.assertEqual(self.unit.payer_partner_id, self.tenant)
        self.assertFalse(owner_member.is_current)
        # the day the lease ends the tenant is still the payer, the next day nobody is
        unit = self.unit.with_context(date="2028-03-14")
        self.assertEqual(unit.payer_partner_id, self.tenant)
        unit = self.unit.with_context(date="2028-03-15")
        self.assertTrue(unit.payer_missing)
        self.assertIn(
            self.unit,
            self.env["property.unit"]
            .with_context(date="2028-03-15")
            .search([("payer_missing", "=", True)]),
        )

    def test_ending_the_only_payer_refused(self):
        with self.assertRaisesRegex(
            ValidationError, "is delivered but has no current bill payer"
        ):
            self.unit.member_ids.date_end = "2026-03-01"

    def test_removing_the_payer_refused(self):
        with self.assertRaisesRegex(
            ValidationError, "is delivered but has no current bill payer"
        ):
            self.unit.member_ids.sudo().unlink()
        with self.assertRaisesRegex(
            ValidationError, "is delivered but has no current bill payer"
        ):
            self.unit.member_ids.is_payer = False

    def test_member_date_order(self):
        with self.assertRaisesRegex(
            ValidationError,
            r"the end date \(2026-01-01\) cannot be before the start date "
            r"\(2026-02-01\)",
        ):
            self.env["property.unit.member"].create(
                {
                    "unit_id": self.unit.id,
                    "partner_id": self.tenant.id,
                    "role": "family",
                    "date_start": "2026-02-01",
                    "date_end": "2026-01-01",
                }
            )

    def test_future_and_past_members_are_not_current(self):
        Member = self.env["property.unit.member"]
        future = Member.create(
            {
                "unit_id": self.unit.id,
                "partner_id": self.tenant.id,
                "role": "tenant",
                "date_start": "2026-04-01",
            }
        )
        past = Member.create(
            {
                "unit_id": self.unit.id,
                "partner_id": self.env["res.partner"].create({"name": "Old Tenant"}).id,
                "role": "tenant",
                "date_start": "2024-01-01",
                "date_end": "2025-12-31",
            }
        )
        self.assertFalse(future.is_current)
        self.assertFalse(past.is_current)
        current = Member.search(
            [("unit_id", "=", self.unit.id), ("is_current", "=", True)]
        )
        self.assertEqual(
            current, self.unit.member_ids.filtered(lambda m: m.partner_id == self.owner)
        )
        not_current = Member.search(
            [("unit_id", "=", self.unit.id), ("is_current", "=", False)]
        )
        self.assertEqual(not_current, future | past)
        self.assertEqual(self.unit.current_member_ids.partner_id, self.owner)
        self.assertTrue(future.with_context(date=date(2026, 4, 1)).is_current)

    def test_partner_units_smart_button(self):
        second = self._create_unit(
            "B101",
            floor=-1,
            usage="parking",
            built_area=13.2,
            inner_area=12.5,
            delivery_state="occupied",
            member_ids=[
                Command.create(
                    {"partner_id": self.owner.id, "role": "owner", "is_payer": True}
                )
            ],
        )
        self.assertEqual(self.owner.property_unit_count, 2)
        action = self.owner.action_view_property_units()
        self.assertEqual(
            self.env["property.unit"].search(action["domain"]), self.unit | second
        )
