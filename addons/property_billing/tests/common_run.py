from odoo import Command

from odoo.addons.property_frontdesk.tests.common import PropertyDeskCommon


class PropertyBillingRunCommon(PropertyDeskCommon):
    """Test Garden billed for 2026-11: fee standards, two residential units (one of
    them sold in the middle of the month), a parking space and a water meter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company._property_billing_setup()
        cls.env.company.external_report_layout_id = cls.env.ref(
            "web.external_layout_standard"
        )
        cls.env.user.groups_id |= cls.env.ref(
            "property_frontdesk.group_property_manager"
        )
        ref = cls.env.ref
        cls.fee_service = ref("property_billing.product_fee_service").product_variant_id
        cls.fee_water = ref("property_billing.product_fee_water").product_variant_id
        cls.fee_parking = ref(
            "property_billing.product_fee_parking_fee"
        ).product_variant_id
        cls.fee_special = ref(
            "property_billing.product_fee_special_service"
        ).product_variant_id
        Rule = cls.env["property.fee.rule"]
        cls.rule_service = Rule.create(
            {
                "estate_id": cls.estate.id,
                "usage": "residential",
                "product_id": cls.fee_service.id,
                "basis": "area",
                "price": 2.5,
                "date_start": "2025-01-01",
            }
        )
        cls.rule_water = Rule.create(
            {
                "estate_id": cls.estate.id,
                "usage": "residential",
                "product_id": cls.fee_water.id,
                "basis": "meter",
                "meter_type": "water",
                "price": 4.2,
                "date_start": "2025-01-01",
            }
        )
        cls.rule_parking = Rule.create(
            {
                "estate_id": cls.estate.id,
                "usage": "parking",
                "product_id": cls.fee_parking.id,
                "basis": "fixed",
                "price": 80.0,
                "date_start": "2025-01-01",
            }
        )
        # cls.unit: 3-1201, 98.5 m², Owner Zhou pays since 2020
        cls.buyer = cls.env["res.partner"].create(
            {"name": "Buyer Qian", "lang": "en_US"}
        )
        cls.seller = cls.env["res.partner"].create(
            {"name": "Seller Sun", "lang": "en_US"}
        )
        cls.unit_sold = cls._create_unit(
            "1202",
            floor=12,
            delivery_state="occupied",
            member_ids=[
                Command.create(
                    {
                        "partner_id": cls.seller.id,
                        "role": "owner",
                        "date_start": "2019-01-01",
                        "date_end": "2026-11-15",
                        "is_payer": True,
                    }
                ),
                Command.create(
                    {
                        "partner_id": cls.buyer.id,
                        "role": "owner",
                        "date_start": "2026-11-16",
                        "is_payer": True,
                    }
                ),
            ],
        )
        cls.parking = cls._create_unit(
            "B1-008",
            floor=-1,
            usage="parking",
            built_area=12.5,
            inner_area=12.5,
            delivery_state="occupied",
            member_ids=[
                Command.create(
                    {
                        "partner_id": cls.owner.id,
                        "role": "owner",
                        "date_start": "2021-01-01",
                        "is_payer": True,
                    }
                )
            ],
        )
        cls.unit_not_delivered = cls._create_unit("1203", floor=12)
        cls.meter = cls.env["property.meter"].create(
            {
                "name": "W-1201",
                "meter_type": "water",
                "estate_id": cls.estate.id,
                "unit_id": cls.unit.id,
                "initial_value": 100.0,
            }
        )
        Reading = cls.env["property.meter.reading"]
        Reading.create(
            [
                {"meter_id": cls.meter.id, "date": "2026-10-20", "value": 110.0},
                {"meter_id": cls.meter.id, "date": "2026-11-20", "value": 122.5},
                # after the cut-off: billed next month
                {"meter_id": cls.meter.id, "date": "2026-11-25", "value": 125.0},
            ]
        )

    @classmethod
    def _new_run(cls, period="2026-11", **vals):
        return cls.env["property.billing.run"].create(
            {"estate_id": cls.estate.id, "period": period, **vals}
        )

    def _notices(self, run):
        return run.notice_ids.sorted(
            lambda m: (m.property_unit_id.code, m.partner_id.name)
        )
