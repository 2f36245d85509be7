from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

MAX_OPEN_BOOKS = 2


class PropertyReceiptBook(models.Model):
    _name = "property.receipt.book"
    _description = "Receipt Book"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "company_id, prefix, number_from, id"
    _check_company_auto = True

    # === FIELDS === #
    name = fields.Char(
        string="Book Number",
        required=True,
        tracking=True,
        help="Number printed on the cover of the receipt book.",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        ondelete="restrict",
        default=lambda self: self.env.company,
    )
    prefix = fields.Char(
        help="Printed before the number, e.g. JX; the same prefix and range "
        "never appear twice in a company.",
        default="",
    )
    padding = fields.Integer(default=8, required=True)
    number_from = fields.Integer(string="First Number", required=True)
    number_to = fields.Integer(string="Last Number", required=True)
    next_number = fields.Integer(
        readonly=True,
        copy=False,
        help="Number the next receipt of this book takes.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Held By",
        index=True,
        ondelete="restrict",
        tracking=True,
        domain="[('share', '=', False)]",
        help="Clerk to whom the cashier issued the book.",
    )
    issued_by_id = fields.Many2one("res.users", readonly=True, ondelete="restrict")
    date_issued = fields.Date(readonly=True, tracking=True)
    date_returned = fields.Date(readonly=True, tracking=True)
    state = fields.Selection(
        [
            ("draft", "In Stock"),
            ("open", "In Use"),
            ("returned", "Returned"),
            ("written_off", "Written Off"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    receipt_ids = fields.One2many("property.receipt", "book_id", string="Receipts")
    used_count = fields.Integer(compute="_compute_counts", string="Numbers Used")
    remaining_count = fields.Integer(compute="_compute_counts", string="Numbers Left")
    void_count = fields.Integer(compute="_compute_counts", string="Voided")

    _sql_constraints = [
        (
            "range_valid",
            "CHECK(number_from > 0 AND number_to >= number_from)",
            "The last number of a receipt book must not be lower than its first.",
        ),
    ]

    # === COMPUTE METHODS === #
    @api.depends("receipt_ids.state", "next_number", "number_to")
    def _compute_counts(self):
        for book in self:
            first_free = book.next_number or book.number_from
            book.used_count = first_free - book.number_from
            book.remaining_count = max(book.number_to - first_free + 1, 0)
            book.void_count = len(
                book.receipt_ids.filtered(lambda r: r.state == "void")
            )

    # === CONSTRAINT METHODS === #
    @api.constrains("prefix", "number_from", "number_to", "company_id")
    def _check_overlap(self):
        for book in self:
            overlapping = self.search(
                [
                    ("id", "!=", book.id),
                    ("company_id", "=", book.company_id.id),
                    ("prefix", "=", book.prefix or ""),
                    ("number_from", "<=", book.number_to),
                    ("number_to", ">=", book.number_from),
                ],
                limit=1,
            )
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "The numbers of receipt book %(book)s overlap those of "
                        "book %(other)s.",
                        book=book.name,
                        other=overlapping.name,
                    )
                )

    # === CRUD METHODS === #
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals["prefix"] = vals.get("prefix") or ""
            vals["next_number"] = vals.get("number_from")
        return super().create(vals_list)

    def write(self, vals):
        if {"prefix", "number_from", "number_to", "padding"} & set(vals) and (
            self.filtered(lambda b: b.state != "draft")
        ):
            raise UserError(
                self.env._(
                    "The numbers of a receipt book cannot be changed once it has "
                    "been issued to a clerk."
                )
            )
        if "number_from" in vals:
            vals["next_number"] = vals["number_from"]
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        if self.filtered(lambda b: b.state != "draft" or b.receipt_ids):
            raise UserError(
                self.env._(
                    "A receipt book that was issued to a clerk is kept: return and "
                    "write it off instead."
                )
            )

    # === ACTION METHODS === #
    def _check_finance(self):
        if not self.env.user.has_group("property_frontdesk.group_property_finance"):
            raise UserError(
                self.env._("Only the cashier (finance) manages the receipt books.")
            )

    def action_issue(self):
        """The cashier hands the book to a clerk."""
        self._check_finance()
        for book in self:
            if book.state != "draft":
                raise UserError(
                    self.env._("Receipt book %(book)s is not in stock.", book=book.name)
                )
            if not book.user_id:
                raise UserError(
                    self.env._(
                        "Choose the clerk who receives receipt book %(book)s.",
                        book=book.name,
                    )
                )
            open_books = self.search_count(
                [
                    ("user_id", "=", book.user_id.id),
                    ("company_id", "=", book.company_id.id),
                    ("state", "=", "open"),
                ]
            )
            if open_books >= MAX_OPEN_BOOKS:
                raise UserError(
                    self.env._(
                        "%(clerk)s already holds %(count)s open receipt books; "
                        "a clerk holds at most two.",
                        clerk=book.user_id.name,
                        count=open_books,
                    )
                )
            book.write(
                {
                    "state": "open",
                    "issued_by_id": self.env.user.id,
                    "date_issued": self.env["property.unit"]._property_today(),
                }
            )

    def action_return(self):
        """The clerk hands the book back to the cashier (used up or not)."""
        for book in self:
            if book.state != "open":
                raise UserError(
                    self.env._(
                        "Only a receipt book in use can be returned: %(book)s.",
                        book=book.name,
                    )
                )
            if book.user_id != self.env.user:
                self._check_finance()
            if book.receipt_ids.filtered(lambda r: r.state == "draft"):
                raise UserError(
                    self.env._(
                        "Receipt book %(book)s still has draft receipts.",
                        book=book.name,
                    )
                )
        self.sudo().write(
            {
                "state": "returned",
                "date_returned": self.env["property.unit"]._property_today(),
            }
        )

    def action_write_off(self):
        """The cashier checks the stubs of a returned book and writes it off; the
        numbers left unused can never be used."""
        self._check_finance()
        for book in self:
            if book.state != "returned":
                raise UserError(
                    self.env._(
                        "Only a returned receipt book can be written off: %(book)s.",
                        book=book.name,
                    )
                )
            if book.remaining_count:
                book.message_post(
                    body=self.env._(
                        "Written off with %(count)s unused numbers "
                        "(%(first)s to %(last)s); they will never be used.",
                        count=book.remaining_count,
                        first=book._format_number(book.next_number),
                        last=book._format_number(book.number_to),
                    )
                )
        self.write({"state": "written_off"})

    # === BUSINESS METHODS === #
    def _format_number(self, number):
        self.ensure_one()
        return f"{self.prefix or ''}{number:0{self.padding}d}"

    @api.model
    def _take_next_number(self, user, company):
        """Reserve the next number of the user's open book, oldest book first.

        The book row is locked until the end of the transaction, so two desks can
        never take the same number and a rolled back receipt leaves no gap."""
        self.flush_model(["next_number", "state", "user_id", "company_id"])
        self.env.cr.execute(
            """
            SELECT id FROM property_receipt_book
             WHERE user_id = %s AND company_id = %s AND state = 'open'
               AND next_number <= number_to
             ORDER BY date_issued, number_from, id
             LIMIT 1
               FOR UPDATE
            """,
            (user.id, company.id),
        )
        row = self.env.cr.fetchone()
        if not row:
            raise UserError(
                self.env._(
                    "%(clerk)s has no open receipt book with numbers left: ask the "
                    "cashier for a new book.",
                    clerk=user.name,
                )
            )
        self.env.cr.execute(
            """
            UPDATE property_receipt_book SET next_number = next_number + 1
             WHERE id = %s RETURNING next_number - 1
            """,
            row,
        )
        number = self.env.cr.fetchone()[0]
        book = self.browse(row[0])
        book.invalidate_recordset(["next_number"])
        return book, book._format_number(number)
