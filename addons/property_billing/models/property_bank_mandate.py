from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class PropertyBankMandate(models.Model):
    _name = "property.bank.mandate"
    _description = "Bank Collection Authorisation"
    _inherit = ["mail.thread"]
    _order = "unit_id, id desc"
    _rec_name = "partner_id"
    _check_company_auto = True

    # === FIELDS === #
    partner_id = fields.Many2one(
        "res.partner",
        string="Payer",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, ondelete="restrict", tracking=True
    )
    estate_id = fields.Many2one(
        related="unit_id.estate_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    bank_account_id = fields.Many2one(
        "res.partner.bank",
        string="Bank Account",
        required=True,
        ondelete="restrict",
        tracking=True,
        domain="[('partner_id', '=', partner_id)]",
    )
    date_signed = fields.Date(
        string="Signed On",
        tracking=True,
        help="Date of the payer's signed authorisation.",
    )
    document = fields.Binary(string="Signed Authorisation", attachment=True)
    document_name = fields.Char()
    state = fields.Selection(
        [("draft", "Draft"), ("active", "Active"), ("revoked", "Revoked")],
        required=True,
        default="draft",
        tracking=True,
    )

    # === CONSTRAINT METHODS === #
    @api.constrains("state", "unit_id", "partner_id")
    def _check_one_active(self):
        for mandate in self.filtered(lambda m: m.state == "active"):
            if self.search_count(
                [
                    ("id", "!=", mandate.id),
                    ("state", "=", "active"),
                    ("unit_id", "=", mandate.unit_id.id),
                    ("partner_id", "=", mandate.partner_id.id),
                ]
            ):
                raise ValidationError(
                    self.env._(
                        "%(partner)s already has an active bank collection "
                        "authorisation for %(unit)s.",
                        partner=mandate.partner_id.name,
                        unit=mandate.unit_id.code,
                    )
                )

    @api.constrains("bank_account_id", "partner_id")
    def _check_account_owner(self):
        for mandate in self:
            if mandate.bank_account_id.partner_id != mandate.partner_id:
                raise ValidationError(
                    self.env._(
                        "The bank account must belong to the payer %(partner)s.",
                        partner=mandate.partner_id.name,
                    )
                )

    # === ACTION METHODS === #
    def action_activate(self):
        for mandate in self:
            if mandate.state != "draft":
                raise UserError(
                    self.env._("Only a draft authorisation can be activated.")
                )
            if not mandate.date_signed or not mandate.document:
                raise UserError(
                    self.env._(
                        "Attach the authorisation signed by %(partner)s and its "
                        "date before activating it.",
                        partner=mandate.partner_id.name,
                    )
                )
        self.write({"state": "active"})
        return True

    def action_revoke(self):
        if self.filtered(lambda m: m.state != "active"):
            raise UserError(self.env._("Only an active authorisation can be revoked."))
        self.write({"state": "revoked"})
        return True
