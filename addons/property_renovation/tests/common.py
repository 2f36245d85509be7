from datetime import date

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.property_billing.tests.common import PropertyBillingCommon


class PropertyRenovationCommon(PropertyBillingCommon):
    """The billing fixtures (roles, estate, unit of ``owner``, a clerk with an open
    receipt book) plus the estate's working calendar (Monday to Friday, National
    Day 2026-10-01 to 2026-10-07 off), a renovation supervisor and a contractor."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

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
                "date_from": "2026-09-30 16:00:00",
                "date_to": "2026-10-07 15:59:59",
                "time_type": "leave",
            }
        )
        cls.estate.resource_calendar_id = cls.calendar
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
        cls.fee_rubbish = cls.env.ref(
            "property_billing.product_fee_rubbish"
        ).product_variant_id

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
    def _pay_deposits(cls, filing):
        """The desk prepares the receipts, the clerk issues them."""
        filing.action_prepare_receipts()
        receipts = filing.receipt_line_ids.receipt_id
        receipts.write({"user_id": cls.clerk.id})
        receipts.with_user(cls.clerk).action_issue()
        return receipts

    @classmethod
    def _working_filing(cls, **vals):
        """A filing whose deposits are paid and certificate issued, works on."""
        filing = cls._approved_filing(**vals)
        cls._pay_deposits(filing)
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
