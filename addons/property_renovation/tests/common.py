from datetime import date

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.property_frontdesk.tests.common import PropertyDeskCommon


class PropertyRenovationCommon(PropertyDeskCommon):
    """The desk of PropertyDeskCommon (calendar with National Day 2026-10-01..07)
    plus a renovation supervisor and a contractor."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reno_supervisor = new_test_user(
            cls.env,
            login="reno_supervisor",
            name="Supervisor Qian",
            groups="property_frontdesk.group_property_clerk,"
            "property_renovation.group_property_renovation_supervisor",
            lang="en_US",
        )
        cls.contractor = cls.env["res.partner"].create(
            {"name": "Fine Decor Ltd", "is_company": True, "lang": "en_US"}
        )
        cls.Filing = cls.env["property.renovation.filing"]

    @classmethod
    def _filing_vals(cls, **vals):
        return {
            "unit_id": cls.unit.id,
            "contractor_id": cls.contractor.id,
            "manager_name": "Foreman Liu",
            "manager_id_number": "110101198001010011",
            "manager_mobile": "137 0000 0003",
            "main_works": "Kitchen and bathroom refit",
            "date_filed": date(2026, 9, 1),
            "date_start": date(2026, 9, 1),
            "date_end_planned": date(2026, 11, 30),
            **vals,
        }

    @classmethod
    def _create_filing(cls, user=None, **vals):
        Filing = cls.Filing.with_user(user) if user else cls.Filing
        return Filing.create(cls._filing_vals(**vals))

    @classmethod
    def _file_papers(cls, filing, status="copy_filed"):
        filing.line_ids.write({"status": status})

    @classmethod
    def _approved_filing(cls, **vals):
        filing = cls._create_filing(**vals)
        cls._file_papers(filing)
        filing.action_submit()
        filing.with_user(cls.reno_supervisor).action_approve()
        return filing

    @classmethod
    def _working_filing(cls, **vals):
        """A filing whose deposits are recorded and certificate issued, works on."""
        filing = cls._approved_filing(**vals)
        filing._mark_deposits_paid()
        filing.action_issue_certificate()
        filing.with_context(date=date(2026, 9, 2)).action_start()
        return filing

    @classmethod
    def _add_workers(cls, filing, count=2):
        filing.write(
            {
                "worker_ids": [
                    Command.create(
                        {
                            "name": f"Worker {i}",
                            "id_number": f"3101011990010100{i:02d}",
                            "trade": "carpenter",
                        }
                    )
                    for i in range(count)
                ]
            }
        )
        return filing.worker_ids
