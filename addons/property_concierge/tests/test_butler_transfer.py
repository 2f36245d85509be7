from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common_butler import SIGNATURE, PropertyButlerCommon


@tagged("post_install", "-at_install")
class TestButlerTransfer(PropertyButlerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Transfer = cls.env["property.butler.transfer"].with_user(cls.clerk)

    def _transfer(self, **vals):
        return self.Transfer.create(
            {
                "unit_id": self.unit.id,
                "partner_id": self.owner.id,
                "direction": "to_owner",
                "other_name": "Courier Sun",
                "other_phone": "135 0000 0009",
                "items": "Document envelope",
                "item_category": "documents",
                **vals,
            }
        )

    def test_one_side_must_be_owner(self):
        with self.assertRaisesRegex(
            ValidationError,
            "One side of a transfer must be an owner: Tenant Wu is not a current owner",
        ):
            self._transfer(partner_id=self.tenant.id)
        with self.assertRaisesRegex(ValidationError, "Visitor Qian is not a current"):
            self._transfer(partner_id=self.visitor.id)
        transfer = self._transfer()
        self.assertTrue(transfer.name.startswith("ZJ"))

    def test_receive_notifies_recipient(self):
        transfer = self._transfer()
        transfer.action_receive()
        self.assertEqual(transfer.state, "held")
        self.assertTrue(transfer.date_notified)
        self.assertEqual(transfer.recipient_partner_id, self.owner)
        # the owner is told (notification) and it shows on the owner's chatter
        notice = self.env["mail.message"].search(
            [
                ("model", "=", transfer._name),
                ("res_id", "=", transfer.id),
                ("partner_ids", "in", self.owner.ids),
            ]
        )
        self.assertTrue(notice)
        self.assertIn("waiting for you at the service centre desk", notice[0].body)
        owner_log = self.owner.message_ids.filtered(
            lambda m: transfer.name in (m.body or "")
        )
        self.assertTrue(owner_log)
        with self.assertRaisesRegex(UserError, "has already been taken in"):
            transfer.action_receive()

    def test_from_owner_to_visitor(self):
        transfer = self._transfer(
            direction="from_owner",
            other_name="Visitor Qian",
            other_partner_id=self.visitor.id,
        )
        self.assertEqual(transfer.recipient_partner_id, self.visitor)
        transfer.action_receive()
        self.assertIn(
            "Recipient Visitor Qian notified (137 0000 0003)",
            transfer.message_ids[0].body,
        )

    def test_restricted_goods_need_supervisor(self):
        for category, label in (
            ("cash", "Cash"),
            ("valuables", "Valuables"),
            ("perishable", "Perishable Food"),
        ):
            transfer = self._transfer(item_category=category, items=label)
            with self.assertRaisesRegex(
                UserError, f"{label} are not passed on unless the supervisor allows"
            ):
                transfer.action_receive()
            self.assertEqual(transfer.state, "draft")
        with self.assertRaisesRegex(
            UserError,
            "Only a front-desk supervisor can allow a transfer of restricted goods",
        ):
            transfer.action_approve()
        transfer.with_user(self.supervisor).action_approve()
        self.assertEqual(transfer.approved_by_id, self.supervisor)
        transfer.action_receive()
        self.assertEqual(transfer.state, "held")
        plain = self._transfer()
        with self.assertRaisesRegex(UserError, "needs no approval"):
            plain.with_user(self.supervisor).action_approve()

    def test_pickup_records_id_and_signature(self):
        transfer = self._transfer()
        with self.assertRaisesRegex(UserError, "is not held at the desk"):
            transfer.action_pickup()
        transfer.action_receive()
        with self.assertRaisesRegex(
            UserError, "Record the collector's name and ID number"
        ):
            transfer.action_pickup()
        transfer.write(
            {
                "collector_name": "Owner Zhou",
                "collector_id_number": "110101199001011234",
            }
        )
        with self.assertRaisesRegex(UserError, "The collector must sign"):
            transfer.action_pickup()
        transfer.collector_signature = SIGNATURE
        transfer.action_pickup()
        self.assertEqual(transfer.state, "collected")
        self.assertTrue(transfer.date_collected)
        with self.assertRaisesRegex(UserError, "cannot be changed once taken in"):
            transfer.items = "Two envelopes"
        with self.assertRaisesRegex(UserError, "Transfers taken in at the desk stay"):
            transfer.with_user(self.manager).unlink()

    def test_cancel_needs_reason(self):
        transfer = self._transfer()
        with self.assertRaisesRegex(UserError, "Give the reason for cancelling"):
            transfer.action_cancel()
        transfer.cancel_reason = "Sender took it back"
        transfer.action_cancel()
        self.assertEqual(transfer.state, "cancelled")
        with self.assertRaisesRegex(UserError, "is already closed"):
            transfer.action_cancel()

    def test_form_slip_rendered(self):
        transfer = self._transfer()
        transfer.action_receive()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "property_concierge.action_report_property_butler_transfer",
                transfer.ids,
            )[0]
            .decode()
        )
        self.assertIn("Item Transfer Form", html)
        self.assertIn(transfer.name, html)
        self.assertIn("Courier Sun", html)
        self.assertIn("Collector's ID Number", html)
        self.assertIn("Collector's signature", html)
