from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import PropertyFrontdeskCommon


@tagged("post_install", "-at_install")
class TestUnit(PropertyFrontdeskCommon):
    def test_code_is_building_code_and_number(self):
        self.assertEqual(self.unit.code, "3-1201")
        self.assertEqual(self.unit.display_name, "Test Garden 3-1201")
        self.assertEqual(
            self.unit.with_context(property_short_name=True).display_name, "3-1201"
        )
        self.building.code = "03"
        self.assertEqual(self.unit.code, "03-1201")

    def test_code_unique_per_estate(self):
        with self.assertSqlConstraint(
            "The unit code must be unique within its estate."
        ):
            self._create_unit("1201", floor=12)

    def test_same_code_in_another_estate(self):
        other_estate = self.env["property.estate"].create(
            {"name": "Other Park", "code": "OP"}
        )
        other_building = self.env["property.building"].create(
            {
                "estate_id": other_estate.id,
                "name": "Block 3",
                "code": "3",
                "floor_count": 20,
            }
        )
        unit = self._create_unit("1201", floor=12, building=other_building)
        self.assertEqual(unit.code, self.unit.code)
        self.assertNotEqual(unit.estate_id, self.unit.estate_id)

    def test_built_area_positive(self):
        with self.assertSqlConstraint("The built area must be greater than 0 m²."):
            self._create_unit("101", built_area=0.0, inner_area=0.0)

    def test_inner_area_positive(self):
        with self.assertSqlConstraint("The inner area must be greater than 0 m²."):
            self._create_unit("102", inner_area=0.0)

    def test_inner_area_not_above_built_area(self):
        with self.assertSqlConstraint(
            "The inner area cannot be larger than the built area."
        ):
            self._create_unit("103", built_area=80.0, inner_area=80.5)

    def test_floor_within_building(self):
        with self.assertRaisesRegex(
            ValidationError,
            r"is on floor 19, but building Building 3 has floors -2 to 18",
        ):
            self._create_unit("1901", floor=19)
        with self.assertRaisesRegex(ValidationError, "there is no floor 0"):
            self._create_unit("001", floor=0)
        with self.assertRaisesRegex(ValidationError, "is on floor -3"):
            self._create_unit("B301", floor=-3, usage="parking")
        parking = self._create_unit(
            "B201", floor=-2, usage="parking", built_area=13.2, inner_area=12.5
        )
        self.assertEqual(parking.code, "3-B201")

    def test_building_cannot_lose_floors_with_units(self):
        with self.assertRaisesRegex(
            ValidationError, "still has units on floors it would no longer have: 3-1201"
        ):
            self.building.floor_count = 10

    def test_building_floor_count_positive(self):
        empty = self.env["property.building"].create(
            {
                "estate_id": self.estate.id,
                "name": "Gatehouse",
                "code": "G",
                "floor_count": 1,
            }
        )
        with self.assertSqlConstraint(
            "A building has at least one floor above ground."
        ):
            empty.floor_count = 0

    def test_estate_code_unique_per_company(self):
        with self.assertSqlConstraint("The estate code must be unique per company."):
            self.env["property.estate"].create({"name": "Copy", "code": "TG"})

    def test_order_building_floor_number(self):
        building_1 = self.env["property.building"].create(
            {
                "estate_id": self.estate.id,
                "name": "Building 1",
                "code": "1",
                "floor_count": 5,
                "sequence": 1,
            }
        )
        self.building.sequence = 2
        units = (
            self._create_unit("502", floor=5, building=building_1)
            | self._create_unit("201", floor=2)
            | self._create_unit("202", floor=2)
            | self._create_unit("101", floor=1, building=building_1)
            | self._create_unit("501", floor=5, building=building_1)
        )
        ordered = self.env["property.unit"].search(
            [("id", "in", (units | self.unit).ids)]
        )
        self.assertEqual(
            ordered.mapped("code"),
            ["1-101", "1-501", "1-502", "3-201", "3-202", "3-1201"],
        )

    def test_form_computes_code_and_estate(self):
        form = Form(self.env["property.unit"])
        form.building_id = self.building
        form.floor = 5
        form.number = " 502 "
        form.built_area = 120.0
        form.inner_area = 100.0
        self.assertEqual(form.code, "3-502")
        self.assertEqual(form.estate_id, self.estate)
        unit = form.save()
        self.assertEqual(unit.company_id, self.company)
        self.assertEqual(unit.delivery_state, "not_delivered")

    def test_estate_counts_and_default_calendar(self):
        self._create_unit("301", floor=3)
        self.assertEqual(self.estate.building_count, 1)
        self.assertEqual(self.estate.unit_count, 2)
        self.assertAlmostEqual(self.estate.total_built_area, 98.5 + 90.0)
        self.assertEqual(
            self.estate.resource_calendar_id, self.company.resource_calendar_id
        )
        self.assertEqual(
            self.estate.action_view_units()["domain"],
            [("estate_id", "=", self.estate.id)],
        )
        self.assertEqual(self.building.unit_count, 2)

    def test_search_by_code_and_estate_name(self):
        Unit = self.env["property.unit"]
        self.assertIn(self.unit, Unit.search([("display_name", "ilike", "3-1201")]))
        self.assertIn(
            self.unit, Unit.search([("display_name", "ilike", "Test Garden")])
        )
