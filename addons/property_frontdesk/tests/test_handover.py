from datetime import date
from html import unescape
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import PropertyDeskCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-16 02:00:00")
class TestHandover(PropertyDeskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Handover = cls.env["property.handover"]
        cls.new_unit = cls._create_unit("1801", floor=18)
        cls.buyer = cls.env["res.partner"].create(
            {"name": "Buyer Feng", "mobile": "136 0000 0003", "lang": "en_US"}
        )
        cls.spouse = cls.env["res.partner"].create(
            {"name": "Spouse Lin", "lang": "en_US"}
        )

    def _doc(self, xmlid):
        return self.env.ref(f"property_frontdesk.handover_document_{xmlid}")

    def _handover(self, **vals):
        return self.Handover.with_user(self.clerk).create(
            {
                "handover_type": "first_delivery",
                "unit_id": self.new_unit.id,
                "partner_id": self.buyer.id,
                **vals,
            }
        )

    def _fill(self, handover):
        """Everything a complete handover has."""
        handover.document_line_ids.status = "copy_kept"
        handover.agreement_line_ids.signed = True
        handover.write({"readings_confirmed": True, "keys_signed": True})
        return handover

    def test_documents_depend_on_the_customer(self):
        handover = self._handover()
        self.assertEqual(handover.owner_kind, "family")
        expected = {
            "delivery_notice",
            "owner_id",
            "family_ids",
            "info_card",
            "photos",
            "bank_card",
        }
        self.assertEqual(
            handover.document_line_ids.item_id,
            self.env["property.handover.checklist.item"].union(
                *(self._doc(x) for x in expected)
            ),
        )
        self.assertTrue(handover.agreement_line_ids)
        self.assertTrue(handover.equipment_line_ids)
        self.assertTrue(handover.key_line_ids)
        # a company brings its own papers; the delivery notice stays with its status
        notice = handover.document_line_ids.filtered(
            lambda line: line.item_id == self._doc("delivery_notice")
        )
        notice.status = "provided"
        handover.owner_kind = "company"
        items = handover.document_line_ids.item_id
        self.assertIn(self._doc("business_licence"), items)
        self.assertIn(self._doc("legal_rep_id"), items)
        self.assertNotIn(self._doc("owner_id"), items)
        self.assertEqual(notice.exists().status, "provided")
        # a proxy adds the letter of authorisation and the proxy's ID
        handover.by_proxy = True
        self.assertIn(self._doc("proxy_letter"), handover.document_line_ids.item_id)
        self.assertIn(self._doc("proxy_id"), handover.document_line_ids.item_id)
        # a resale asks for the purchase contract, not the delivery notice
        resale = self._handover(handover_type="resale", unit_id=self.unit.id)
        items = resale.document_line_ids.item_id
        self.assertIn(self._doc("purchase_contract"), items)
        self.assertNotIn(self._doc("delivery_notice"), items)
        self.assertEqual(resale.previous_owner_ids, self.owner)
        self.assertFalse(resale.equipment_line_ids, "a resold house is not inspected")

    def test_line_names_follow_the_reader(self):
        handover = self._handover()
        notice = handover.document_line_ids.filtered(
            lambda line: line.item_id == self._doc("delivery_notice")
        )
        self.assertEqual(notice.name, "Delivery notice (original)")
        self.assertFalse(notice.label)
        self.assertEqual(
            notice.with_context(lang="zh_CN").name, "房屋交付通知书（原件）"
        )
        handover.document_line_ids = [
            Command.create({"name": "Developer's letter", "required": True})
        ]
        extra = handover.document_line_ids.filtered(lambda line: not line.item_id)
        self.assertEqual(extra.with_context(lang="zh_CN").name, "Developer's letter")
        with self.assertRaisesRegex(ValidationError, "Give a name to the lines"):
            handover.key_line_ids = [Command.create({"quantity": 1})]

    def test_company_customer_from_the_partner(self):
        company = self.env["res.partner"].create(
            {"name": "Shenzhen Tech Ltd", "is_company": True}
        )
        form = Form(self.Handover.with_user(self.clerk))
        form.unit_id = self.new_unit
        form.partner_id = company
        self.assertEqual(form.owner_kind, "company")
        form.by_proxy = True
        form.proxy_partner_id = self.tenant
        handover = form.save()
        # the checklist follows the customer without repeating itself
        lines = handover.document_line_ids
        self.assertEqual(len(lines), len(lines.item_id))
        self.assertIn(self._doc("business_licence"), lines.item_id)
        self.assertIn(self._doc("proxy_letter"), lines.item_id)
        self.assertNotIn(self._doc("owner_id"), lines.item_id)

    def test_every_blocker_is_listed(self):
        handover = self._handover()
        with self.assertRaisesRegex(UserError, "cannot be completed yet") as catcher:
            handover.action_complete()
        message = str(catcher.exception)
        self.assertIn("required documents are missing", message)
        self.assertIn("Delivery notice (original)", message)
        self.assertIn("agreements not signed", message)
        self.assertIn("Preliminary property service agreement", message)
        self.assertIn("has not confirmed the meter readings", message)
        self.assertIn("has not signed for the keys and items", message)
        self.assertEqual(handover.state, "draft")
        self.assertEqual(self.new_unit.delivery_state, "not_delivered")
        self.assertFalse(self.new_unit.member_ids)

    def test_missing_documents_need_a_supervisor_exception(self):
        handover = self._fill(self._handover())
        handover.document_line_ids.filtered("required")[:1].status = "missing"
        with self.assertRaisesRegex(UserError, "required documents are missing"):
            handover.action_complete()
        with self.assertRaisesRegex(
            AccessError, "Only a front desk supervisor records an exception"
        ):
            handover.with_user(self.clerk).action_record_exception()
        with self.assertRaisesRegex(UserError, "Write the reason for the exception"):
            handover.with_user(self.supervisor).action_record_exception()
        handover.exception_reason = "Original notice lost; developer's letter seen."
        handover.with_user(self.supervisor).action_record_exception()
        self.assertEqual(handover.exception_by_id, self.supervisor)
        handover.with_user(self.clerk).action_complete()
        self.assertEqual(handover.state, "done")

    def test_first_delivery_completed(self):
        handover = self._fill(
            self._handover(
                occupant_ids=[Command.set(self.spouse.ids)],
                water_reading=3.5,
                electricity_reading=12.8,
                defect_ids=[
                    Command.create(
                        {
                            "description": "Crack in the living-room wall",
                            "area": "in_home",
                        }
                    ),
                    Command.create(
                        {"description": "Loose tile at the lift", "area": "public"}
                    ),
                ],
            )
        )
        handover.with_user(self.clerk).action_complete()
        self.assertEqual(handover.state, "done")
        self.assertEqual(handover.done_by_id, self.clerk)
        unit = self.new_unit
        self.assertEqual(unit.delivery_state, "vacant")
        self.assertEqual(unit.payer_partner_id, self.buyer)
        owner = unit.member_ids.filtered(lambda m: m.partner_id == self.buyer)
        self.assertEqual((owner.role, owner.date_start), ("owner", date(2026, 3, 16)))
        spouse = unit.member_ids.filtered(lambda m: m.partner_id == self.spouse)
        self.assertEqual((spouse.role, spouse.is_payer), ("family", False))
        # each defect is a repair ticket dispatched to engineering
        tickets = handover.defect_ids.ticket_id
        self.assertEqual(len(tickets), 2)
        self.assertEqual(tickets.type_id, self.type_repair | self.type_public)
        self.assertEqual(set(tickets.mapped("state")), {"dispatched"})
        self.assertEqual(tickets.team_id, self.team_eng)
        self.assertEqual(handover.defect_open_count, 2)
        self.assertIn(handover.name, unit.message_ids[0].body)
        # done is done
        with self.assertRaisesRegex(UserError, "Only handovers in progress"):
            handover.action_cancel()
        with self.assertRaisesRegex(UserError, "they are kept"):
            handover.with_user(self.manager).unlink()
        again = self._fill(self._handover())
        with self.assertRaisesRegex(UserError, "has already been delivered"):
            again.action_complete()

    def test_defects_become_tickets_before_completion(self):
        handover = self._handover(
            defect_ids=[Command.create({"description": "Door scratched"})]
        )
        handover.with_user(self.clerk).action_create_defect_tickets()
        ticket = handover.defect_ids.ticket_id
        self.assertEqual(ticket.partner_id, self.buyer)
        self.assertEqual(ticket.accepted_by_id, self.clerk)
        self.assertEqual(handover.defect_ticket_count, 1)
        # not twice
        handover.action_create_defect_tickets()
        self.assertEqual(handover.defect_ids.ticket_id, ticket)

    def test_resale_waits_for_billing(self):
        handover = self._fill(
            self._handover(handover_type="resale", unit_id=self.unit.id)
        )
        blockers = [
            "the previous owner's unpaid fees must be settled first",
            "3 payment notices of Owner Zhou are unpaid",
        ]
        with patch.object(
            type(handover), "_get_billing_completion_blockers", return_value=blockers
        ) as hook:
            with self.assertRaisesRegex(
                UserError, "cannot be completed yet"
            ) as catcher:
                handover.action_complete()
            hook.assert_called()
        for blocker in blockers:
            self.assertIn(f"- {blocker}", str(catcher.exception))
        self.assertEqual(self.unit.payer_partner_id, self.owner)
        # billing has nothing against it any more
        self.assertEqual(handover._get_billing_completion_blockers(), [])
        handover.action_complete()
        previous = self.unit.member_ids.filtered(lambda m: m.partner_id == self.owner)
        self.assertEqual(previous.date_end, date(2026, 3, 15))
        self.assertEqual(self.unit.payer_partner_id, self.buyer)
        self.assertEqual(self.unit.owner_names, "Buyer Feng")
        self.assertEqual(self.unit.delivery_state, "occupied")

    def test_resale_keeps_a_tenant_without_the_bills(self):
        self.unit.write(
            {
                "member_ids": [
                    Command.update(self.unit.member_ids.id, {"date_end": "2025-12-31"}),
                    Command.create(
                        {
                            "partner_id": self.owner.id,
                            "role": "owner",
                            "date_start": "2026-01-01",
                        }
                    ),
                    Command.create(
                        {
                            "partner_id": self.tenant.id,
                            "role": "tenant",
                            "date_start": "2026-01-01",
                            "date_end": "2027-12-31",
                            "is_payer": True,
                        }
                    ),
                ]
            }
        )
        handover = self._fill(
            self._handover(handover_type="resale", unit_id=self.unit.id)
        )
        handover.action_complete()
        current = self.unit.current_member_ids
        self.assertEqual(self.unit.payer_partner_id, self.buyer)
        self.assertEqual(current.partner_id, self.buyer | self.tenant)
        tenant = current.filtered(lambda m: m.partner_id == self.tenant)
        self.assertEqual(
            (tenant.is_payer, tenant.date_end), (False, date(2027, 12, 31))
        )

    def test_tenant_moves_in_and_out(self):
        move_in = self._fill(
            self._handover(
                handover_type="tenant_move_in",
                unit_id=self.unit.id,
                partner_id=self.tenant.id,
                lease_end_date="2028-03-15",
            )
        )
        self.assertTrue(move_in.becomes_payer)
        move_in.action_complete()
        self.assertEqual(self.unit.payer_partner_id, self.tenant)
        self.assertEqual(self.unit.delivery_state, "occupied")
        owner = self.unit.current_member_ids.filtered(lambda m: m.role == "owner")
        self.assertEqual((owner.partner_id, owner.is_payer), (self.owner, False))

        stranger = self._handover(
            handover_type="tenant_move_out",
            unit_id=self.unit.id,
            partner_id=self.buyer.id,
        )
        with self.assertRaisesRegex(UserError, "Buyer Feng is not a current tenant"):
            stranger.action_complete()
        with freeze_time("2026-09-01 02:00:00"):
            move_out = self._fill(
                self._handover(
                    handover_type="tenant_move_out",
                    unit_id=self.unit.id,
                    partner_id=self.tenant.id,
                )
            )
            self.assertFalse(move_out.becomes_payer)
            move_out.action_complete()
            self.assertEqual(self.unit.payer_partner_id, self.owner)
            self.assertNotIn(self.tenant, self.unit.current_member_ids.partner_id)
            self.assertEqual(self.unit.delivery_state, "vacant")

    def test_dates_and_key_custody(self):
        handover = self._fill(self._handover(date="2026-03-20"))
        handover.write({"key_custody": True, "key_custody_count": 1})
        with self.assertRaisesRegex(UserError, "cannot be completed yet") as catcher:
            handover.action_complete()
        self.assertIn("in the future", str(catcher.exception))
        self.assertIn("without the owner's signed statement", str(catcher.exception))
        handover.write({"date": "2026-03-16", "key_custody_consent": True})
        handover.action_complete()
        self.assertEqual(handover.state, "done")

    def test_cancel_and_reopen(self):
        handover = self._handover()
        handover.action_cancel()
        self.assertEqual(handover.state, "cancelled")
        handover.action_reset_draft()
        self.assertEqual(handover.state, "draft")
        with self.assertRaisesRegex(
            UserError, "Only cancelled handovers can be reopened"
        ):
            handover.action_reset_draft()

    def test_handover_confirmation_document(self):
        handover = self._fill(
            self._handover(water_reading=3.5, electricity_reading=12.8, gas_reading=0.6)
        )
        handover.key_line_ids[:1].write({"name": "Entrance door keys", "quantity": 3})
        handover.action_complete()
        content = self.env["ir.actions.report"]._render_qweb_pdf(
            "property_frontdesk.action_report_property_handover", handover.ids
        )[0]
        html = unescape(content.decode())
        self.assertIn("Handover Confirmation", html)
        self.assertIn(handover.name, html)
        self.assertIn("Buyer Feng", html)
        self.assertIn("3-1801", html)
        self.assertIn("First Delivery", html)
        self.assertIn("Delivery notice (original)", html)
        self.assertIn("Copy Kept", html)
        self.assertIn("3.50", html)
        self.assertIn("12.80", html)
        self.assertIn("Entrance door keys", html)
        self.assertIn("Customer's copy", html)
        self.assertIn("Service centre's copy", html)
        self.assertIn("Customer's signature", html)
        self.assertIn("o_property_signatures", html)
        self.assertEqual(
            handover._get_report_base_filename(),
            f"Handover Confirmation {handover.name.replace('/', '-')}",
        )
