import threading

from psycopg2 import errors as pg_errors

from odoo import api
from odoo.exceptions import UserError, ValidationError
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, new_test_user, tagged
from odoo.tests.common import get_db_name

from .common import PropertyBillingCommon


@tagged("post_install", "-at_install")
class TestReceiptBook(PropertyBillingCommon):
    def _book(self, name, first, last, user=None, **vals):
        return self.env["property.receipt.book"].create(
            {
                "name": name,
                "prefix": "TB",
                "padding": 6,
                "number_from": first,
                "number_to": last,
                "user_id": (user or self.clerk).id,
                **vals,
            }
        )

    def test_at_most_two_open_books(self):
        book = self._book("TB-003", 101, 150)
        book.with_user(self.finance).action_issue()
        self.assertEqual(book.state, "open")
        self.assertEqual(book.issued_by_id, self.finance)
        third = self._book("TB-004", 151, 200)
        with self.assertRaisesRegex(UserError, "already holds 2 open receipt books"):
            third.with_user(self.finance).action_issue()
        with self.assertRaisesRegex(UserError, "Only the cashier"):
            third.with_user(self.clerk).action_issue()
        with self.assertRaisesRegex(UserError, "is not in stock"):
            book.with_user(self.finance).action_issue()

    def test_ranges_never_overlap(self):
        with self.assertRaisesRegex(ValidationError, "overlap those of book TB-001"):
            self._book("TB-009", 40, 60)
        # another prefix is another series
        self._book("ZQ-001", 1, 50, prefix="ZQ")
        with self.assertSqlConstraint("must not be lower than its first"):
            self._book("TB-010", 500, 400)
        with self.assertRaisesRegex(UserError, "cannot be changed once"):
            self.book.number_to = 60

    def test_oldest_book_first_then_next(self):
        small = self._book("TB-005", 201, 202)
        small.with_user(self.finance).action_issue()
        self.book.with_user(self.clerk).action_return()
        with self.assertRaisesRegex(UserError, "Only a receipt book in use"):
            self.book.with_user(self.clerk).action_return()
        r1 = self._issue_receipt([{"line_type": "prepayment", "amount": 1.0}])
        r2 = self._issue_receipt([{"line_type": "prepayment", "amount": 1.0}])
        self.assertEqual((r1.name, r2.name), ("TB000201", "TB000202"))
        self.assertEqual(small.remaining_count, 0)
        with self.assertRaisesRegex(UserError, "no open receipt book with numbers"):
            self._issue_receipt([{"line_type": "prepayment", "amount": 1.0}])

    def test_return_and_write_off(self):
        self._issue_receipt([{"line_type": "prepayment", "amount": 1.0}])
        with self.assertRaisesRegex(UserError, "Only a returned receipt book"):
            self.book.with_user(self.finance).action_write_off()
        with self.assertRaisesRegex(UserError, "Only the cashier"):
            self.book2.with_user(self.clerk).action_return()
        self.book.with_user(self.clerk).action_return()
        self.assertEqual(self.book.state, "returned")
        with self.assertRaisesRegex(UserError, "Only the cashier"):
            self.book.with_user(self.clerk).action_write_off()
        self.book.with_user(self.finance).action_write_off()
        self.assertEqual(self.book.state, "written_off")
        self.assertIn("49 unused numbers", self.book.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "is kept"):
            self.book.unlink()


@tagged("post_install", "-at_install")
class TestReceiptNumberConcurrency(BaseCase):
    """Two transactions take numbers of the same book at the same time: the second
    waits for the first, no number is taken twice and none is skipped, even when
    a transaction is rolled back."""

    def setUp(self):
        super().setUp()
        self.registry = Registry(get_db_name())
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            user = new_test_user(
                env,
                login="concurrency_clerk",
                groups="property_frontdesk.group_property_clerk",
            )
            book = env["property.receipt.book"].create(
                {
                    "name": "CC-001",
                    "prefix": "CC",
                    "number_from": 1,
                    "number_to": 100,
                    "user_id": user.id,
                    "state": "open",
                }
            )
            self.user_id, self.book_id = user.id, book.id
            self.company_id = env.company.id
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            cr.execute(
                "DELETE FROM property_receipt_book WHERE id = %s", (self.book_id,)
            )
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            user = env["res.users"].browse(self.user_id)
            partner = user.partner_id
            user.unlink()
            partner.unlink()

    def _take(self, cr):
        env = api.Environment(cr, api.SUPERUSER_ID, {})
        return env["property.receipt.book"]._take_next_number(
            env["res.users"].browse(self.user_id),
            env["res.company"].browse(self.company_id),
        )[1]

    def _take_with_retry(self, results):
        """What Odoo's RPC layer does: retry on a serialization failure (the
        cursor commits when its block ends)."""
        for _attempt in range(5):
            with self.registry.cursor() as cr:
                try:
                    results.append(self._take(cr))
                    return
                except (
                    pg_errors.SerializationFailure,
                    pg_errors.LockNotAvailable,
                ):
                    cr.rollback()

    def test_concurrent_numbers(self):
        results = []
        thread = threading.Thread(target=self._take_with_retry, args=(results,))
        with self.registry.cursor() as cr_a:
            first = self._take(cr_a)  # A holds the lock on the book
            thread.start()
            thread.join(timeout=1.0)
            waiting = thread.is_alive()
        # A is committed at the end of its block: B goes on
        thread.join(timeout=30)
        self.assertTrue(waiting, "B must wait for A's lock")
        self.assertEqual(first, "CC00000001")
        self.assertEqual(results, ["CC00000002"])
        # a rolled back transaction leaves no gap
        with self.registry.cursor() as cr:
            self.assertEqual(self._take(cr), "CC00000003")
            cr.rollback()
        with self.registry.cursor() as cr:
            self.assertEqual(self._take(cr), "CC00000003")
