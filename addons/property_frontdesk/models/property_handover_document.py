from odoo import fields, models


class PropertyHandoverDocument(models.Model):
    _name = "property.handover.document"
    _description = "Handover Document Line"
    _inherit = ["property.handover.line.mixin"]
    _order = "handover_id, sequence, id"
    _check_company_auto = True

    handover_id = fields.Many2one(
        "property.handover", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="handover_id.company_id", store=True, index=True, precompute=True
    )
    item_id = fields.Many2one(
        "property.handover.checklist.item", string="Checklist Item", ondelete="set null"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Document")
    required = fields.Boolean()
    status = fields.Selection(
        [
            ("provided", "Original Seen"),
            ("copy_kept", "Copy Kept"),
            ("missing", "Missing"),
        ],
        required=True,
        default="missing",
    )
    remark = fields.Char()
