from odoo import fields, models


class PropertyBankCollectionLine(models.Model):
    _name = "property.bank.collection.line"
    _description = "Bank Collection Line"
    _order = "collection_id, id"
    _check_company_auto = True

    collection_id = fields.Many2one(
        "property.bank.collection", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="collection_id.company_id", store=True, index=True
    )
    reference = fields.Char(required=True, readonly=True, index=True)
    move_id = fields.Many2one(
        "account.move",
        string="Notice",
        required=True,
        index=True,
        ondelete="restrict",
        readonly=True,
    )
    mandate_id = fields.Many2one(
        "property.bank.mandate", required=True, ondelete="restrict", readonly=True
    )
    partner_id = fields.Many2one(related="mandate_id.partner_id", string="Payer")
    unit_id = fields.Many2one(related="move_id.property_unit_id")
    bank_account_id = fields.Many2one(related="mandate_id.bank_account_id")
    amount = fields.Monetary(readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("pending", "Sent"), ("success", "Collected"), ("failed", "Failed")],
        required=True,
        default="pending",
        readonly=True,
    )
    failure_reason = fields.Char(readonly=True)
    payment_id = fields.Many2one("account.payment", readonly=True, ondelete="restrict")

    _sql_constraints = [
        (
            "reference_uniq",
            "UNIQUE(reference)",
            "A bank collection line reference is unique.",
        ),
    ]

    def _pay(self, journal):
        """Inbound payment of the line, posted and reconciled with its notice."""
        self.ensure_one()
        payment = self.env["account.payment"].create(
            {
                "payment_type": "inbound",
                "partner_type": "customer",
                "partner_id": self.move_id.partner_id.id,
                "amount": self.amount,
                "journal_id": journal.id,
                "date": self.collection_id.collection_date,
                "memo": f"{self.reference} {self.move_id.name}",
            }
        )
        payment.action_post()
        receivable = (payment.move_id.line_ids | self.move_id.line_ids).filtered(
            lambda ln: (
                ln.account_id.account_type == "asset_receivable" and not ln.reconciled
            )
        )
        receivable.reconcile()
        return payment
