from odoo import api, fields, models
from odoo.exceptions import UserError


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

    # === FIELDS (monthly run: delivery of the notices) === #
    property_delivery_state = fields.Selection(
        [("unsent", "Not Printed"), ("printed", "Printed"), ("delivered", "Delivered")],
        string="Notice Delivery",
        compute="_compute_property_delivery_state",
        store=True,
        index="btree_not_null",
    )
    property_printed_count = fields.Integer(
        string="Times Printed", readonly=True, copy=False
    )
    property_printed_date = fields.Datetime(
        string="First Printed", readonly=True, copy=False
    )
    property_delivered_date = fields.Datetime(
        string="Delivered On", readonly=True, copy=False, tracking=True
    )
    property_delivered_by_id = fields.Many2one(
        "res.users",
        string="Delivered By",
        readonly=True,
        copy=False,
        ondelete="restrict",
        tracking=True,
    )
    property_delivery_signed_by = fields.Char(
        string="Signed For By",
        readonly=True,
        copy=False,
        tracking=True,
        help="Who signed the delivery list for the payer.",
    )
    property_delivery_deadline = fields.Date(
        related="property_billing_run_id.delivery_deadline", string="Delivery Deadline"
    )
    property_delivery_late = fields.Boolean(
        compute="_compute_property_delivery_late",
        string="Delivered Late",
        help="Not delivered by the deadline of the run (the 28th).",
    )
    property_arrears = fields.Monetary(
        string="Previous Arrears",
        compute="_compute_property_arrears",
        help="Unpaid amount of the payer's earlier notices for this unit.",
    )
    property_amount_words = fields.Char(
        string="Amount in Words", compute="_compute_property_amount_words"
    )

    # === INIT === #
    def init(self):
        res = super().init()
        # the monthly run never bills a unit twice for a period by the same payer
        self.env.cr.execute(
            """CREATE UNIQUE INDEX IF NOT EXISTS account_move_property_notice_uniq
               ON account_move (property_period, property_unit_id, partner_id)
               WHERE property_is_notice AND state != 'cancel'"""
        )
        return res

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

    # === BUSINESS METHODS (monthly run) === #
    @api.depends(
        "property_is_notice", "property_printed_count", "property_delivered_date"
    )
    def _compute_property_delivery_state(self):
        for move in self:
            if not move.property_is_notice:
                move.property_delivery_state = False
            elif move.property_delivered_date:
                move.property_delivery_state = "delivered"
            elif move.property_printed_count:
                move.property_delivery_state = "printed"
            else:
                move.property_delivery_state = "unsent"

    @api.depends_context("date")
    def _compute_property_delivery_late(self):
        today = self.env["property.unit"]._property_today()
        for move in self:
            deadline = move.property_delivery_deadline
            if not deadline or not move.property_is_notice:
                move.property_delivery_late = False
            elif move.property_delivered_date:
                move.property_delivery_late = (
                    fields.Date.to_date(move.property_delivered_date) > deadline
                )
            else:
                move.property_delivery_late = today > deadline

    def _compute_property_arrears(self):
        notices = self.filtered(lambda m: m.property_is_notice and m.property_unit_id)
        (self - notices).property_arrears = 0.0
        if not notices:
            return
        earlier = self.search(
            [
                ("property_is_notice", "=", True),
                ("state", "=", "posted"),
                ("property_unit_id", "in", notices.property_unit_id.ids),
                ("partner_id", "in", notices.partner_id.ids),
                ("payment_state", "in", ("not_paid", "partial")),
                ("property_period", "<", max(notices.mapped("property_period"))),
            ]
        )
        for move in notices:
            move.property_arrears = sum(
                other.amount_residual
                for other in earlier
                if other.property_unit_id == move.property_unit_id
                and other.partner_id == move.partner_id
                and other.property_period < move.property_period
            )

    @api.depends("amount_total", "property_arrears")
    def _compute_property_amount_words(self):
        for move in self:
            move.property_amount_words = move.currency_id._property_amount_to_chinese(
                move.amount_residual + move.property_arrears
                if move.state == "posted"
                else move.amount_total
            )

    def _property_mark_printed(self):
        """Count a print of the notices (batch printing included)."""
        now = fields.Datetime.now()
        notices = self.filtered("property_is_notice")
        for move in notices:
            vals = {"property_printed_count": move.property_printed_count + 1}
            if not move.property_printed_date:
                vals["property_printed_date"] = now
            move.sudo().write(vals)

    def _property_register_delivery(self, delivered_by, signed_by, when=None):
        """Record that the notices were handed to the payers."""
        if bad := self.filtered(
            lambda m: not m.property_is_notice or m.state != "posted"
        ):
            raise UserError(
                self.env._(
                    "Only posted payment notices can be delivered: %(names)s.",
                    names=", ".join(bad.mapped("name")),
                )
            )
        if done := self.filtered("property_delivered_date"):
            raise UserError(
                self.env._(
                    "These notices were already delivered: %(names)s.",
                    names=", ".join(done.mapped("name")),
                )
            )
        if not signed_by:
            raise UserError(
                self.env._("Write who signed for the notices on the delivery list.")
            )
        self.sudo().write(
            {
                "property_delivered_date": when or fields.Datetime.now(),
                "property_delivered_by_id": delivered_by.id,
                "property_delivery_signed_by": signed_by,
            }
        )
        return True
