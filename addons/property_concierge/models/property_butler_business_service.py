from odoo import fields, models


class PropertyButlerBusinessService(models.Model):
    _name = "property.butler.business.service"
    _description = "Business Service Price"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    service_type = fields.Selection(
        [
            ("fax_send", "Fax Sent"),
            ("fax_receive", "Fax Received"),
            ("copy", "Copies"),
            ("print", "Printing"),
            ("scan", "Scanning"),
            ("translation", "Translation"),
        ],
        required=True,
        default="copy",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda s: s.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    price = fields.Monetary(string="Unit Price", required=True)
    uom_name = fields.Char(string="Per", required=True, translate=True)

    _sql_constraints = [
        ("price_positive", "CHECK(price >= 0)", "The price cannot be negative.")
    ]
