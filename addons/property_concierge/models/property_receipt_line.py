from odoo import fields, models


class PropertyReceiptLine(models.Model):
    _inherit = "property.receipt.line"

    butler_booking_id = fields.Many2one(
        "property.butler.booking",
        string="Booking or Errand",
        index="btree_not_null",
        ondelete="restrict",
        readonly=True,
    )
    butler_copy_line_id = fields.Many2one(
        "property.butler.copy.line",
        string="Copy Register Line",
        index="btree_not_null",
        ondelete="restrict",
        readonly=True,
    )
