from odoo import fields, models


class PropertyEstate(models.Model):
    _inherit = "property.estate"

    renovation_deposit_owner = fields.Monetary(
        string="Renovation Deposit: Owner",
        default=1000.0,
        currency_field="property_currency_id",
        help="Deposit paid by the owner when a contractor renovates.",
    )
    renovation_deposit_contractor = fields.Monetary(
        string="Renovation Deposit: Contractor",
        default=1000.0,
        currency_field="property_currency_id",
    )
    renovation_deposit_self = fields.Monetary(
        string="Renovation Deposit: Self-renovation",
        default=2000.0,
        currency_field="property_currency_id",
        help="Deposit paid by the owner alone when renovating without a contractor.",
    )
    renovation_tax_collected = fields.Boolean(
        string="Collects Renovation Tax",
        help="The service centre collects the renovation tax on the owner's behalf "
        "(where local tax rules ask it): the renovation contract is then required "
        "and the tax must be settled before the deposits are refunded.",
    )
    renovation_rubbish_fee = fields.Monetary(
        string="Renovation Rubbish Fee",
        currency_field="property_currency_id",
        help="Rubbish clearance fee charged when the deposits are taken (0: none).",
    )
