from odoo import fields, models


class AccountPayment(models.Model):
    _inherit = "account.payment"

    # === FIELDS === #
    property_receipt_id = fields.Many2one(
        "property.receipt",
        string="Receipt",
        index="btree_not_null",
        ondelete="restrict",
        copy=False,
        readonly=True,
    )
    property_receipt_line_id = fields.Many2one(
        "property.receipt.line",
        string="Receipt Line",
        index="btree_not_null",
        ondelete="restrict",
        copy=False,
        readonly=True,
    )
    property_unit_id = fields.Many2one(
        "property.unit",
        string="Unit",
        index="btree_not_null",
        ondelete="restrict",
        copy=False,
        readonly=True,
    )
    property_prepayment = fields.Boolean(
        string="Prepayment",
        copy=False,
        readonly=True,
        help="Money taken in advance for the unit: it settles the next notices.",
    )
    property_deposit_id = fields.Many2one(
        "property.deposit",
        string="Deposit",
        index="btree_not_null",
        ondelete="restrict",
        copy=False,
        readonly=True,
    )

    # === BUSINESS METHODS === #
    def _property_settled_notices(self):
        """Customer invoices (notices) reconciled with these payments."""
        lines = self.move_id.line_ids.filtered(
            lambda ln: ln.account_id.account_type == "asset_receivable"
        )
        partials = lines.matched_debit_ids | lines.matched_credit_ids
        counterparts = (partials.debit_move_id | partials.credit_move_id) - lines
        return counterparts.move_id.filtered(lambda m: m.move_type == "out_invoice")
