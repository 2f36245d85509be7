import base64

from odoo import fields, models


class PropertyBankCollectionImportWizard(models.TransientModel):
    _name = "property.bank.collection.import.wizard"
    _description = "Import the Bank's Collection Result"

    collection_id = fields.Many2one(
        "property.bank.collection", required=True, ondelete="cascade"
    )
    result_file = fields.Binary(required=True)
    filename = fields.Char()

    def action_import(self):
        self.ensure_one()
        self.collection_id._import_result(
            base64.b64decode(self.result_file), self.filename
        )
        return {"type": "ir.actions.act_window_close"}
