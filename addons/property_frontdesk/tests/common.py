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
            lang="en_US",
        )
        cls.supervisor = new_test_user(
            cls.env,
            login="fd_supervisor",
            name="Supervisor Li",
            groups="property_frontdesk.group_property_supervisor",
            lang="en_US",
        )
        cls.manager = new_test_user(
            cls.env,
            login="fd_manager",
            name="Manager Zhang",
            groups="property_frontdesk.group_property_manager",
            lang="en_US",
        )
        cls.finance = new_test_user(
            cls.env,
            login="fd_finance",
            name="Cashier Chen",
            groups="property_frontdesk.group_property_finance",
            lang="en_US",
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
            {"name": "Owner Zhou", "mobile": "138 0000 0001", "lang": "en_US"}
        )
        cls.tenant = cls.env["res.partner"].create(
            {"name": "Tenant Wu", "mobile": "139 0000 0002", "lang": "en_US"}
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


class PropertyDeskCommon(PropertyFrontdeskCommon):
    """The desk: staff, teams, a working calendar with a public holiday, ticket
    types with known deadlines.

    Calendar (Asia/Shanghai): Monday to Friday 09:00-12:00 and 13:00-18:00, i.e. 8
    working hours a day; National Day 2026-10-01 to 2026-10-07 is a public holiday."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.engineer = new_test_user(
            cls.env,
            login="fd_engineer",
            name="Engineer Sun",
            groups="property_frontdesk.group_property_staff",
            lang="en_US",
        )
        cls.eng_leader = new_test_user(
            cls.env,
            login="fd_eng_leader",
            name="Leader Zhou",
            groups="property_frontdesk.group_property_staff",
            lang="en_US",
        )
        cls.guard = new_test_user(
            cls.env,
            login="fd_guard",
            name="Guard Ma",
            groups="property_frontdesk.group_property_staff",
            lang="en_US",
        )
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Desk hours",
                "tz": "Asia/Shanghai",
                "attendance_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "name": f"{day} {period}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": end,
                            "day_period": period,
                        }
                    )
                    for day in range(5)
                    for start, end, period in (
                        (9.0, 12.0, "morning"),
                        (13.0, 18.0, "afternoon"),
                    )
                ],
            }
        )
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "National Day",
                "calendar_id": cls.calendar.id,
                # 2026-10-01 00:00 to 2026-10-07 23:59:59 in Shanghai
                "date_from": "2026-09-30 16:00:00",
                "date_to": "2026-10-07 15:59:59",
                "time_type": "leave",
            }
        )
        cls.estate.write(
            {
                "resource_calendar_id": cls.calendar.id,
                "supervisor_id": cls.supervisor.id,
            }
        )
        Team = cls.env["property.team"]
        cls.team_eng = Team.create(
            {
                "name": "Engineering",
                "kind": "engineering",
                "leader_id": cls.eng_leader.id,
                "member_ids": [Command.set(cls.engineer.ids)],
            }
        )
        cls.team_security = Team.create(
            {"name": "Security", "kind": "security", "leader_id": cls.guard.id}
        )
        cls.team_service = Team.create(
            {
                "name": "Customer Service",
                "kind": "customer_service",
                "leader_id": cls.supervisor.id,
                "member_ids": [Command.set(cls.clerk.ids)],
            }
        )
        Type = cls.env["property.ticket.type"]
        Type.search([]).active = False
        cls.type_repair = Type.create(
            {
                "name": "In-home repair",
                "kind": "repair_home",
                "answer_minutes": 15,
                "resolve_hours": 8,
                "callback_hours": 24,
                "callback_required": True,
                "default_team_id": cls.team_eng.id,
            }
        )
        cls.type_public = Type.create(
            {
                "name": "Public repair",
                "kind": "repair_public",
                "answer_minutes": 15,
                "resolve_hours": 8,
                "callback_hours": 24,
                "default_team_id": cls.team_eng.id,
            }
        )
        cls.type_complaint = Type.create(
            {
                "name": "Complaint",
                "kind": "complaint",
                "answer_minutes": 15,
                "resolve_hours": 8,
                "callback_hours": 4,
                "callback_required": True,
                "default_team_id": cls.team_service.id,
            }
        )
        cls.type_inquiry = Type.create(
            {
                "name": "Inquiry",
                "kind": "inquiry",
                "answer_minutes": 15,
                "resolve_hours": 4,
                "callback_required": False,
            }
        )
        cls.type_help = Type.create(
            {
                "name": "Help",
                "kind": "help",
                "answer_minutes": 10,
                "resolve_hours": 2,
                "default_team_id": cls.team_security.id,
            }
        )

    @classmethod
    def _create_ticket(cls, user=None, **vals):
        Ticket = cls.env["property.ticket"]
        if user:
            Ticket = Ticket.with_user(user)
        return Ticket.create(
            {
                "subject": "Kitchen tap leaking",
                "type_id": cls.type_repair.id,
                "unit_id": cls.unit.id,
                **vals,
            }
        )

    @classmethod
    def _resolved_ticket(cls, **vals):
        ticket = cls._create_ticket(**vals)
        ticket._dispatch(cls.team_eng, cls.engineer)
        ticket.action_start()
        ticket.resolution = "Washer replaced."
        ticket.action_resolve()
        return ticket
