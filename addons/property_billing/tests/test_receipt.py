from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PropertyBillingCommon


@tagged("post_install", "-at_install")
class TestReceipt(PropertyBillingCommon):
    def test_setup_creates_journals_and_accounts(self):
        company = self.company
        self.assertEqual(company.property_notice_journal_id.type, "sale")
        self.assertEqual(company.property_cash_journal_id.type, "cash")
        self.assertEqual(company.property_bank_journal_id.type, "bank")
        self.assertEqual(
            company.property_deposit_account_id.account_type, "liability_current"
        )
        self.assertEqual(
            company.property_on_behalf_account_id.account_type, "liability_current"
        )
        self.assertEqual(
            company.property_deduction_account_id.account_type, "income_other"
        )
        self.assertEqual(
            self.fee_renovation_tax.with_company(company).property_account_income_id,
            company.property_on_behalf_account_id,
        )
        # idempotent
        journals = company.property_cash_journal_id
        company._property_billing_setup()
        self.assertEqual(company.property_cash_journal_id, journals)
        self.assertEqual(self.fee_card.lst_price, 20.0)

    def test_amount_in_chinese_capitals(self):
        Currency = self.env["res.currency"]
        self.assertEqual(
            Currency._property_amount_to_chinese(1234.5), "壹仟贰佰叁拾肆元伍角整"
        )
        self.assertEqual(Currency._property_amount_to_chinese(100), "壹佰元整")
        self.assertEqual(
            Currency._property_amount_to_chinese(1001.05), "壹仟零壹元零伍分"
        )

    def test_receipt_settles_notices_oldest_first(self):
        n1 = self._create_notice(amount=300.0, period="2026-08")
        n2 = self._create_notice(amount=300.0, period="2026-09")
        n3 = self._create_notice(amount=300.0, period="2026-10")
        cash_before = self._cash_balance()
        receipt = self._issue_receipt(
            [{"line_type": "notice", "name": "Service fee", "amount": 750.0}]
        )
        self.assertEqual(receipt.state, "issued")
        self.assertEqual(receipt.name, "TB000001")
        self.assertEqual(receipt.book_id, self.book)
        self.assertEqual(self.book.next_number, 2)
        self.assertEqual(receipt.amount_total_words, "柒佰伍拾元整")
        self.assertEqual((n1 | n2).mapped("payment_state"), ["paid", "paid"])
        self.assertEqual(n3.payment_state, "partial")
        self.assertAlmostEqual(n3.amount_residual, 150.0)
        self.assertEqual(receipt.settled_move_ids, n1 | n2 | n3)
        self.assertIn(receipt, n1.property_receipt_ids)
        # the ledger: cash debited, receivable credited
        payment = receipt.payment_ids
        self.assertEqual(payment.state, "paid")
        self.assertEqual(payment.journal_id, self.company.property_cash_journal_id)
        self.assertAlmostEqual(self._cash_balance() - cash_before, 750.0)
        receivable_line = payment.move_id.line_ids.filtered(
            lambda ln: ln.account_id == self.receivable
        )
        self.assertAlmostEqual(receivable_line.credit, 750.0)
        self.assertTrue(receivable_line.reconciled)

    def test_receipt_for_a_chosen_notice(self):
        n1 = self._create_notice(amount=300.0, period="2026-08")
        n2 = self._create_notice(amount=200.0, period="2026-09")
        self._issue_receipt(
            [{"line_type": "notice", "move_id": n2.id, "amount": 200.0}]
        )
        self.assertEqual(n1.payment_state, "not_paid")
        self.assertEqual(n2.payment_state, "paid")
        with self.assertRaisesRegex(
            UserError, "400.00 is more than the 300.00 still due"
        ):
            self._issue_receipt(
                [{"line_type": "notice", "move_id": n1.id, "amount": 400.0}]
            )

    def test_receipt_more_than_due_is_refused(self):
        self._create_notice(amount=300.0)
        with self.assertRaisesRegex(
            UserError,
            "owes 300.00 on the open notices of Test Garden 3-1201, "
            "less than the 500.00",
        ):
            self._issue_receipt([{"line_type": "notice", "amount": 500.0}])
        self.assertEqual(self.book.next_number, 1, "no number taken")

    def test_notice_of_another_payer_is_refused(self):
        notice = self._create_notice(partner=self.tenant, amount=100.0)
        with self.assertRaisesRegex(UserError, "is not a posted notice of Owner Zhou"):
            self._issue_receipt(
                [{"line_type": "notice", "move_id": notice.id, "amount": 100.0}]
            )

    def test_fee_deposit_and_on_behalf_lines_booked_apart(self):
        deposit = self.env["property.deposit"].create(
            {
                "partner_id": self.owner.id,
                "unit_id": self.unit.id,
                "deposit_type": "renovation",
                "amount_expected": 2000.0,
            }
        )
        receipt = self._issue_receipt(
            [
                {
                    "line_type": "fee",
                    "product_id": self.fee_card.id,
                    "card_number": "IC-0001234",
                    "amount": 20.0,
                },
                {"line_type": "deposit", "deposit_id": deposit.id, "amount": 2000.0},
                {
                    "line_type": "on_behalf",
                    "product_id": self.fee_renovation_tax.id,
                    "amount": 300.0,
                },
            ]
        )
        accounts = {
            pay.property_receipt_line_id.line_type: pay.destination_account_id
            for pay in receipt.payment_ids
        }
        income = self.fee_card.product_tmpl_id._get_product_accounts()["income"]
        self.assertEqual(accounts["fee"], income)
        self.assertEqual(accounts["deposit"], self.company.property_deposit_account_id)
        self.assertEqual(
            accounts["on_behalf"], self.company.property_on_behalf_account_id
        )
        self.assertEqual(deposit.state, "held")
        self.assertEqual(deposit.amount_held, 2000.0)
        balance = sum(
            self.env["account.move.line"]
            .search(
                [
                    ("account_id", "=", self.company.property_deposit_account_id.id),
                    ("move_id", "in", receipt.payment_ids.move_id.ids),
                ]
            )
            .mapped("balance")
        )
        self.assertEqual(balance, -2000.0)

    def test_line_checks(self):
        with self.assertRaisesRegex(ValidationError, "number of the access card"):
            self._issue_receipt(
                [{"line_type": "fee", "product_id": self.fee_card.id, "amount": 20.0}]
            )
        with self.assertRaisesRegex(ValidationError, "Choose the fee item"):
            self._issue_receipt([{"line_type": "fee", "name": "x", "amount": 20.0}])
        with self.assertRaisesRegex(ValidationError, "is not a collection on behalf"):
            self._issue_receipt(
                [
                    {
                        "line_type": "on_behalf",
                        "product_id": self.fee_copying.id,
                        "amount": 5.0,
                    }
                ]
            )
        with self.assertSqlConstraint("must be greater than zero"):
            self.env["property.receipt"].create(
                {
                    "partner_id": self.owner.id,
                    "line_ids": [
                        Command.create(
                            {"line_type": "prepayment", "amount": -5.0, "name": "x"}
                        )
                    ],
                }
            )
        receipt = (
            self.env["property.receipt"]
            .with_user(self.clerk)
            .create({"partner_id": self.owner.id, "unit_id": self.unit.id})
        )
        with self.assertRaisesRegex(UserError, "Add at least one line"):
            receipt.action_issue()

    def test_utilities_apart_from_service_fees(self):
        with self.assertRaisesRegex(
            ValidationError, "Water and electricity are receipted apart"
        ):
            self._issue_receipt(
                [
                    {
                        "line_type": "fee",
                        "product_id": self.fee_water.id,
                        "amount": 30.0,
                    },
                    {
                        "line_type": "fee",
                        "product_id": self.fee_copying.id,
                        "amount": 2.0,
                    },
                ]
            )
        receipt = self._issue_receipt(
            [
                {"line_type": "fee", "product_id": self.fee_water.id, "amount": 30.0},
                {
                    "line_type": "fee",
                    "product_id": self.fee_electricity.id,
                    "amount": 80.0,
                },
            ]
        )
        self.assertEqual(receipt.receipt_kind, "utility")

    def test_no_open_book(self):
        with self.assertRaisesRegex(
            UserError, "Supervisor Li has no open receipt book"
        ):
            self._issue_receipt(
                [{"line_type": "prepayment", "amount": 10.0}], user=self.supervisor
            )

    def test_issued_receipt_is_locked(self):
        receipt = self._issue_receipt([{"line_type": "prepayment", "amount": 10.0}])
        with self.assertRaisesRegex(UserError, "Issued receipts cannot be changed"):
            receipt.with_user(self.clerk).partner_id = self.tenant
        with self.assertRaisesRegex(UserError, "never deleted"):
            receipt.unlink()
        with self.assertRaisesRegex(UserError, "is already issued"):
            receipt.with_user(self.clerk).action_issue()

    def test_void_reverses_payments(self):
        n1 = self._create_notice(amount=300.0, period="2026-09")
        cash_before = self._cash_balance()
        receipt = self._issue_receipt([{"line_type": "notice", "amount": 300.0}])
        self.assertEqual(n1.payment_state, "paid")
        with self.assertRaisesRegex(UserError, "Only a supervisor or the finance"):
            receipt.with_user(self.clerk).action_void("wrong amount")
        with self.assertRaisesRegex(UserError, "Give the reason"):
            receipt.with_user(self.supervisor).action_void(" ")
        receipt.with_user(self.supervisor).action_void("Wrong unit")
        self.assertEqual(receipt.state, "void")
        self.assertEqual(receipt.name, "TB000001", "the number stays used")
        self.assertEqual(receipt.void_user_id, self.supervisor)
        self.assertEqual(receipt.display_name, "TB000001 (void)")
        self.assertEqual(n1.payment_state, "not_paid")
        self.assertEqual(receipt.payment_ids.state, "canceled")
        move = receipt.payment_ids.move_id
        self.assertEqual(move.state, "posted", "never deleted nor cancelled")
        reversal = move.reversal_move_ids
        self.assertEqual(reversal.state, "posted")
        self.assertIn("Wrong unit", reversal.ref)
        self.assertTrue(all(move.line_ids.mapped("reconciled")))
        self.assertAlmostEqual(self._cash_balance(), cash_before)
        with self.assertRaisesRegex(UserError, "Only issued receipts can be voided"):
            receipt.with_user(self.finance).action_void("again")
        # the next receipt takes the next number
        receipt2 = self._issue_receipt([{"line_type": "notice", "amount": 300.0}])
        self.assertEqual(receipt2.name, "TB000002")
        self.assertEqual(self.book.void_count, 1)

    def test_void_wizard_by_finance(self):
        receipt = self._issue_receipt([{"line_type": "prepayment", "amount": 50.0}])
        wizard = (
            self.env["property.receipt.void.wizard"]
            .with_user(self.finance)
            .create({"receipt_id": receipt.id, "reason": "Duplicate"})
        )
        wizard.action_confirm()
        self.assertEqual(receipt.state, "void")
        self.assertEqual(receipt.void_reason, "Duplicate")

    def test_prepayment_settles_next_notices(self):
        receipt = self._issue_receipt(
            [
                {
                    "line_type": "prepayment",
                    "product_id": self.fee_service.id,
                    "name": "Prepaid service fee",
                    "amount": 500.0,
                }
            ]
        )
        self.assertFalse(receipt.settled_move_ids)
        payment = receipt.payment_ids
        self.assertTrue(payment.property_prepayment)
        n1 = self._create_notice(amount=300.0, period="2026-11")
        n2 = self._create_notice(amount=300.0, period="2026-12")
        self.assertEqual(n1.payment_state, "paid")
        self.assertEqual(n2.payment_state, "partial")
        self.assertAlmostEqual(n2.amount_residual, 100.0)
        self.assertEqual(receipt.settled_move_ids, n1 | n2)
        self.assertEqual(n1.property_receipt_ids, receipt)
        # another unit's notice is not settled by this unit's credit
        other = self._create_unit("0101")
        other.member_ids = [
            Command.create(
                {
                    "partner_id": self.owner.id,
                    "role": "owner",
                    "date_start": "2020-01-01",
                    "is_payer": True,
                }
            )
        ]
        self._issue_receipt([{"line_type": "prepayment", "amount": 1000.0}])
        n3 = self._create_notice(unit=other, amount=100.0, period="2026-12")
        self.assertEqual(n3.payment_state, "not_paid")

    def test_unit_required_for_notices(self):
        with self.assertRaisesRegex(UserError, "Choose the unit"):
            self._issue_receipt(
                [{"line_type": "prepayment", "amount": 10.0}], unit=False
            )

    def test_fapiao_exchange(self):
        r1 = self._issue_receipt([{"line_type": "prepayment", "amount": 10.0}])
        r2 = self._issue_receipt([{"line_type": "prepayment", "amount": 20.0}])
        r3 = self._issue_receipt([{"line_type": "prepayment", "amount": 30.0}])
        water = self._issue_receipt(
            [{"line_type": "fee", "product_id": self.fee_water.id, "amount": 30.0}]
        )
        wizard = (
            self.env["property.receipt.fapiao.wizard"]
            .with_user(self.clerk)
            .create(
                {
                    "receipt_id": r1.id,
                    "fapiao_number": "44031234",
                    "fapiao_date": "2026-11-10",
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(r1.fapiao_number, "44031234")
        self.assertEqual(r1.fapiao_user_id, self.clerk)
        with self.assertRaisesRegex(UserError, "already exchanged"):
            r1._register_fapiao("44031299", "2026-11-12")
        with self.assertRaisesRegex(UserError, "already registered on another"):
            r2._register_fapiao("44031234", "2026-11-12")
        with self.assertRaisesRegex(UserError, "Fapiao dates never go backwards"):
            r2._register_fapiao("44031235", "2026-11-09")
        with self.assertRaisesRegex(UserError, "Give the fapiao number"):
            r2._register_fapiao(" ", "2026-11-12")
        r2._register_fapiao("44031235", "2026-11-10")
        # water and electricity keep their own series of fapiao
        water._register_fapiao("55000001", "2026-11-01")
        self.assertEqual(water.fapiao_date.isoformat(), "2026-11-01")
        r3.with_user(self.supervisor).action_void("Duplicate")
        with self.assertRaisesRegex(UserError, "Only issued receipts are exchanged"):
            r3._register_fapiao("44031236", "2026-11-11")

    def test_access(self):
        notice = self._create_notice(amount=100.0)
        with self.assertRaises(AccessError):
            notice.with_user(self.clerk).write({"ref": "changed"})
        with self.assertRaises(AccessError):
            notice.with_user(self.supervisor).button_draft()
        # the clerk reads the notice
        self.assertEqual(notice.with_user(self.clerk).amount_total, 100.0)
        receipt = self._issue_receipt([{"line_type": "notice", "amount": 100.0}])
        with self.assertRaises(AccessError):
            receipt.with_user(self.clerk).unlink()
        with self.assertRaises(AccessError):
            self.book.with_user(self.clerk).write({"user_id": self.clerk2.id})
        with self.assertRaises(AccessError):
            receipt.payment_ids.with_user(self.clerk).action_draft()

    def test_fill_open_notices(self):
        n1 = self._create_notice(amount=300.0, period="2026-08")
        n2 = self._create_notice(amount=280.0, period="2026-09")
        self._create_notice(partner=self.tenant, amount=50.0, period="2026-09")
        receipt = (
            self.env["property.receipt"]
            .with_user(self.clerk)
            .create({"partner_id": self.owner.id, "unit_id": self.unit.id})
        )
        receipt.action_fill_open_notices()
        self.assertEqual(receipt.line_ids.move_id, n1 | n2)
        self.assertEqual(receipt.line_ids.mapped("amount"), [300.0, 280.0])
        self.assertEqual(receipt.line_ids.mapped("period"), ["2026-08", "2026-09"])
        self.assertEqual(receipt.amount_total_words, "伍佰捌拾元整")
        with self.assertRaisesRegex(
            UserError, "Owner Zhou has no other open notice on Test Garden 3-1201"
        ):
            receipt.action_fill_open_notices()
        receipt.action_issue()
        self.assertEqual((n1 | n2).mapped("payment_state"), ["paid", "paid"])
        with self.assertRaisesRegex(UserError, "Issued receipts cannot be changed"):
            receipt.action_fill_open_notices()

    def test_multi_company(self):
        receipt = self._issue_receipt([{"line_type": "prepayment", "amount": 10.0}])
        other = self.env["res.company"].create({"name": "Other Property Co."})
        outsider = self.env["res.users"].create(
            {
                "name": "Outsider",
                "login": "billing_outsider",
                "company_id": other.id,
                "company_ids": [Command.set(other.ids)],
                "groups_id": [
                    Command.set(
                        [self.env.ref("property_frontdesk.group_property_manager").id]
                    )
                ],
            }
        )
        Receipt = self.env["property.receipt"].with_user(outsider)
        self.assertFalse(Receipt.search([("id", "=", receipt.id)]))
        Book = self.env["property.receipt.book"].with_user(outsider)
        self.assertFalse(Book.search([("id", "=", self.book.id)]))
        self.assertEqual(
            self.env["property.receipt"]
            .with_user(self.clerk)
            .search([("id", "=", receipt.id)]),
            receipt,
        )
