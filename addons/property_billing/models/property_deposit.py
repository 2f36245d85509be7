from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_is_zero


class PropertyDeposit(models.Model):
    _name = "property.deposit"
    _description = "Deposit"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    # === FIELDS === #
    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        default=lambda self: self.env._("New"),
    )
    state = fields.Selection(
        [
            ("draft", "To Collect"),
            ("held", "Held"),
            ("refund_requested", "Refund Requested"),
            ("refund_approved", "Refund Approved"),
            ("refunded", "Refunded"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    deposit_type = fields.Selection(
        [
            ("renovation", "Renovation Deposit"),
            ("card", "Access Card Deposit"),
            ("tenancy", "Tenancy Deposit"),
            ("other", "Other Deposit"),
        ],
        string="Type",
        required=True,
        default="other",
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Paid By",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        help="Who paid the deposit; the refund goes back to them.",
    )
    unit_id = fields.Many2one(
        "property.unit",
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    estate_id = fields.Many2one(
        "property.estate",
        compute="_compute_estate_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        ondelete="restrict",
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_expected = fields.Monetary(
        string="Amount to Collect", tracking=True, help="Amount agreed."
    )
    amount_received = fields.Monetary(
        compute="_compute_amounts", store=True, help="Taken by issued receipts."
    )
    amount_deducted = fields.Monetary(readonly=True, copy=False, tracking=True)
    amount_refunded = fields.Monetary(readonly=True, copy=False, tracking=True)
    amount_held = fields.Monetary(
        compute="_compute_amounts",
        store=True,
        help="Received less deducted and refunded: still owed to the payer.",
    )
    deduction_requested = fields.Monetary(readonly=True, copy=False, tracking=True)
    deduction_reason = fields.Text(readonly=True, copy=False, tracking=True)
    receipt_line_ids = fields.One2many(
        "property.receipt.line", "deposit_id", string="Receipt Lines", readonly=True
    )
    res_model = fields.Char(
        string="Secured Document Model", index=True, readonly=True, copy=False
    )
    res_id = fields.Many2oneReference(
        string="Secured Document", model_field="res_model", readonly=True, copy=False
    )
    date_requested = fields.Date(readonly=True, copy=False)
    requested_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, ondelete="restrict"
    )
    approved_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, ondelete="restrict"
    )
    date_refunded = fields.Date(readonly=True, copy=False)
    refund_payment_id = fields.Many2one(
        "account.payment", readonly=True, copy=False, ondelete="restrict"
    )
    deduction_move_id = fields.Many2one(
        "account.move", readonly=True, copy=False, ondelete="restrict"
    )
    note = fields.Text()

    _sql_constraints = [
        (
            "amount_expected_positive",
            "CHECK(amount_expected >= 0)",
            "The amount of a deposit cannot be negative.",
        ),
    ]

    # === COMPUTE METHODS === #
    @api.depends("unit_id")
    def _compute_estate_id(self):
        for deposit in self:
            if deposit.unit_id:
                deposit.estate_id = deposit.unit_id.estate_id

    @api.depends(
        "receipt_line_ids.amount",
        "receipt_line_ids.state",
        "amount_deducted",
        "amount_refunded",
    )
    def _compute_amounts(self):
        for deposit in self:
            received = sum(
                deposit.receipt_line_ids.filtered(
                    lambda ln: ln.receipt_id.state == "issued"
                ).mapped("amount")
            )
            deposit.amount_received = received
            deposit.amount_held = (
                received - deposit.amount_deducted - deposit.amount_refunded
            )

    # === CRUD METHODS === #
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].with_company(
                    vals.get("company_id") or self.env.company.id
                ).next_by_code("property.deposit") or self.env._("New")
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_received(self):
        if self.filtered(lambda d: d.state != "draft" or d.receipt_line_ids):
            raise UserError(
                self.env._("A deposit that was received is kept, never deleted.")
            )

    # === ACTION METHODS === #
    def action_request_refund(self, deduction=0.0, reason=False):
        """The desk asks for the refund, stating what is kept and why."""
        if not self.env.user.has_group("property_frontdesk.group_property_clerk"):
            raise UserError(self.env._("Only the desk asks for deposit refunds."))
        for deposit in self:
            if deposit.state != "held":
                raise UserError(
                    self.env._(
                        "Only a deposit held can be refunded: %(name)s.",
                        name=deposit.name,
                    )
                )
            rounding = deposit.currency_id.rounding
            held_text = f"{deposit.amount_held:.2f}"
            if float_compare(deduction, 0.0, precision_rounding=rounding) < 0 or (
                float_compare(
                    deduction, deposit.amount_held, precision_rounding=rounding
                )
                > 0
            ):
                raise ValidationError(
                    self.env._(
                        "The deduction must be between 0 and the %(held)s held.",
                        held=held_text,
                    )
                )
            if (
                not float_is_zero(deduction, precision_rounding=rounding)
                and not (reason or "").strip()
            ):
                raise ValidationError(
                    self.env._("Give the reason why part of the deposit is kept.")
                )
            deposit.write(
                {
                    "state": "refund_requested",
                    "deduction_requested": deduction,
                    "deduction_reason": reason or False,
                    "date_requested": self.env["property.unit"]._property_today(),
                    "requested_by_id": self.env.user.id,
                }
            )
        return True

    def action_approve_refund(self):
        """The service-centre manager approves the refund."""
        if not self.env.user.has_group("property_frontdesk.group_property_manager"):
            raise UserError(
                self.env._("Only the service-centre manager approves deposit refunds.")
            )
        if wrong := self.filtered(lambda d: d.state != "refund_requested"):
            raise UserError(
                self.env._(
                    "No refund was requested for %(names)s.",
                    names=", ".join(wrong.mapped("name")),
                )
            )
        self.write({"state": "refund_approved", "approved_by_id": self.env.user.id})
        return True

    def action_reject_refund(self):
        if not self.env.user.has_group("property_frontdesk.group_property_manager"):
            raise UserError(
                self.env._("Only the service-centre manager approves deposit refunds.")
            )
        if wrong := self.filtered(lambda d: d.state != "refund_requested"):
            raise UserError(
                self.env._(
                    "No refund was requested for %(names)s.",
                    names=", ".join(wrong.mapped("name")),
                )
            )
        self.write({"state": "held", "deduction_requested": 0.0})
        return True

    def action_refund(self):
        """Finance pays the deposit back (outbound payment) and books the
        deduction as income."""
        if not self.env.user.has_group("property_frontdesk.group_property_finance"):
            raise UserError(self.env._("Only the finance staff refunds deposits."))
        today = self.env["property.unit"]._property_today()
        for deposit in self:
            if deposit.state != "refund_approved":
                raise UserError(
                    self.env._(
                        "The refund of %(name)s has not been approved.",
                        name=deposit.name,
                    )
                )
            deposit.sudo()._book_refund(today)
        return True

    # === BUSINESS METHODS === #
    def _update_after_receipt(self):
        """A receipt taking the deposit was issued or voided."""
        for deposit in self:
            received = not float_is_zero(
                deposit.amount_received, precision_rounding=deposit.currency_id.rounding
            )
            if deposit.state == "draft" and received:
                deposit.state = "held"
            elif deposit.state == "held" and not received:
                deposit.state = "draft"

    def _book_refund(self, date):
        self.ensure_one()
        company = self.company_id
        rounding = self.currency_id.rounding
        deduction = self.deduction_requested
        refund = self.amount_held - deduction
        partner = self.partner_id.commercial_partner_id
        vals = {"state": "refunded", "date_refunded": date}
        if not float_is_zero(deduction, precision_rounding=rounding):
            journal = self.env["account.journal"].search(
                [("type", "=", "general"), ("company_id", "=", company.id)], limit=1
            )
            label = self.env._(
                "Deduction from deposit %(name)s: %(reason)s",
                name=self.name,
                reason=self.deduction_reason,
            )
            move = self.env["account.move"].create(
                {
                    "move_type": "entry",
                    "journal_id": journal.id,
                    "date": date,
                    "ref": label,
                    "company_id": company.id,
                    "line_ids": [
                        fields.Command.create(
                            {
                                "name": label,
                                "account_id": company.property_deposit_account_id.id,
                                "partner_id": partner.id,
                                "debit": deduction,
                            }
                        ),
                        fields.Command.create(
                            {
                                "name": label,
                                "account_id": company.property_deduction_account_id.id,
                                "partner_id": partner.id,
                                "credit": deduction,
                            }
                        ),
                    ],
                }
            )
            move.action_post()
            vals.update(deduction_move_id=move.id, amount_deducted=deduction)
        if not float_is_zero(refund, precision_rounding=rounding):
            journal = company.property_bank_journal_id
            payment = self.env["account.payment"].create(
                {
                    "payment_type": "outbound",
                    "partner_type": "customer",
                    "partner_id": partner.id,
                    "amount": refund,
                    "date": date,
                    "journal_id": journal.id,
                    "payment_method_line_id": journal.outbound_payment_method_line_ids[
                        :1
                    ].id,
                    "company_id": company.id,
                    "destination_account_id": company.property_deposit_account_id.id,
                    "memo": self.env._("Refund of deposit %(name)s", name=self.name),
                    "property_deposit_id": self.id,
                    "property_unit_id": self.unit_id.id,
                }
            )
            payment.action_post()
            vals.update(refund_payment_id=payment.id, amount_refunded=refund)
        self.write(vals)
