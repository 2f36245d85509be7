from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyEstate(models.Model):
    _inherit = "property.estate"

    # === FIELDS === #
    property_service_fee_rate = fields.Float(
        string="Service Fee (per m² and month)",
        digits="Product Price",
        tracking=True,
        help="Monthly property service fee per m² of built area; a first delivery "
        "collects three months of it before the keys are handed over.",
    )
    property_first_delivery_months = fields.Integer(
        string="Months Collected at Delivery", default=3
    )
    property_meters_per_household = fields.Boolean(
        string="Utilities Billed per Household",
        default=True,
        help="Untick when the utility company does not bill each household: a "
        "first delivery then collects a utility prepayment too.",
    )
    property_utility_prepayment = fields.Monetary(
        string="Utility Prepayment at Delivery",
        currency_field="property_currency_id",
    )
    property_currency_id = fields.Many2one(related="company_id.currency_id")

    billing_cutoff_day = fields.Integer(
        string="Reading Cut-off Day",
        default=20,
        tracking=True,
        help="Meter readings up to this day of the month are billed on that month's "
        "payment notices.",
    )
    reading_jump_ratio = fields.Float(
        string="Reading Jump Ratio",
        default=3.0,
        tracking=True,
        help="A consumption more than this many times the previous one is refused "
        "unless a supervisor confirms it (0 disables the check).",
    )
    notice_delivery_day = fields.Integer(
        string="Notice Delivery Deadline Day",
        default=28,
        help="Payment notices must be delivered to the payers by this day of the "
        "period's month.",
    )
    bank_collection_day = fields.Integer(
        string="Bank Collection Day",
        default=15,
        help="Day of the month on which the bank collection batch is prepared.",
    )
    dunning_working_days = fields.Integer(
        string="Reminder After (Working Days)",
        default=11,
        help="Unpaid notices get a payment reminder on this working day after the "
        "notice month (working days of the estate's calendar).",
    )
    dunning_suspension_notice_days = fields.Integer(
        string="Suspension Notice After (Days)",
        default=30,
        help="Days after the reminder before a notice of service suspension is issued.",
    )
    dunning_grace_days = fields.Integer(
        string="Suspension Grace (Days)",
        default=7,
        help="Days given by the notice of service suspension before the service "
        "can be suspended.",
    )
    notice_stamp_line = fields.Char(
        string="Stamp Line",
        translate=True,
        help="Printed above the stamp at the bottom of payment notices, e.g. the "
        "name of the service centre.",
    )
    notice_payment_channels = fields.Text(
        string="Payment Channels",
        translate=True,
        help="How payers can pay, printed on payment notices (desk, bank transfer, "
        "bank collection…).",
    )
    fee_rule_ids = fields.One2many(
        "property.fee.rule", "estate_id", string="Fee Standards"
    )

    # === CONSTRAINT METHODS === #
    @api.constrains("billing_cutoff_day", "notice_delivery_day", "bank_collection_day")
    def _check_billing_days(self):
        for estate in self:
            for field in (
                "billing_cutoff_day",
                "notice_delivery_day",
                "bank_collection_day",
            ):
                if not 1 <= estate[field] <= 31:
                    raise ValidationError(
                        self.env._(
                            "%(estate)s: %(field)s must be a day of the month "
                            "(1 to 31).",
                            estate=estate.name,
                            field=self._fields[field].get_description(self.env)[
                                "string"
                            ],
                        )
                    )

    @api.constrains(
        "reading_jump_ratio",
        "dunning_working_days",
        "dunning_suspension_notice_days",
        "dunning_grace_days",
    )
    def _check_billing_limits(self):
        for estate in self:
            if (
                estate.reading_jump_ratio < 0
                or min(
                    estate.dunning_working_days,
                    estate.dunning_suspension_notice_days,
                    estate.dunning_grace_days,
                )
                < 1
            ):
                raise ValidationError(
                    self.env._(
                        "%(estate)s: the jump ratio cannot be negative and the "
                        "dunning delays must be at least one day.",
                        estate=estate.name,
                    )
                )

    # === BUSINESS METHODS === #
    def _get_collection_report_lines(self):
        """Rows of the printed collection report: per building and month, billed,
        collected and rate, and the arrears ageing per building."""
        self.ensure_one()
        Collection = self.env["property.collection.report"]
        rates = Collection.read_group(
            [("estate_id", "=", self.id)],
            ["amount_billed:sum", "amount_collected:sum", "collection_rate"],
            ["building_id", "period"],
            lazy=False,
            orderby="period desc",
        )
        ageing = defaultdict(dict)
        for building, bucket, amount in self.env["property.arrears.report"]._read_group(
            [("estate_id", "=", self.id)],
            ["building_id", "age_bucket"],
            ["amount_due:sum"],
        ):
            ageing[building][bucket] = amount
        return {
            "rates": [
                {
                    "building": group["building_id"] and group["building_id"][1],
                    "period": group["period"],
                    "billed": group["amount_billed"],
                    "collected": group["amount_collected"],
                    "rate": group["collection_rate"],
                }
                for group in rates
            ],
            "ageing": [
                {
                    "building": building.display_name,
                    "buckets": [
                        buckets.get(key, 0.0)
                        for key in ("0_30", "31_90", "91_180", "over_180")
                    ],
                    "total": sum(buckets.values()),
                }
                for building, buckets in ageing.items()
            ],
            "target": 95.0,
        }
