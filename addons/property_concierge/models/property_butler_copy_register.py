from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class PropertyButlerCopyRegister(models.Model):
    """复印费收取登记本: the day's copy, print, fax and translation charges of an
    estate's desk, receipted once at the end of the day."""

    _name = "property.butler.copy.register"
    _description = "Copy and Print Register"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _rec_name = "date"

    # === FIELDS === #
    estate_id = fields.Many2one(
        "property.estate",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="estate_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(
        required=True,
        default=lambda s: s.env["property.unit"]._property_today(),
        index=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Payer on the Receipt",
        required=True,
        ondelete="restrict",
        default=lambda s: s.env.ref(
            "property_concierge.partner_walk_in", raise_if_not_found=False
        ),
    )
    line_ids = fields.One2many(
        "property.butler.copy.line", "register_id", string="Lines", copy=False
    )
    amount_total = fields.Monetary(compute="_compute_amount_total", store=True)
    state = fields.Selection(
        [("open", "Open"), ("receipted", "Receipted")],
        default="open",
        required=True,
        copy=False,
        tracking=True,
    )
    receipt_id = fields.Many2one(
        "property.receipt",
        readonly=True,
        copy=False,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    receipt_number = fields.Char(related="receipt_id.name", string="Receipt Number")
    user_id = fields.Many2one(
        "res.users",
        string="Receipted By",
        readonly=True,
        copy=False,
        ondelete="restrict",
    )

    _sql_constraints = [
        (
            "estate_date_uniq",
            "UNIQUE(estate_id, date)",
            "An estate's desk keeps one copy and print register a day.",
        )
    ]

    # === COMPUTES === #
    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for register in self:
            register.amount_total = sum(register.line_ids.mapped("amount"))

    @api.depends("estate_id", "date")
    def _compute_display_name(self):
        for register in self:
            register.display_name = (
                f"{register.estate_id.name or ''} {register.date or ''}"
            )

    # === CRUD === #
    @api.ondelete(at_uninstall=False)
    def _unlink_except_receipted(self):
        if self.filtered("receipt_id"):
            raise UserError(self.env._("A receipted register cannot be deleted."))

    def write(self, vals):
        if {"estate_id", "date", "partner_id"} & set(vals) and self.filtered(
            "receipt_id"
        ):
            raise UserError(
                self.env._("A receipted register can no longer be changed.")
            )
        return super().write(vals)

    def _reopen_after_void(self):
        for register in self:
            receipt = register.receipt_id
            register.line_ids.with_context(property_copy_receipting=True).write(
                {"receipt_number": False}
            )
            register.write({"receipt_id": False, "state": "open", "user_id": False})
            register.message_post(
                body=self.env._(
                    "Receipt %(receipt)s voided (%(reason)s): the register is open "
                    "again for a new receipt.",
                    receipt=receipt.name,
                    reason=receipt.void_reason or "-",
                )
            )

    # === ACTIONS === #
    @api.model
    def _get_register(self, estate, day=None):
        """The estate's register of the day (created when missing)."""
        day = day or self.env["property.unit"]._property_today()
        register = self.search([("estate_id", "=", estate.id), ("date", "=", day)])
        return register or self.create({"estate_id": estate.id, "date": day})

    def action_issue_receipt(self, payment_method="cash"):
        """One receipt for all the lines of the day; its number goes on each line."""
        fee = self.env.ref("property_billing.product_fee_copying").product_variant_id
        for register in self:
            if register.receipt_id:
                raise UserError(
                    self.env._(
                        "The register of %(date)s is already receipted (%(receipt)s).",
                        date=register.date,
                        receipt=register.receipt_number,
                    )
                )
            if not register.line_ids:
                raise UserError(
                    self.env._(
                        "The register of %(date)s has no lines to receipt.",
                        date=register.date,
                    )
                )
            receipt = self.env["property.receipt"].create(
                {
                    "partner_id": register.partner_id.id,
                    "payment_method": payment_method,
                    "line_ids": [
                        Command.create(line._prepare_receipt_line_vals(fee))
                        for line in register.line_ids
                    ],
                }
            )
            receipt.action_issue()
            register.write(
                {
                    "receipt_id": receipt.id,
                    "state": "receipted",
                    "user_id": self.env.user.id,
                }
            )
            register.line_ids.with_context(property_copy_receipting=True).write(
                {"receipt_number": receipt.name}
            )
        return self.receipt_id
