from odoo import fields, models


class PropertyDeposit(models.Model):
    _inherit = "property.deposit"

    deposit_type = fields.Selection(
        selection_add=[("car_rental", "Car Rental Deposit")],
        ondelete={"car_rental": "set default"},
    )
