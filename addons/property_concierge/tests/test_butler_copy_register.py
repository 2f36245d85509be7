from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common_billing import PropertyButlerBillingCommon


@tagged("post_install", "-at_install")
class TestButlerCopyRegister(PropertyButlerBillingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Service = cls.env["property.butler.business.service"]
        cls.copy_a4 = Service.create(
            {
                "name": "Copy A4",
                "service_type": "copy",
                "price": 0.5,
                "uom_name": "page",
            }
        )
        cls.fax = Service.create(
            {
                "name": "Fax",
                "service_type": "fax_send",
                "price": 2.0,
                "uom_name": "page",
            }
        )
        cls.Register = cls.env["property.butler.copy.register"].with_user(cls.clerk)

    def _register(self):
        register = self.Register.with_context(date="2026-11-24")._get_register(
            self.estate
        )
        register.line_ids = [
            Command.create({"service_id": self.copy_a4.id, "quantity": 12}),
            Command.create(
                {"service_id": self.fax.id, "quantity": 3, "unit_id": self.unit.id}
            ),
            Command.create(
                {"service_id": self.copy_a4.id, "quantity": 1, "customer": "Visitor"}
            ),
        ]
        return register

    def test_one_receipt_for_the_day(self):
        register = self._register()
        self.assertEqual(str(register.date), "2026-11-24")
        self.assertEqual(
            register,
            self.Register.with_context(date="2026-11-24")._get_register(self.estate),
        )
        self.assertEqual(register.line_ids.mapped("amount"), [6.0, 6.0, 0.5])
        self.assertEqual(register.amount_total, 12.5)
        self.assertEqual(
            register.partner_id, self.env.ref("property_concierge.partner_walk_in")
        )
        receipt = register.action_issue_receipt()
        self.assertEqual(len(receipt), 1)
        self.assertEqual(receipt.state, "issued")
        self.assertEqual(receipt.amount_total, 12.5)
        self.assertEqual(len(receipt.line_ids), 3)
        self.assertEqual(set(receipt.line_ids.mapped("line_type")), {"fee"})
        self.assertEqual(receipt.line_ids.product_id, self.fee_copying)
        self.assertEqual(receipt.line_ids.butler_copy_line_id, register.line_ids)
        self.assertIn("Copy A4 × 12 page", receipt.line_ids.mapped("name"))
        self.assertEqual(register.state, "receipted")
        self.assertEqual(
            set(register.line_ids.mapped("receipt_number")), {receipt.name}
        )
        with self.assertRaisesRegex(UserError, "is already receipted"):
            register.action_issue_receipt()

    def test_receipted_lines_locked(self):
        register = self._register()
        register.action_issue_receipt()
        line = register.line_ids[0]
        with self.assertRaisesRegex(
            UserError, "Lines already receipted cannot be changed"
        ):
            line.quantity = 20
        with self.assertRaisesRegex(
            UserError, "Lines already receipted cannot be changed"
        ):
            line.with_user(self.manager).unlink()
        with self.assertRaisesRegex(
            UserError, "Lines already receipted cannot be changed"
        ):
            register.line_ids = [Command.create({"service_id": self.fax.id})]
        with self.assertRaisesRegex(UserError, "receipted register can no longer"):
            register.date = "2026-11-25"
        with self.assertRaisesRegex(
            UserError, "A receipted register cannot be deleted"
        ):
            register.with_user(self.manager).unlink()
        self.assertEqual(len(register.line_ids), 3)

    def test_void_reopens_register(self):
        register = self._register()
        receipt = register.action_issue_receipt()
        with self.assertRaisesRegex(UserError, "Only a supervisor or the finance"):
            receipt.with_user(self.clerk).action_void("Wrong count")
        receipt.with_user(self.supervisor).action_void("Wrong count")
        self.assertEqual(receipt.state, "void")
        self.assertEqual(register.state, "open")
        self.assertFalse(register.receipt_id)
        self.assertEqual(set(register.line_ids.mapped("receipt_number")), {False})
        self.assertIn("voided (Wrong count)", register.message_ids[0].body)
        register.line_ids[0].quantity = 10
        new_receipt = register.action_issue_receipt()
        self.assertNotEqual(new_receipt, receipt)
        self.assertEqual(new_receipt.amount_total, 11.5)
        self.assertEqual(
            set(register.line_ids.mapped("receipt_number")), {new_receipt.name}
        )

    def test_finance_reads_only(self):
        register = self._register()
        self.assertEqual(register.with_user(self.finance).amount_total, 12.5)
        with self.assertRaises(AccessError):
            register.line_ids[0].with_user(self.finance).quantity = 1
        with self.assertRaises(AccessError):
            register.with_user(self.clerk).unlink()

    def test_form_lines_priced_from_the_list(self):
        form = Form(self.Register)
        form.estate_id = self.estate
        form.date = "2026-11-23"
        with form.line_ids.new() as line:
            line.service_id = self.fax
            self.assertEqual(line.price_unit, 2.0)
            line.quantity = 4
        register = form.save()
        self.assertEqual(register.amount_total, 8.0)
        self.assertEqual(register.line_ids.user_id, self.clerk)

    def test_empty_register(self):
        register = self.Register.with_context(date="2026-11-24")._get_register(
            self.estate
        )
        with self.assertRaisesRegex(UserError, "has no lines to receipt"):
            register.action_issue_receipt()

    def test_one_register_a_day(self):
        self._register()
        with self.assertSqlConstraint("one copy and print register a day"):
            self.Register.create({"estate_id": self.estate.id, "date": "2026-11-24"})

    def test_prices_set_by_supervisor(self):
        with self.assertRaises(AccessError):
            self.copy_a4.with_user(self.clerk).price = 0.1
        self.copy_a4.with_user(self.supervisor).price = 0.4
        self.assertEqual(self.copy_a4.price, 0.4)

    def test_register_sheet_rendered(self):
        register = self._register()
        receipt = register.action_issue_receipt()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "property_concierge.action_report_property_butler_copy_register",
                register.ids,
            )[0]
            .decode()
        )
        self.assertIn("Copy and Print Register", html)
        self.assertIn("Copy A4", html)
        self.assertIn(receipt.name, html)
        self.assertIn("12.50", html)
