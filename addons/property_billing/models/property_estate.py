from odoo import fields, models


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
