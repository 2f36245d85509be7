from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

PAYMENT_METHOD_SELECTION = [
    ("cash", "Cash"),
    ("transfer", "Bank Transfer"),
    ("card", "Bank Card"),
    ("collection", "Bank Collection"),
    ("cheque", "Cheque"),
]
# fields an issued receipt still accepts
ISSUED_WRITABLE_FIELDS = {
    "fapiao_number",
    "fapiao_date",
    "fapiao_user_id",
    "print_count",
    "note",
    "message_main_attachment_id",
}


class PropertyReceipt(models.Model):
    _name = "property.receipt"
    _description = "Receipt"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, name desc, id desc"
    _check_company_auto = True

    # === FIELDS === #
    name = fields.Char(
        string="Number",
        readonly=True,
        copy=False,
        index=True,
        help="Taken from the clerk's receipt book when the receipt is issued.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Issued"), ("void", "Void")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        ondelete="restrict",
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(
        required=True,
        index=True,
        default=lambda self: self.env["property.unit"]._property_today(),
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Payer",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
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
    user_id = fields.Many2one(
        "res.users",
        string="Clerk",
        required=True,
        index=True,
        readonly=True,
        ondelete="restrict",
        default=lambda self: self.env.user,
    )
    book_id = fields.Many2one(
        "property.receipt.book",
        string="Receipt Book",
        readonly=True,
        copy=False,
        index=True,
        ondelete="restrict",
    )
    payment_method = fields.Selection(
        PAYMENT_METHOD_SELECTION,
        required=True,
        default="cash",
        tracking=True,
    )
    line_ids = fields.One2many(
        "property.receipt.line", "receipt_id", string="Lines", copy=True
    )
    amount_total = fields.Monetary(
        string="Total", compute="_compute_amount_total", store=True
    )
    amount_total_words = fields.Char(
        string="Total in Words", compute="_compute_amount_total_words"
    )
    receipt_kind = fields.Selection(
        [("service", "Service Fees"), ("utility", "Water and Electricity")],
        string="Kind",
        compute="_compute_receipt_kind",
        store=True,
        help="Water and electricity are receipted, and exchanged for fapiao, "
        "apart from the other fees.",
    )
    payment_ids = fields.One2many(
        "account.payment", "property_receipt_id", string="Payments", readonly=True
    )
    settled_move_ids = fields.Many2many(
        "account.move",
        string="Notices Settled",
        compute="_compute_settled_move_ids",
    )
    date_issued = fields.Datetime(readonly=True, copy=False)
    void_reason = fields.Text(readonly=True, copy=False, tracking=True)
    void_date = fields.Date(readonly=True, copy=False)
    void_user_id = fields.Many2one(
        "res.users", string="Voided By", readonly=True, copy=False, ondelete="restrict"
    )
    print_count = fields.Integer(
        readonly=True,
        copy=False,
        help="Times the receipt was printed; every print after the first is a copy.",
    )
    reprint_count = fields.Integer(compute="_compute_reprint_count", string="Reprints")
    fapiao_number = fields.Char(readonly=True, copy=False, tracking=True)
    fapiao_date = fields.Date(readonly=True, copy=False, tracking=True, index=True)
    fapiao_user_id = fields.Many2one(
        "res.users",
        string="Fapiao Registered By",
        readonly=True,
        copy=False,
        ondelete="restrict",
    )
    note = fields.Text()

    _sql_constraints = [
        (
            "name_company_uniq",
            "UNIQUE(name, company_id)",
            "A receipt number is used only once.",
        ),
    ]

    # === COMPUTE METHODS === #
    @api.depends("unit_id")
    def _compute_estate_id(self):
        for receipt in self:
            if receipt.unit_id:
                receipt.estate_id = receipt.unit_id.estate_id

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for receipt in self:
            receipt.amount_total = sum(receipt.line_ids.mapped("amount"))

    @api.depends("amount_total")
    def _compute_amount_total_words(self):
        for receipt in self:
            receipt.amount_total_words = self.env[
                "res.currency"
            ]._property_amount_to_chinese(receipt.amount_total)

    @api.depends("line_ids.product_id")
    def _compute_receipt_kind(self):
        for receipt in self:
            lines = receipt.line_ids
            receipt.receipt_kind = (
                "utility"
                if lines and all(line.is_utility for line in lines)
                else "service"
            )

    @api.depends(
        "payment_ids.move_id.line_ids.matched_debit_ids",
        "payment_ids.move_id.line_ids.matched_credit_ids",
    )
    def _compute_settled_move_ids(self):
        for receipt in self:
            receipt.settled_move_ids = receipt.payment_ids._property_settled_notices()

    @api.depends("print_count")
    def _compute_reprint_count(self):
        for receipt in self:
            receipt.reprint_count = max(receipt.print_count - 1, 0)

    def _compute_display_name(self):
        for receipt in self:
            name = receipt.name or self.env._("Draft Receipt")
            if receipt.state == "void":
                name = self.env._("%(name)s (void)", name=name)
            receipt.display_name = name

    # === CONSTRAINT METHODS === #
    @api.constrains("line_ids")
    def _check_utility_apart(self):
        for receipt in self:
            kinds = set(receipt.line_ids.mapped("is_utility"))
            if len(kinds) > 1:
                raise ValidationError(
                    self.env._(
                        "Water and electricity are receipted apart from the other "
                        "fees: put them on a receipt of their own."
                    )
                )

    # === CRUD METHODS === #
    def write(self, vals):
        if set(vals) - ISSUED_WRITABLE_FIELDS and not self.env.context.get(
            "property_receipt_workflow"
        ):
            if done := self.filtered(lambda r: r.state != "draft"):
                raise UserError(
                    self.env._(
                        "Issued receipts cannot be changed; void %(names)s with a "
                        "reason and issue a new one.",
                        names=", ".join(done.mapped("name")),
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        if done := self.filtered(lambda r: r.state != "draft"):
            raise UserError(
                self.env._(
                    "Issued and voided receipts are never deleted: %(names)s.",
                    names=", ".join(done.mapped("name")),
                )
            )

    # === ACTION METHODS === #
    def action_issue(self):
        """Take the next number of the clerk's book, book and post the payments and
        settle the notices."""
        for receipt in self:
            receipt._check_can_issue()
            book, number = (
                self.env["property.receipt.book"]
                .sudo()
                ._take_next_number(receipt.user_id, receipt.company_id)
            )
            receipt.with_context(property_receipt_workflow=True).write(
                {
                    "name": number,
                    "book_id": book.id,
                    "state": "issued",
                    "date_issued": fields.Datetime.now(),
                }
            )
            receipt._create_payments()
            receipt.line_ids.deposit_id.sudo()._update_after_receipt()
        return True

    def action_void(self, reason=False):
        """Void issued receipts: the payments are reversed, the number stays used."""
        if not (
            self.env.user.has_group("property_frontdesk.group_property_supervisor")
            or self.env.user.has_group("property_frontdesk.group_property_finance")
        ):
            raise UserError(
                self.env._("Only a supervisor or the finance staff can void receipts.")
            )
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason why the receipt is voided."))
        today = self.env["property.unit"]._property_today()
        for receipt in self:
            if receipt.state != "issued":
                raise UserError(
                    self.env._(
                        "Only issued receipts can be voided: %(name)s.",
                        name=receipt.name,
                    )
                )
            for line in receipt.line_ids.filtered("deposit_id"):
                deposit = line.deposit_id
                if (
                    deposit.state != "held"
                    or deposit.currency_id.compare_amounts(
                        deposit.amount_held, line.amount
                    )
                    < 0
                ):
                    raise UserError(
                        self.env._(
                            "Deposit %(deposit)s is being refunded: the receipt "
                            "that took it cannot be voided.",
                            deposit=deposit.name,
                        )
                    )
            receipt.sudo()._reverse_payments(reason, today)
            receipt.with_context(property_receipt_workflow=True).write(
                {
                    "state": "void",
                    "void_reason": reason,
                    "void_date": today,
                    "void_user_id": self.env.user.id,
                }
            )
            receipt.line_ids.deposit_id.sudo()._update_after_receipt()
        return True

    def action_fill_open_notices(self):
        """Add a line for every open notice of the payer on the unit, oldest
        first, for the amount still due."""
        for receipt in self:
            if receipt.state != "draft":
                raise UserError(self.env._("Issued receipts cannot be changed."))
            if not receipt.unit_id:
                raise UserError(
                    self.env._("Choose the unit whose notices the receipt pays.")
                )
            taken = receipt.line_ids.move_id
            notices = receipt._get_open_notices() - taken
            if not notices:
                raise UserError(
                    self.env._(
                        "%(payer)s has no other open notice on %(unit)s.",
                        payer=receipt.partner_id.display_name,
                        unit=receipt.unit_id.display_name,
                    )
                )
            receipt.line_ids = [
                receipt._prepare_line_for_notice(notice) for notice in notices
            ]
        return True

    def action_open_void_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Void Receipt"),
            "res_model": "property.receipt.void.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_receipt_id": self.id},
        }

    def action_open_fapiao_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Exchange for Fapiao"),
            "res_model": "property.receipt.fapiao.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_receipt_id": self.id},
        }

    def action_print(self):
        if self.filtered(lambda r: r.state == "draft"):
            raise UserError(self.env._("Issue the receipt before printing it."))
        return self.env.ref(
            "property_billing.action_report_property_receipt"
        ).report_action(self)

    def action_view_payments(self):
        self.ensure_one()
        return self.payment_ids._get_records_action(name=self.env._("Payments"))

    def action_view_notices(self):
        self.ensure_one()
        return self.settled_move_ids._get_records_action(
            name=self.env._("Notices Settled")
        )

    # === BUSINESS METHODS === #
    def _check_can_issue(self):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(
                self.env._("Receipt %(name)s is already issued.", name=self.name)
            )
        if not self.line_ids:
            raise UserError(self.env._("Add at least one line to the receipt."))
        if self.user_id != self.env.user and not self.env.su:
            raise UserError(
                self.env._(
                    "A receipt is issued by its clerk, from the clerk's own book."
                )
            )
        company = self.company_id
        journal = self._get_payment_journal()
        if not journal:
            raise UserError(
                self.env._(
                    "Set up property billing of %(company)s first (Settings, "
                    "Property Billing).",
                    company=company.name,
                )
            )
        for line in self.line_ids:
            if line.line_type in ("notice", "prepayment") and not self.unit_id:
                raise UserError(
                    self.env._("Choose the unit whose notices the receipt pays.")
                )
            if line.line_type == "deposit":
                deposit = line.deposit_id
                if deposit.state not in ("draft", "held"):
                    raise UserError(
                        self.env._(
                            "Deposit %(deposit)s cannot take money any more.",
                            deposit=deposit.name,
                        )
                    )
                if (
                    deposit.partner_id.commercial_partner_id
                    != self.partner_id.commercial_partner_id
                ):
                    raise UserError(
                        self.env._(
                            "Deposit %(deposit)s is paid by %(partner)s, not by "
                            "the payer of the receipt.",
                            deposit=deposit.name,
                            partner=deposit.partner_id.name,
                        )
                    )
        self._check_notice_amounts()

    def _get_open_notices(self, line=None):
        """Open notices of the payer on the receipt's unit, oldest first."""
        self.ensure_one()
        if line and line.move_id:
            return line.move_id
        return (
            self.env["account.move"]
            .sudo()
            .search(
                [
                    ("property_is_notice", "=", True),
                    ("state", "=", "posted"),
                    ("move_type", "=", "out_invoice"),
                    ("property_unit_id", "=", self.unit_id.id),
                    (
                        "commercial_partner_id",
                        "=",
                        self.partner_id.commercial_partner_id.id,
                    ),
                    ("payment_state", "in", ("not_paid", "partial")),
                    ("company_id", "=", self.company_id.id),
                ],
                order="invoice_date, id",
            )
        )

    def _check_notice_amounts(self):
        self.ensure_one()
        notice_lines = self.line_ids.filtered(lambda ln: ln.line_type == "notice")
        if not notice_lines:
            return
        payer = self.partner_id.commercial_partner_id
        chosen = notice_lines.move_id
        for move in chosen:
            if (
                not move.property_is_notice
                or move.state != "posted"
                or move.commercial_partner_id != payer
                or move.property_unit_id != self.unit_id
            ):
                raise UserError(
                    self.env._(
                        "%(notice)s is not a posted notice of %(payer)s for this unit.",
                        notice=move.name,
                        payer=payer.name,
                    )
                )
            due = move.amount_residual
            paid = sum(
                notice_lines.filtered(lambda ln, m=move: ln.move_id == m).mapped(
                    "amount"
                )
            )
            paid_text, due_text = f"{paid:.2f}", f"{due:.2f}"
            if (
                float_compare(paid, due, precision_rounding=self.currency_id.rounding)
                > 0
            ):
                raise UserError(
                    self.env._(
                        "%(amount)s is more than the %(due)s still due on %(notice)s.",
                        amount=paid_text,
                        due=due_text,
                        notice=move.name,
                    )
                )
        open_total = sum(self._get_open_notices().mapped("amount_residual"))
        asked = sum(notice_lines.mapped("amount"))
        open_text, asked_text = f"{open_total:.2f}", f"{asked:.2f}"
        if (
            float_compare(
                asked, open_total, precision_rounding=self.currency_id.rounding
            )
            > 0
        ):
            raise UserError(
                self.env._(
                    "The payer owes %(due)s on the open notices of %(unit)s, less "
                    "than the %(amount)s received: take the rest as a prepayment.",
                    due=open_text,
                    unit=self.unit_id.display_name,
                    amount=asked_text,
                )
            )

    def _get_payment_journal(self):
        self.ensure_one()
        company = self.company_id
        if self.payment_method == "cash":
            return company.property_cash_journal_id
        return company.property_bank_journal_id

    def _get_line_destination_account(self, line):
        self.ensure_one()
        company = self.company_id
        partner = self.partner_id.commercial_partner_id.with_company(company)
        if line.line_type in ("notice", "prepayment"):
            return partner.property_account_receivable_id
        if line.line_type == "deposit":
            return company.property_deposit_account_id
        if line.line_type == "on_behalf":
            return company.property_on_behalf_account_id
        accounts = line.product_id.product_tmpl_id.with_company(
            company
        )._get_product_accounts()
        return accounts["income"]

    def _prepare_payment_vals(self, line):
        self.ensure_one()
        journal = self._get_payment_journal()
        method_line = journal.inbound_payment_method_line_ids[:1]
        account = self._get_line_destination_account(line)
        if not account:
            raise UserError(
                self.env._(
                    "No account is set up for %(line)s: check the fee item and "
                    "the property billing settings.",
                    line=line._get_description(),
                )
            )
        return {
            "payment_type": "inbound",
            "partner_type": "customer",
            "partner_id": self.partner_id.commercial_partner_id.id,
            "amount": line.amount,
            "date": self.date,
            "journal_id": journal.id,
            "payment_method_line_id": method_line.id,
            "company_id": self.company_id.id,
            "destination_account_id": account.id,
            "memo": f"{self.name} {line._get_description()}".strip(),
            "property_receipt_id": self.id,
            "property_receipt_line_id": line.id,
            "property_unit_id": self.unit_id.id,
            "property_prepayment": line.line_type == "prepayment",
            "property_deposit_id": line.deposit_id.id,
        }

    def _create_payments(self):
        self.ensure_one()
        Payment = (
            self.env["account.payment"].sudo().with_context(mail_create_nolog=True)
        )
        lines = self.line_ids
        payments = Payment.create([self._prepare_payment_vals(line) for line in lines])
        payments.action_post()
        for line, payment in zip(lines, payments, strict=True):
            line.payment_id = payment
            if line.line_type == "notice":
                self._reconcile_notices(payment, self._get_open_notices(line))
        return payments

    @api.model
    def _reconcile_notices(self, payment, notices):
        """Settle ``notices`` in their order with the credit of ``payment``: the
        notices the amount covers are reconciled in one go (Odoo matches the
        oldest due date first)."""
        credit_line = payment.move_id.line_ids.filtered(
            lambda ln: ln.account_id == payment.destination_account_id
        )
        remaining = -credit_line.amount_residual
        due_lines = self.env["account.move.line"]
        for notice in notices:
            if payment.currency_id.compare_amounts(remaining, 0.0) <= 0:
                break
            lines = notice.line_ids.filtered(
                lambda ln: ln.account_id == credit_line.account_id and not ln.reconciled
            )
            due_lines |= lines
            remaining -= sum(lines.mapped("amount_residual"))
        if due_lines:
            (credit_line + due_lines).reconcile()

    def _reverse_payments(self, reason, date):
        self.ensure_one()
        payments = self.payment_ids.filtered(lambda p: p.state != "canceled")
        moves = payments.move_id
        moves.line_ids.remove_move_reconcile()
        moves._reverse_moves(
            [
                {
                    "date": date,
                    "ref": self.env._(
                        "Void of receipt %(name)s: %(reason)s",
                        name=self.name,
                        reason=reason,
                    ),
                }
                for _move in moves
            ],
            cancel=True,
        )
        payments.write({"state": "canceled"})

    def _register_fapiao(self, number, date):
        """The receipt is exchanged for a fapiao (换开发票)."""
        number = (number or "").strip()
        for receipt in self:
            if receipt.state != "issued":
                raise UserError(
                    self.env._(
                        "Only issued receipts are exchanged for a fapiao: %(name)s.",
                        name=receipt.name,
                    )
                )
            if receipt.fapiao_number:
                raise UserError(
                    self.env._(
                        "Receipt %(name)s was already exchanged for fapiao %(fapiao)s.",
                        name=receipt.name,
                        fapiao=receipt.fapiao_number,
                    )
                )
            if not number or not date:
                raise UserError(self.env._("Give the fapiao number and date."))
            domain = [
                ("company_id", "=", receipt.company_id.id),
                ("estate_id", "=", receipt.estate_id.id),
                ("receipt_kind", "=", receipt.receipt_kind),
                ("fapiao_date", "!=", False),
            ]
            if self.search_count(domain + [("fapiao_number", "=", number)], limit=1):
                raise UserError(
                    self.env._(
                        "Fapiao %(fapiao)s is already registered on another receipt.",
                        fapiao=number,
                    )
                )
            last = self.search(domain, order="fapiao_date desc", limit=1)
            if last and last.fapiao_date > fields.Date.to_date(date):
                raise UserError(
                    self.env._(
                        "Fapiao dates never go backwards: the desk already "
                        "registered a %(kind)s fapiao dated %(last)s.",
                        kind=dict(
                            self._fields["receipt_kind"]._description_selection(
                                self.env
                            )
                        )[receipt.receipt_kind],
                        last=last.fapiao_date,
                    )
                )
            receipt.write(
                {
                    "fapiao_number": number,
                    "fapiao_date": date,
                    "fapiao_user_id": self.env.user.id,
                }
            )

    def _register_print(self):
        """Count the prints; every print after the first is marked as a copy."""
        for receipt in self.sudo():
            receipt.print_count += 1
            if receipt.print_count > 1:
                receipt.message_post(
                    body=self.env._(
                        "Reprinted (copy no. %(count)s).",
                        count=receipt.print_count - 1,
                    )
                )

    def _get_report_copy_labels(self):
        return [
            self.env._("First copy: Stub"),
            self.env._("Second copy: Customer"),
            self.env._("Third copy: Accounting"),
        ]

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Receipt %(name)s", name=self.name)

    @api.model
    def _get_cashier_report(self, date, users, company=None):
        """Day of the clerks: receipts issued and voided, totals by method, cash
        to hand over and the cash booked in the ledger (they must be equal)."""
        company = company or self.env.company
        result = []
        methods = dict(self._fields["payment_method"]._description_selection(self.env))
        for user in users:
            issued = self.search(
                [
                    ("user_id", "=", user.id),
                    ("company_id", "=", company.id),
                    ("date", "=", date),
                    ("state", "in", ("issued", "void")),
                ],
                order="name",
            )
            voided = issued.filtered(lambda r: r.state == "void")
            valid = issued - voided
            by_method = []
            for code, label in methods.items():
                receipts = valid.filtered(lambda r, c=code: r.payment_method == c)
                if receipts:
                    by_method.append(
                        {
                            "method": code,
                            "label": label,
                            "count": len(receipts),
                            "amount": sum(receipts.mapped("amount_total")),
                        }
                    )
            cash = sum(
                valid.filtered(lambda r: r.payment_method == "cash").mapped(
                    "amount_total"
                )
            )
            result.append(
                {
                    "user": user,
                    "receipts": issued,
                    "voided": voided,
                    "count_issued": len(issued),
                    "count_void": len(voided),
                    "amount_total": sum(valid.mapped("amount_total")),
                    "by_method": by_method,
                    "cash_to_hand_over": cash,
                    "ledger_cash": self._get_ledger_cash(issued, company),
                }
            )
        return result

    @api.model
    def _get_ledger_cash(self, receipts, company):
        """Net movement of the desk cash account booked by the payments of
        ``receipts`` and their reversals."""
        journal = company.property_cash_journal_id
        if not receipts or not journal:
            return 0.0
        payments = receipts.sudo().payment_ids
        moves = payments.move_id
        moves |= (
            self.env["account.move"]
            .sudo()
            .search([("reversed_entry_id", "in", moves.ids)])
        )
        lines = moves.line_ids.filtered(
            lambda ln: (
                ln.account_id == journal.default_account_id
                and ln.parent_state == "posted"
            )
        )
        return sum(lines.mapped("balance"))

    def _prepare_line_for_notice(self, move, amount=None):
        return Command.create(
            {
                "line_type": "notice",
                "move_id": move.id,
                "name": move.name,
                "period": move.property_period,
                "amount": amount or move.amount_residual,
            }
        )
