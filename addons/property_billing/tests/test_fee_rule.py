from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common_run import PropertyBillingRunCommon


@tagged("post_install", "-at_install")
class TestFeeRule(PropertyBillingRunCommon):
    def test_overlap_refused(self):
        Rule = self.env["property.fee.rule"]
        with self.assertRaisesRegex(ValidationError, "overlaps"):
            Rule.create(
                {
                    "estate_id": self.estate.id,
                    "usage": "residential",
                    "product_id": self.fee_service.id,
                    "basis": "area",
                    "price": 2.8,
                    "date_start": "2026-12-01",
                }
            )
        # end the old standard the day before: accepted
        self.rule_service.date_end = "2026-11-30"
        new = Rule.create(
            {
                "estate_id": self.estate.id,
                "usage": "residential",
                "product_id": self.fee_service.id,
                "basis": "area",
                "price": 2.8,
                "date_start": "2026-12-01",
            }
        )
        self.assertIn("Test Garden", new.name)
        with self.assertRaisesRegex(ValidationError, "overlaps"):
            self.rule_service.date_end = "2026-12-01"
        # another usage, another item: no overlap
        Rule.create(
            {
                "estate_id": self.estate.id,
                "usage": "commercial",
                "product_id": self.fee_service.id,
                "basis": "area",
                "price": 5.0,
                "date_start": "2026-01-01",
            }
        )

    def test_sql_checks(self):
        with self.assertSqlConstraint("The price cannot be negative."):
            self.rule_parking.price = -1
        with self.assertSqlConstraint("A fee standard cannot end before it starts."):
            self.rule_parking.date_end = "2024-12-31"
        with self.assertSqlConstraint("needs a meter type"):
            self.rule_water.meter_type = False

    def test_estate_settings(self):
        with self.assertRaisesRegex(ValidationError, "must be a day of the month"):
            self.estate.billing_cutoff_day = 32
        with self.assertRaisesRegex(ValidationError, "jump ratio cannot be negative"):
            self.estate.reading_jump_ratio = -1
