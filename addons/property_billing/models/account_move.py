from odoo import api, fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    # === FIELDS (billing core) === #
    property_is_notice = fields.Boolean(
        string="Payment Notice",
        index=True,
        copy=False,
        readonly=True,
        help="Customer invoice issued as a property payment notice (缴费通知单).",
    )
    property_unit_id = fields.Many2one(
        "property.unit",
        string="Unit",
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    property_estate_id = fields.Many2one(
        "property.estate",
        string="Estate",
        compute="_compute_property_estate_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        ondelete="restrict",
    )
    property_period = fields.Char(
        string="Billing Period",
        index="btree_not_null",
        copy=False,
        help="Month billed, e.g. 2026-11.",
    )
    property_billing_run_id = fields.Many2one(
        "property.billing.run",
        string="Billing Run",
        index="btree_not_null",
        copy=False,
        ondelete="restrict",
        readonly=True,
    )
    property_receipt_ids = fields.Many2many(
        "property.receipt",
        string="Receipts",
        compute="_compute_property_receipt_ids",
        help="Receipts whose payments settle this notice (prepayments included).",
    )

    # === COMPUTE METHODS === #
    @api.depends("property_unit_id")
    def _compute_property_estate_id(self):
        for move in self:
            if move.property_unit_id:
                move.property_estate_id = move.property_unit_id.estate_id

    @api.depends("line_ids.matched_debit_ids", "line_ids.matched_credit_ids")
    def _compute_property_receipt_ids(self):
        for move in self:
            lines = move.line_ids.filtered(
                lambda ln: ln.account_id.account_type == "asset_receivable"
            )
            partials = lines.matched_debit_ids | lines.matched_credit_ids
            counterparts = (partials.debit_move_id | partials.credit_move_id) - lines
            move.property_receipt_ids = (
                counterparts.move_id.origin_payment_id.property_receipt_id
            )

    # === BUSINESS METHODS (billing core) === #
    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        notices = posted.filtered(
            lambda m: (
                m.property_is_notice
                and m.move_type == "out_invoice"
                and m.property_unit_id
            )
        )
        if notices:
            notices.sudo()._property_apply_prepayments()
        return posted

    def _property_apply_prepayments(self):
        """Settle the notices with the prepayments of their unit, oldest notice and
        oldest credit first (one query for the whole batch)."""
        credits = self.env["account.move.line"].search(
            [
                ("partner_id", "in", self.commercial_partner_id.ids),
                ("reconciled", "=", False),
                ("parent_state", "=", "posted"),
                ("amount_residual", "<", 0),
                ("account_id.account_type", "=", "asset_receivable"),
                ("payment_id.property_prepayment", "=", True),
                ("payment_id.property_unit_id", "in", self.property_unit_id.ids),
            ],
            order="date, id",
        )
        if not credits:
            return
        for notice in self.sorted(lambda m: (m.invoice_date or m.date, m.id)):
            due_lines = notice.line_ids.filtered(
                lambda ln: (
                    ln.account_id.account_type == "asset_receivable"
                    and not ln.reconciled
                )
            )
            unit_credits = credits.filtered(
                lambda ln, n=notice, d=due_lines: (
                    ln.partner_id == n.commercial_partner_id
                    and ln.payment_id.property_unit_id == n.property_unit_id
                    and ln.account_id in d.account_id
                    and ln.company_id == n.company_id
                    and not ln.reconciled
                )
            )
            for credit in unit_credits:
                if all(line.reconciled for line in due_lines):
                    break
                (credit + due_lines.filtered(lambda ln: not ln.reconciled)).reconcile()
