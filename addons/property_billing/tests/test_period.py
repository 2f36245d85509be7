from datetime import date

from odoo.tests import BaseCase, tagged

from ..tools import period as P


@tagged("post_install", "-at_install")
class TestPeriod(BaseCase):
    def test_period_bounds(self):
        self.assertEqual(
            P.period_bounds("2026-02"), (date(2026, 2, 1), date(2026, 2, 28))
        )
        self.assertEqual(
            P.period_bounds("2028-02"), (date(2028, 2, 1), date(2028, 2, 29))
        )
        self.assertEqual(
            P.period_bounds("2026-12"), (date(2026, 12, 1), date(2026, 12, 31))
        )
        for bad in ("2026-13", "2026-1", "26-01", "", None, "2026/01"):
            with self.assertRaisesRegex(ValueError, "Not a billing period"):
                P.period_bounds(bad)
        self.assertFalse(P.is_period("2026-00"))
        self.assertTrue(P.is_period("2026-11"))

    def test_period_add(self):
        self.assertEqual(P.period_add("2026-11", 1), "2026-12")
        self.assertEqual(P.period_add("2026-12", 1), "2027-01")
        self.assertEqual(P.period_add("2026-01", -1), "2025-12")
        self.assertEqual(P.period_add("2026-03", -14), "2025-01")
        self.assertEqual(P.period_of(date(2026, 7, 31)), "2026-07")

    def test_period_day(self):
        self.assertEqual(P.period_day("2026-11", 20), date(2026, 11, 20))
        self.assertEqual(P.period_day("2026-02", 31), date(2026, 2, 28))
        self.assertEqual(P.period_day("2028-02", 30), date(2028, 2, 29))

    def test_month_end(self):
        # a month runs to the day before the same day next month
        self.assertEqual(P.month_end(date(2026, 1, 15)), date(2026, 2, 14))
        self.assertEqual(P.month_end(date(2026, 1, 1)), date(2026, 1, 31))
        # 31 Jan: next month has no 31st -> 28 Feb, the month ends the day before
        self.assertEqual(P.month_end(date(2026, 1, 31)), date(2026, 2, 27))
        self.assertEqual(P.month_end(date(2028, 1, 31)), date(2028, 2, 28))
        self.assertEqual(P.month_end(date(2028, 2, 29)), date(2028, 3, 28))
        self.assertEqual(P.month_end(date(2026, 12, 31)), date(2027, 1, 30))
        self.assertEqual(P.month_end(date(2026, 1, 31), 3), date(2026, 4, 29))
        self.assertEqual(P.month_end(date(2026, 11, 1), 12), date(2027, 10, 31))

    def test_prorata(self):
        self.assertEqual(P.prorata("2026-11"), 1.0)
        self.assertEqual(P.prorata("2026-11", date(2026, 11, 16)), 0.5)
        self.assertEqual(P.prorata("2026-11", None, date(2026, 11, 15)), 0.5)
        self.assertEqual(P.prorata("2026-02", date(2026, 2, 15)), 14 / 28)
        self.assertEqual(P.prorata("2028-02", date(2028, 2, 15)), 15 / 29)
        self.assertEqual(
            P.prorata("2026-11", date(2026, 11, 10), date(2026, 11, 19)), 10 / 30
        )
        self.assertEqual(P.prorata("2026-11", date(2026, 12, 1)), 0.0)
        self.assertEqual(P.prorata("2026-11", None, date(2026, 10, 31)), 0.0)
        self.assertEqual(P.prorata("2026-11", date(2026, 1, 1), date(2027, 1, 1)), 1.0)

    def test_months_covered(self):
        self.assertEqual(
            P.months_covered(date(2026, 1, 31), date(2026, 2, 27)), (1, 0.0)
        )
        self.assertEqual(P.months_covered(date(2026, 1, 31), date(2026, 2, 26))[0], 0)
        self.assertEqual(
            P.months_covered(date(2026, 1, 1), date(2026, 3, 31)), (3, 0.0)
        )
        months, rest = P.months_covered(date(2026, 1, 1), date(2026, 4, 15))
        self.assertEqual((months, rest), (3, 0.5))
        self.assertEqual(
            P.months_covered(date(2026, 5, 1), date(2026, 4, 30)), (0, 0.0)
        )
        self.assertEqual(P.days_between(date(2026, 11, 1), date(2026, 11, 30)), 30)
        self.assertIsNone(
            P.overlap(date(2026, 11, 1), date(2026, 11, 30), date(2026, 12, 1))
        )
