from contextlib import contextmanager

from psycopg2 import IntegrityError

from odoo import Command
from odoo.service.model import _as_validation_error
from odoo.tests import new_test_user
from odoo.tools import mute_logger

from odoo.addons.base.tests.common import BaseCommon


class PropertyTestMixin:
    """Assertions shared by the tests of the property addons."""

    @contextmanager
    def assertRaisesRegex(self, exception, regex, msg=None):
        """Like unittest's, but rolls the block back (Odoo's assertRaises savepoint):
        a check that raises after a partial write leaves nothing behind."""
        with self.assertRaises(exception, msg=msg) as catcher:
            yield catcher
        self.assertRegex(str(catcher.exception), regex)

    @contextmanager
    def assertSqlConstraint(self, message):
        """The block violates an SQL constraint whose message, as users get it
        through RPC, contains ``message``."""
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError) as catcher:
            with self.env.cr.savepoint():
                yield
                self.env.flush_all()
        self.assertIn(
            message, _as_validation_error(self.env, catcher.exception).args[0]
        )


class PropertyFrontdeskCommon(PropertyTestMixin, BaseCommon):
    """One user per role, an estate with a building and a delivered unit."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.clerk = new_test_user(
            cls.env,
            login="fd_clerk",
            name="Clerk Wang",
            groups="property_frontdesk.group_property_clerk",
        )
        cls.supervisor = new_test_user(
            cls.env,
            login="fd_supervisor",
            name="Supervisor Li",
            groups="property_frontdesk.group_property_supervisor",
        )
        cls.manager = new_test_user(
            cls.env,
            login="fd_manager",
            name="Manager Zhang",
            groups="property_frontdesk.group_property_manager",
        )
        cls.finance = new_test_user(
            cls.env,
            login="fd_finance",
            name="Cashier Chen",
            groups="property_frontdesk.group_property_finance",
        )
        cls.estate = cls.env["property.estate"].create(
            {"name": "Test Garden", "code": "TG"}
        )
        cls.building = cls.env["property.building"].create(
            {
                "estate_id": cls.estate.id,
                "name": "Building 3",
                "code": "3",
                "floor_count": 18,
                "basement_count": 2,
            }
        )
        cls.owner = cls.env["res.partner"].create(
            {"name": "Owner Zhou", "mobile": "138 0000 0001"}
        )
        cls.tenant = cls.env["res.partner"].create(
            {"name": "Tenant Wu", "mobile": "139 0000 0002"}
        )
        cls.unit = cls.env["property.unit"].create(
            {
                "building_id": cls.building.id,
                "floor": 12,
                "number": "1201",
                "built_area": 98.5,
                "inner_area": 80.2,
                "delivery_state": "occupied",
                "member_ids": [
                    Command.create(
                        {
                            "partner_id": cls.owner.id,
                            "role": "owner",
                            "date_start": "2020-05-01",
                            "is_payer": True,
                        }
                    )
                ],
            }
        )

    @classmethod
    def _create_unit(cls, number, floor=1, building=None, **vals):
        return cls.env["property.unit"].create(
            {
                "building_id": (building or cls.building).id,
                "floor": floor,
                "number": number,
                "built_area": 90.0,
                "inner_area": 75.0,
                **vals,
            }
        )
