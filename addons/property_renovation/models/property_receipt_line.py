from odoo import fields, models


class PropertyReceiptLine(models.Model):
    _inherit = "property.receipt.line"

    renovation_filing_id = fields.Many2one(
        "property.renovation.filing",
        string="Renovation Filing",
        index="btree_not_null",
        ondelete="restrict",
        help="The renovation filing whose deposit, tax or rubbish fee the line takes.",
    )
