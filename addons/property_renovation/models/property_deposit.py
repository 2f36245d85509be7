from odoo import fields, models


class PropertyDeposit(models.Model):
    _inherit = "property.deposit"

    renovation_filing_id = fields.Many2one(
        "property.renovation.filing",
        string="Renovation Filing",
        index="btree_not_null",
        ondelete="restrict",
        readonly=True,
        copy=False,
    )
