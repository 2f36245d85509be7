from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_round

CAR_RENTAL_DEPOSIT_RATE = 0.10
CAR_RENTAL_NOTICE_HOURS = 24


class PropertyButlerBooking(models.Model):
    _name = "property.butler.booking"
    _description = "Booking or Errand"
    _inherit = ["property.butler.mixin"]
    _order = "date_service desc, id desc"

    # === FIELDS === #
    unit_id = fields.Many2one(required=True)
    partner_id = fields.Many2one(required=True)
    kind = fields.Selection(
        [
            ("tour", "Tour"),
            ("ticket", "Tickets"),
            ("car_rental", "Car Rental"),
            ("courier", "Courier"),
            ("mail", "Mail"),
            ("hotel", "Hotel"),
            ("flowers", "Flowers"),
            ("laundry", "Laundry"),
            ("movers", "Movers"),
            ("newspaper", "Newspapers and Milk"),
            ("other", "Other Errand"),
        ],
        required=True,
        default="tour",
        tracking=True,
        index=True,
    )
    description = fields.Char(string="What", required=True, tracking=True)
    details = fields.Text(
        help="Itinerary, flight or train, number of people, addresses, requirements."
    )
    date_service = fields.Datetime(string="When", required=True, tracking=True)
    supplier_id = fields.Many2one(
        "res.partner",
        ondelete="restrict",
        tracking=True,
        help="Travel agency, ticket office, car rental company, courier…",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    price = fields.Monetary(tracking=True)
    date_price_confirmed = fields.Datetime(
        string="Price Confirmed On", readonly=True, copy=False, tracking=True
    )
    payment_mode = fields.Selection(
        [
            ("none", "Paid to the Supplier"),
            ("prepayment", "Prepaid at the Desk"),
            ("deposit", "Deposit at the Desk"),
        ],
        compute="_compute_payment_mode",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
    )
    amount_advance = fields.Monetary(
        string="Prepayment / Deposit",
        compute="_compute_amount_advance",
        copy=False,
        store=True,
        readonly=False,
        precompute=True,
        help="Car rental: 10% of the price, kept if the booking is cancelled less "
        "than 24 hours ahead.",
    )
    receipt_id = fields.Many2one(
        "property.receipt",
        readonly=True,
        copy=False,
        ondelete="restrict",
        check_company=True,
    )
    deposit_id = fields.Many2one(
        "property.deposit",
        readonly=True,
        copy=False,
        ondelete="restrict",
        check_company=True,
    )
    advance_paid = fields.Boolean(
        compute="_compute_advance_paid", string="Paid at the Desk"
    )
    state = fields.Selection(
        [
            ("draft", "Enquiry"),
            ("confirmed", "Price Confirmed"),
            ("ordered", "Ordered"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        copy=False,
        tracking=True,
        index=True,
    )
    outcome = fields.Text(copy=False)
    date_reported = fields.Datetime(
        string="Reported to the Owner On", readonly=True, copy=False, tracking=True
    )
    cancel_reason = fields.Char(copy=False, tracking=True)
    date_cancelled = fields.Datetime(string="Cancelled On", readonly=True, copy=False)
    cancel_deduction = fields.Monetary(string="Deposit Kept", readonly=True, copy=False)

    _sql_constraints = [
        ("price_positive", "CHECK(price >= 0)", "The price cannot be negative."),
        (
            "advance_positive",
            "CHECK(amount_advance >= 0)",
            "The prepayment or deposit cannot be negative.",
        ),
    ]

    # === COMPUTES === #
    @api.depends("kind")
    def _compute_payment_mode(self):
        for booking in self:
            if booking.kind == "car_rental":
                booking.payment_mode = "deposit"
            elif booking.kind in ("tour", "ticket", "hotel"):
                booking.payment_mode = "prepayment"
            elif not booking.payment_mode:
                booking.payment_mode = "none"

    @api.depends("kind", "price", "payment_mode")
    def _compute_amount_advance(self):
        for booking in self:
            if booking.kind == "car_rental":
                booking.amount_advance = float_round(
                    booking.price * CAR_RENTAL_DEPOSIT_RATE,
                    precision_rounding=booking.currency_id.rounding or 0.01,
                )
            elif booking.payment_mode == "prepayment":
                booking.amount_advance = booking.price
            else:
                booking.amount_advance = 0.0

    @api.depends("receipt_id.state")
    def _compute_advance_paid(self):
        for booking in self:
            booking.advance_paid = booking.receipt_id.state == "issued"

    # === CONSTRAINTS === #
    @api.constrains("kind", "payment_mode", "amount_advance", "price")
    def _check_advance(self):
        for booking in self:
            if booking.kind == "car_rental" and booking.payment_mode != "deposit":
                raise ValidationError(
                    self.env._("A car rental is secured by a 10% deposit.")
                )
            if (
                booking.payment_mode != "none"
                and booking.amount_advance > booking.price
            ):
                raise ValidationError(
                    self.env._(
                        "The prepayment or deposit of %(name)s exceeds the price.",
                        name=booking.name,
                    )
                )

    # === CRUD === #
    @api.ondelete(at_uninstall=False)
    def _unlink_except_paid(self):
        if self.filtered(
            lambda b: b.receipt_id or b.state not in ("draft", "cancelled")
        ):
            raise UserError(
                self.env._(
                    "Bookings confirmed with the owner or paid at the desk stay in the "
                    "register; cancel them instead."
                )
            )

    def write(self, vals):
        money = {"price", "amount_advance", "payment_mode", "kind"}
        if money & set(vals) and self.filtered(lambda b: b.state != "draft"):
            raise UserError(
                self.env._(
                    "The price was confirmed with the owner: cancel the booking and "
                    "register a new one to change it."
                )
            )
        return super().write(vals)

    # === ACTIONS === #
    def action_confirm_price(self):
        """The owner agreed to the price (and signed the commission slip)."""
        for booking in self:
            if booking.state != "draft":
                raise UserError(
                    self.env._(
                        "The price of %(name)s is already confirmed.", name=booking.name
                    )
                )
            if booking.price <= 0:
                raise UserError(
                    self.env._(
                        "Enter the price quoted by the supplier before confirming it "
                        "with the owner (%(name)s).",
                        name=booking.name,
                    )
                )
        self.write(
            {"state": "confirmed", "date_price_confirmed": fields.Datetime.now()}
        )
        return True

    def action_take_payment(self, payment_method="cash"):
        """Take the prepayment or the car-rental deposit by a billing receipt."""
        receipts = self.env["property.receipt"]
        for booking in self:
            if booking.state != "confirmed":
                raise UserError(
                    self.env._(
                        "Confirm the price of %(name)s with the owner before taking "
                        "money.",
                        name=booking.name,
                    )
                )
            if booking.payment_mode == "none" or not booking.amount_advance:
                raise UserError(
                    self.env._(
                        "Booking %(name)s is paid to the supplier: nothing to take at "
                        "the desk.",
                        name=booking.name,
                    )
                )
            if booking.advance_paid:
                raise UserError(
                    self.env._(
                        "The desk has already taken the money of %(name)s.",
                        name=booking.name,
                    )
                )
            receipt = self.env["property.receipt"].create(
                booking._prepare_receipt_vals(payment_method)
            )
            receipt.action_issue()
            booking.receipt_id = receipt
            booking.message_post(
                body=self.env._(
                    "%(amount)s taken by receipt %(receipt)s.",
                    amount=booking.amount_advance,
                    receipt=receipt.name,
                )
            )
            receipts |= receipt
        return receipts

    def _prepare_receipt_vals(self, payment_method):
        self.ensure_one()
        label = f"{self.name} {self.description}"
        if self.payment_mode == "deposit":
            if not self.deposit_id:
                self.deposit_id = self.env["property.deposit"].create(
                    self._prepare_deposit_vals()
                )
            line = {
                "line_type": "deposit",
                "deposit_id": self.deposit_id.id,
                "name": label,
                "amount": self.amount_advance,
            }
        else:
            line = {
                "line_type": "on_behalf",
                "product_id": self.env.ref(
                    "property_concierge.product_fee_errand"
                ).product_variant_id.id,
                "name": label,
                "amount": self.amount_advance,
            }
        line["butler_booking_id"] = self.id
        return {
            "partner_id": self.partner_id.id,
            "unit_id": self.unit_id.id,
            "payment_method": payment_method,
            "line_ids": [Command.create(line)],
        }

    def _prepare_deposit_vals(self):
        self.ensure_one()
        return {
            "partner_id": self.partner_id.id,
            "unit_id": self.unit_id.id,
            "deposit_type": "car_rental",
            "res_model": self._name,
            "res_id": self.id,
        }

    def action_order(self):
        """Book with the supplier: the owner's money must be in first."""
        for booking in self:
            if booking.state != "confirmed":
                raise UserError(
                    self.env._(
                        "Confirm the price of %(name)s with the owner first.",
                        name=booking.name,
                    )
                )
            if booking.payment_mode != "none" and not booking.advance_paid:
                raise UserError(
                    self.env._(
                        "Take the prepayment or deposit of %(name)s by a receipt "
                        "before booking with the supplier.",
                        name=booking.name,
                    )
                )
        self.write({"state": "ordered"})
        return True

    def action_report_outcome(self):
        """Tell the owner how the errand went."""
        for booking in self:
            if booking.state != "ordered":
                raise UserError(
                    self.env._(
                        "Booking %(name)s has not been ordered.", name=booking.name
                    )
                )
            if not booking.outcome:
                raise UserError(
                    self.env._(
                        "Write the outcome to report to the owner (%(name)s).",
                        name=booking.name,
                    )
                )
            booking.message_notify(
                partner_ids=booking.partner_id.ids,
                subject=booking.with_context(
                    lang=booking.partner_id.lang or self.env.lang
                ).env._("Your request %(name)s", name=booking.name),
                body=booking.outcome,
                record_name=booking.name,
            )
            booking.message_post(
                body=self.env._(
                    "Outcome reported to %(partner)s: %(outcome)s",
                    partner=booking.partner_id.name,
                    outcome=booking.outcome,
                )
            )
        self.write({"state": "done", "date_reported": fields.Datetime.now()})
        return True

    def action_cancel(self):
        """Cancel; a car-rental deposit is kept when less than 24 hours ahead."""
        now = self._property_now()
        for booking in self:
            if booking.state in ("done", "cancelled"):
                raise UserError(
                    self.env._("Booking %(name)s is already closed.", name=booking.name)
                )
            if not booking.cancel_reason:
                raise UserError(
                    self.env._(
                        "Give the reason for cancelling %(name)s.", name=booking.name
                    )
                )
            deduction = 0.0
            deposit = booking.deposit_id
            if deposit and deposit.state == "held":
                hours_ahead = (booking.date_service - now).total_seconds() / 3600
                if (
                    booking.kind == "car_rental"
                    and hours_ahead < CAR_RENTAL_NOTICE_HOURS
                ):
                    deduction = deposit.amount_held
                    reason = self.env._(
                        "Car rental %(name)s cancelled %(hours)s hours ahead (less "
                        "than 24): the deposit is kept.",
                        name=booking.name,
                        hours=max(round(hours_ahead, 1), 0),
                    )
                else:
                    reason = self.env._(
                        "Booking %(name)s cancelled in time: deposit refunded.",
                        name=booking.name,
                    )
                deposit.action_request_refund(deduction=deduction, reason=reason)
                booking.message_post(body=reason)
            if booking.payment_mode == "prepayment" and booking.advance_paid:
                supervisor = booking._get_supervisor()
                booking._schedule_flag(
                    supervisor,
                    booking._env_in_lang_of(supervisor)._(
                        "Booking cancelled: refund the prepayment (void receipt "
                        "%(receipt)s)",
                        receipt=booking.receipt_id.name,
                    ),
                    booking.cancel_reason,
                )
            booking.write(
                {
                    "state": "cancelled",
                    "date_cancelled": now,
                    "cancel_deduction": deduction,
                }
            )
        return True

    def _get_report_copy_labels(self):
        return [
            self.env._("First copy: supplier"),
            self.env._("Second copy: file"),
            self.env._("Third copy: owner"),
        ]
