from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .product_template import UTILITY_CATEGORIES

LINE_TYPE_SELECTION = [
    ("notice", "Payment Notice"),
    ("prepayment", "Prepayment"),
    ("fee", "Fee"),
    ("deposit", "Deposit"),
    ("on_behalf", "Collection on Behalf"),
]


class PropertyReceiptLine(models.Model):
    _name = "property.receipt.line"
    _description = "Receipt Line"
    _order = "receipt_id, sequence, id"
    _check_company_auto = True

    # === FIELDS === #
    receipt_id = fields.Many2one(
        "property.receipt", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="receipt_id.company_id", store=True, index=True, precompute=True
    )
    state = fields.Selection(related="receipt_id.state", store=True)
    sequence = fields.Integer(default=10)
    line_type = fields.Selection(
        LINE_TYPE_SELECTION,
        string="Type",
        required=True,
        default="notice",
        help="Payment notice: settles the payer's open notices of the unit, oldest "
        "first (or the chosen notice). Prepayment: credit of the unit that settles "
        "its next notices. Fee: income of the fee item. Deposit: held until "
        "refunded. Collection on behalf: payable of the fee item.",
    )
    product_id = fields.Many2one(
        "product.product",
        string="Fee Item",
        ondelete="restrict",
        check_company=True,
        domain="[('property_fee_category', '!=', False)]",
    )
    fee_category = fields.Selection(related="product_id.property_fee_category")
    name = fields.Char(string="Description")
    period = fields.Char(help="Period paid, e.g. 2026-11 or 2026-11 to 2027-01.")
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure")
    amount = fields.Monetary(required=True, currency_field="currency_id")
    currency_id = fields.Many2one(related="receipt_id.currency_id")
    move_id = fields.Many2one(
        "account.move",
        string="Notice",
        ondelete="restrict",
        check_company=True,
        domain="[('property_is_notice', '=', True), ('state', '=', 'posted'), "
        "('payment_state', 'in', ('not_paid', 'partial'))]",
        help="Leave empty to settle the open notices of the unit, oldest first.",
    )
    deposit_id = fields.Many2one(
        "property.deposit", ondelete="restrict", check_company=True, index=True
    )
    card_number = fields.Char(help="Number of the access card issued (IC card fee).")
    is_utility = fields.Boolean(
        compute="_compute_is_utility",
        help="Water and electricity are receipted apart from the other fees.",
    )
    payment_id = fields.Many2one(
        "account.payment", readonly=True, copy=False, ondelete="restrict"
    )
    settled_move_ids = fields.Many2many(
        "account.move",
        string="Notices Settled",
        compute="_compute_settled_move_ids",
    )

    _sql_constraints = [
        (
            "amount_positive",
            "CHECK(amount > 0)",
            "The amount of a receipt line must be greater than zero.",
        ),
    ]

    # === COMPUTE METHODS === #
    @api.depends("product_id", "move_id")
    def _compute_is_utility(self):
        for line in self:
            line.is_utility = (
                line.product_id.property_fee_category in UTILITY_CATEGORIES
            )

    @api.depends(
        "payment_id.move_id.line_ids.matched_debit_ids",
        "payment_id.move_id.line_ids.matched_credit_ids",
    )
    def _compute_settled_move_ids(self):
        for line in self:
            line.settled_move_ids = line.payment_id._property_settled_notices()

    # === ONCHANGE METHODS === #
    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.product_id:
            self.name = self.name or self.product_id.display_name
            if self.product_id.lst_price and not self.amount:
                self.amount = self.product_id.lst_price * (self.quantity or 1.0)

    @api.onchange("move_id")
    def _onchange_move_id(self):
        if self.move_id:
            self.amount = self.move_id.amount_residual
            self.period = self.move_id.property_period
            self.name = self.move_id.name

    # === CONSTRAINT METHODS === #
    @api.constrains("line_type", "product_id", "deposit_id", "card_number")
    def _check_line(self):
        for line in self:
            if line.line_type in ("fee", "on_behalf") and not line.product_id:
                raise ValidationError(
                    self.env._("Choose the fee item of line %(line)s.", line=line.name)
                )
            if (
                line.line_type == "on_behalf"
                and line.product_id.property_fee_category != "on_behalf"
            ):
                raise ValidationError(
                    self.env._(
                        "%(item)s is not a collection on behalf.",
                        item=line.product_id.display_name,
                    )
                )
            if line.line_type == "deposit" and not line.deposit_id:
                raise ValidationError(
                    self.env._("A deposit line needs the deposit it takes.")
                )
            if (
                line.line_type == "fee"
                and line.product_id.property_fee_category == "card"
                and not line.card_number
            ):
                raise ValidationError(
                    self.env._(
                        "Write the number of the access card on the card fee line."
                    )
                )

    # === BUSINESS METHODS === #
    def _get_description(self):
        self.ensure_one()
        parts = [self.name or self.product_id.display_name or ""]
        if self.card_number:
            parts.append(self.env._("Card No. %(card)s", card=self.card_number))
        return " ".join(p for p in parts if p)
