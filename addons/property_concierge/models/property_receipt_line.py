from odoo import fields, models


class PropertyReceiptLine(models.Model):
    _inherit = "property.receipt.line"

    work_order_id = fields.Many2one(
        "property.work.order",
        string="Special Service",
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
        help="Work order paid by this line.",
    )
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
