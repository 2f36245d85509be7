from odoo import fields, models

FEE_CATEGORY_SELECTION = [
    ("service", "Property Service Fee"),
    ("parking_rent", "Parking Rent"),
    ("parking_fee", "Parking Management Fee"),
    ("water", "Water"),
    ("electricity", "Electricity"),
    ("card", "Access Card Fee"),
    ("housekeeping", "Housekeeping"),
    ("copying", "Copying"),
    ("on_behalf", "Collection on Behalf"),
    ("rubbish", "Renovation Rubbish Removal"),
    ("special_service", "Special Service"),
    ("other", "Other"),
]
UTILITY_CATEGORIES = ("water", "electricity")


class ProductTemplate(models.Model):
    _inherit = "product.template"

    # === FIELDS === #
    property_fee_category = fields.Selection(
        FEE_CATEGORY_SELECTION,
        index=True,
        tracking=True,
        help="Marks the product as a property fee item. Collections on behalf are "
        "booked to a liability account, water and electricity are receipted apart "
        "from the other fees.",
    )
