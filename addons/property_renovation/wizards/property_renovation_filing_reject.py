from odoo import fields, models


class PropertyRenovationFilingReject(models.TransientModel):
    _name = "property.renovation.filing.reject"
    _description = "Reject Renovation Filing"

    filing_ids = fields.Many2many(
        "property.renovation.filing",
        "property_renovation_filing_reject_rel",
        "wizard_id",
        "filing_id",
        string="Filings",
    )
    reason = fields.Text(required=True)

    def action_reject(self):
        self.filing_ids._reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
