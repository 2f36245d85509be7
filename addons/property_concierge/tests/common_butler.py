from odoo import Command

from odoo.addons.property_frontdesk.tests.common import PropertyFrontdeskCommon

# A 1x1 PNG: what the signature widget stores.
SIGNATURE = (
    b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9"
    b"awAAAABJRU5ErkJggg=="
)


class PropertyButlerCommon(PropertyFrontdeskCommon):
    """The estate's desk with a supervisor, an owner, a tenant and a visitor."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.estate.supervisor_id = cls.supervisor
        cls.unit.member_ids = [
            Command.create(
                {
                    "partner_id": cls.tenant.id,
                    "role": "tenant",
                    "date_start": "2024-01-01",
                }
            )
        ]
        cls.visitor = cls.env["res.partner"].create(
            {"name": "Visitor Qian", "mobile": "137 0000 0003", "lang": "en_US"}
        )

    @classmethod
    def _storage_vals(cls, **vals):
        return {
            "unit_id": cls.unit.id,
            "partner_id": cls.owner.id,
            "items": "Suitcase",
            "item_count": 2,
            "item_category": "luggage",
            "location": "Shelf A-3",
            **vals,
        }
