from odoo import fields, models


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    property_document_type_id = fields.Many2one(
        "property.document.type",
        string="Archive Document Type",
        index="btree_not_null",
        ondelete="restrict",
        help="Kind of paper of the owner archive (ID card, property certificate...).",
    )
