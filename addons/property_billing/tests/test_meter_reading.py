from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common_run import PropertyBillingRunCommon


@tagged("post_install", "-at_install")
class TestMeterReading(PropertyBillingRunCommon):
    def _read(self, value, date, user=None, **vals):
        Reading = self.env["property.meter.reading"]
        if user:
            Reading = Reading.with_user(user)
        return Reading.create(
            {"meter_id": self.meter.id, "date": date, "value": value, **vals}
        )

    def test_consumption(self):
        readings = self.meter.reading_ids.sorted("date")
        self.assertEqual(readings.mapped("consumption"), [10.0, 12.5, 2.5])
        self.assertEqual(readings.mapped("previous_value"), [100.0, 110.0, 122.5])
        self.assertEqual(self.meter.last_reading_value, 125.0)
        # a reading typed late in between recomputes the following one
        self._read(116.0, "2026-11-05", user=self.clerk)
        readings = self.meter.reading_ids.sorted("date")
        self.assertEqual(readings.mapped("consumption"), [10.0, 6.0, 6.5, 2.5])

    def test_lower_reading_refused(self):
        with self.assertRaisesRegex(ValidationError, "is lower than the previous one"):
            self._read(120.0, "2026-12-20", user=self.clerk)
        with self.assertRaisesRegex(ValidationError, "is lower than the previous one"):
            self.meter.reading_ids.filtered(lambda r: r.value == 110.0).with_user(
                self.clerk
            ).value = 130.0
        self.assertEqual(len(self.meter.reading_ids), 3)

    def test_jump_refused_then_confirmed(self):
        # previous consumption 2.5, ratio 3: more than 7.5 is a jump
        with self.assertRaisesRegex(ValidationError, "more than 3.0 times"):
            self._read(140.0, "2026-12-20", user=self.clerk)
        with self.assertRaisesRegex(UserError, "Only a supervisor"):
            self._read(
                140.0,
                "2026-12-20",
                user=self.clerk,
                jump_confirmed=True,
                confirm_reason="leak",
            )
        with self.assertRaisesRegex(UserError, "Give the reason"):
            self._read(140.0, "2026-12-20", user=self.supervisor, jump_confirmed=True)
        reading = self._read(
            140.0,
            "2026-12-20",
            user=self.supervisor,
            jump_confirmed=True,
            confirm_reason="Leak in the kitchen checked on site",
        )
        self.assertEqual(reading.consumption, 15.0)
        self.assertEqual(reading.confirmed_by_id, self.supervisor)
        # the ratio is an estate setting; 0 disables the check
        self.estate.reading_jump_ratio = 0
        self._read(300.0, "2026-12-28", user=self.clerk)

    def test_meter_change(self):
        with self.assertRaisesRegex(UserError, "Only a supervisor"):
            self._read(
                3.0,
                "2026-12-20",
                user=self.clerk,
                meter_change=True,
                old_meter_final=127.0,
                confirm_reason="Meter replaced",
            )
        with self.assertRaisesRegex(ValidationError, "final reading"):
            self._read(
                3.0,
                "2026-12-20",
                user=self.supervisor,
                meter_change=True,
                old_meter_final=120.0,
                confirm_reason="Meter replaced",
            )
        reading = self._read(
            3.0,
            "2026-12-20",
            user=self.supervisor,
            meter_change=True,
            old_meter_final=127.0,
            confirm_reason="Meter replaced",
        )
        # 2 on the old meter + 3 on the new one
        self.assertEqual(reading.consumption, 5.0)
        self.assertEqual(reading.confirmed_by_id, self.supervisor)
        nxt = self._read(7.0, "2027-01-20", user=self.clerk)
        self.assertEqual(nxt.consumption, 4.0)

    def test_shared_meter_apportioned_by_area(self):
        Meter = self.env["property.meter"]
        with self.assertRaisesRegex(ValidationError, "at least two units"):
            Meter.create(
                {
                    "name": "W-GX",
                    "estate_id": self.estate.id,
                    "is_shared": True,
                    "shared_unit_ids": [(6, 0, self.unit.ids)],
                }
            )
        with self.assertSqlConstraint("A meter measures one unit"):
            Meter.create({"name": "W-X", "estate_id": self.estate.id})
        shared = Meter.create(
            {
                "name": "W-GX",
                "estate_id": self.estate.id,
                "is_shared": True,
                "shared_unit_ids": [(6, 0, (self.unit | self.unit_sold).ids)],
            }
        )
        shares = shared._get_apportionment()
        self.assertAlmostEqual(shares[self.unit], 98.5 / 188.5)
        self.assertAlmostEqual(shares[self.unit_sold], 90.0 / 188.5)

    def test_import_marks_source(self):
        reading = (
            self.env["property.meter.reading"]
            .with_context(import_file=True)
            .create({"meter_id": self.meter.id, "date": "2026-12-20", "value": 127.0})
        )
        self.assertEqual(reading.source, "import")
        self.assertEqual(reading.consumption, 2.0)

    def test_standard_import(self):
        """A spreadsheet with meter number, date and reading goes through the
        standard import."""
        result = (
            self.env["property.meter.reading"]
            .with_user(self.clerk)
            .with_context(import_file=True)
            .load(
                ["meter_id", "date", "value"],
                [["W-1201", "2026-12-20", "127.5"]],
            )
        )
        self.assertFalse(result["messages"], result["messages"])
        reading = self.env["property.meter.reading"].browse(result["ids"])
        self.assertEqual(reading.consumption, 2.5)
        self.assertEqual(reading.read_by_id, self.clerk)
