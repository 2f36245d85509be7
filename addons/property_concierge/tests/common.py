from odoo.tests import new_test_user

from odoo.addons.property_billing.tests.common import PropertyBillingCommon
from odoo.addons.property_frontdesk.tests.common import PropertyDeskCommon

# a 1x1 PNG: the owner's signature on the work order
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9"
    "awAAAABJRU5ErkJggg=="
)


class PropertyConciergeCommon(PropertyBillingCommon, PropertyDeskCommon):
    """The desk of PropertyDeskCommon and the billing set-up of
    PropertyBillingCommon (the clerk holds an open receipt book), with a price list
    of special services."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cleaner = new_test_user(
            cls.env,
            login="cc_cleaner",
            name="Cleaner Huang",
            groups="property_frontdesk.group_property_staff",
            lang="en_US",
        )
        cls.team_cleaning = cls.env["property.team"].create(
            {
                "name": "Housekeeping",
                "kind": "housekeeping",
                "leader_id": cls.cleaner.id,
            }
        )
        Item = cls.env["property.service.item"]
        cls.item_tap = Item.create(
            {
                "name": "Replace a tap",
                "category": "repair",
                "list_price": 20.0,
                "team_id": cls.team_eng.id,
            }
        )
        cls.item_aircon = Item.create(
            {
                "name": "Air conditioner repair",
                "category": "repair",
                "pricing": "quoted",
                "team_id": cls.team_eng.id,
            }
        )
        cls.item_cleaning = Item.create(
            {
                "name": "Indoor cleaning",
                "category": "cleaning",
                "list_price": 30.0,
                "prepaid": True,
                "team_id": cls.team_cleaning.id,
            }
        )

    @classmethod
    def _create_order(cls, user=None, **vals):
        Order = cls.env["property.work.order"]
        if user:
            Order = Order.with_user(user)
        return Order.create(
            {
                "unit_id": cls.unit.id,
                "service_item_id": cls.item_tap.id,
                "description": "Kitchen tap dripping, replace it",
                "owner_agreed": True,
                **vals,
            }
        )

    @classmethod
    def _dispatched_order(cls, **vals):
        order = cls._create_order(**vals)
        order.write(
            {
                "user_id": cls.engineer.id,
                "appointment_date": "2026-11-20 06:00:00",
            }
        )
        order.action_dispatch()
        return order

    @classmethod
    def _started_order(cls, **vals):
        order = cls._dispatched_order(**vals)
        order.action_confirm_price()
        order.action_take()
        order.action_arrive()
        order.action_start()
        return order

    @classmethod
    def _done_order(cls, **vals):
        order = cls._started_order(**vals)
        order.owner_signature = SIGNATURE
        order.action_owner_accept()
        return order

    def _reason(self, orders, action, reason, user=None):
        wizard = self.env["property.work.order.reason"]
        if user:
            wizard = wizard.with_user(user)
        return wizard.create(
            {"work_order_ids": [(6, 0, orders.ids)], "action": action, "reason": reason}
        ).action_confirm()
