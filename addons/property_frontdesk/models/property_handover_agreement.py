from odoo import api, fields, models


class PropertyHandoverAgreement(models.Model):
    _name = "property.handover.agreement"
    _description = "Handover Agreement Line"
    _inherit = ["property.handover.line.mixin"]
    _item_field = "agreement_type_id"
    _order = "handover_id, sequence, id"
    _check_company_auto = True

    handover_id = fields.Many2one(
        "property.handover", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="handover_id.company_id", store=True, index=True, precompute=True
    )
    agreement_type_id = fields.Many2one("property.agreement.type", ondelete="set null")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Agreement")
    required = fields.Boolean()
    signed = fields.Boolean()
    date_signed = fields.Date(
        string="Signed On",
        compute="_compute_date_signed",
        store=True,
        readonly=False,
    )
    note = fields.Char()

    @api.depends("signed")
    def _compute_date_signed(self):
        for line in self:
            if not line.signed:
                line.date_signed = False
            elif not line.date_signed:
                line.date_signed = line.handover_id.date or fields.Date.context_today(
                    line
                )
