from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

FOLLOW_UP_DAYS = 3


class PropertyButlerLoan(models.Model):
    _name = "property.butler.loan"
    _description = "Item Loan"
    _inherit = ["property.butler.mixin"]
    _order = "date_out desc, id desc"

    # === FIELDS === #
    partner_id = fields.Many2one(string="Borrower", required=True)
    item_id = fields.Many2one(
        "property.butler.lending.item",
        required=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
        domain="[('estate_id', '=', estate_id)]",
    )
    quantity = fields.Integer(required=True, default=1)
    is_resident = fields.Boolean(
        compute="_compute_is_resident",
        string="Resident",
        help="The borrower is a current member of the unit.",
    )
    approved_by_id = fields.Many2one(
        "res.users",
        string="Allowed By",
        readonly=True,
        copy=False,
        ondelete="restrict",
        tracking=True,
    )
    state = fields.Selection(
        [
            ("draft", "Requested"),
            ("out", "Lent Out"),
            ("returned", "Returned"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        copy=False,
        tracking=True,
        index=True,
    )
    condition_out = fields.Text(string="Condition When Lent")
    date_out = fields.Datetime(string="Lent On", readonly=True, copy=False)
    date_due = fields.Date(
        string="Follow Up After",
        compute="_compute_date_due",
        store=True,
        help="Loans not returned within three days are followed up.",
    )
    condition_back = fields.Text(string="Condition When Returned", copy=False)
    date_returned = fields.Datetime(
        string="Returned On", readonly=True, copy=False, tracking=True
    )
    return_user_id = fields.Many2one(
        "res.users",
        string="Received Back By",
        readonly=True,
        copy=False,
        ondelete="restrict",
    )
    follow_up_flagged = fields.Boolean(
        string="Followed Up", readonly=True, copy=False, tracking=True
    )
    is_late = fields.Boolean(compute="_compute_is_late", search="_search_is_late")

    _sql_constraints = [
        (
            "quantity_positive",
            "CHECK(quantity > 0)",
            "The quantity lent must be positive.",
        )
    ]

    # === COMPUTES === #
    @api.depends("partner_id", "unit_id")
    def _compute_is_resident(self):
        for loan in self:
            loan.is_resident = loan._is_resident()

    @api.depends("date_out")
    def _compute_date_due(self):
        for loan in self:
            loan.date_due = (
                loan.date_out.date() + timedelta(days=FOLLOW_UP_DAYS)
                if loan.date_out
                else False
            )

    def _compute_is_late(self):
        today = self._property_today()
        for loan in self:
            loan.is_late = (
                loan.state == "out" and loan.date_due and loan.date_due <= today
            )

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on late loans."))
        domain = [("state", "=", "out"), ("date_due", "<=", self._property_today())]
        return domain if (operator == "=") == value else ["!", *domain]

    # === CONSTRAINTS === #
    @api.constrains("item_id", "estate_id")
    def _check_item_estate(self):
        for loan in self:
            if loan.item_id.estate_id != loan.estate_id:
                raise ValidationError(
                    self.env._(
                        "%(item)s belongs to the desk of %(estate)s.",
                        item=loan.item_id.name,
                        estate=loan.item_id.estate_id.name,
                    )
                )

    # === CRUD === #
    @api.ondelete(at_uninstall=False)
    def _unlink_except_lent(self):
        if self.filtered(lambda r: r.state in ("out", "returned")):
            raise UserError(
                self.env._(
                    "Loans stay in the lending register; they cannot be deleted."
                )
            )

    # === ACTIONS === #
    def action_approve(self):
        """The supervisor allows a loan to someone who is not a resident."""
        self._check_is_supervisor(self.env._("allow a loan to a non-resident"))
        for loan in self:
            if loan.state != "draft":
                raise UserError(
                    self.env._("Loan %(name)s is no longer a request.", name=loan.name)
                )
        self.approved_by_id = self.env.user
        return True

    def action_lend(self):
        for loan in self:
            if loan.state != "draft":
                raise UserError(
                    self.env._("Loan %(name)s has already been lent.", name=loan.name)
                )
            if not loan.is_resident and not loan.approved_by_id:
                raise UserError(
                    self.env._(
                        "%(partner)s is not a resident of unit %(unit)s: items are "
                        "lent to residents only, others with the supervisor's "
                        "approval.",
                        partner=loan.partner_id.display_name,
                        unit=loan.unit_id.display_name or "-",
                    )
                )
            if not loan.condition_out:
                raise UserError(
                    self.env._(
                        "Check the item with the borrower and note its condition "
                        "before lending it (loan %(name)s).",
                        name=loan.name,
                    )
                )
            if loan.quantity > loan.item_id.quantity_available:
                raise UserError(
                    self.env._(
                        "Only %(available)s of %(item)s are available.",
                        available=loan.item_id.quantity_available,
                        item=loan.item_id.name,
                    )
                )
            loan.write({"state": "out", "date_out": fields.Datetime.now()})
        return True

    def action_return(self):
        for loan in self:
            if loan.state != "out":
                raise UserError(
                    self.env._("Loan %(name)s is not lent out.", name=loan.name)
                )
            if not loan.condition_back:
                raise UserError(
                    self.env._(
                        "Check the returned item with the borrower and note its "
                        "condition (loan %(name)s).",
                        name=loan.name,
                    )
                )
        self.write(
            {
                "state": "returned",
                "date_returned": fields.Datetime.now(),
                "return_user_id": self.env.user.id,
            }
        )
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_cancel(self):
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(self.env._("Only loan requests can be cancelled."))
        self.write({"state": "cancelled"})
        return True

    # === CRON === #
    @api.model
    def _cron_follow_up_late(self):
        """Loans not returned after three days: the desk calls the borrower."""
        loans = self.search([("is_late", "=", True), ("follow_up_flagged", "=", False)])
        for loan in loans:
            env = loan._env_in_lang_of(loan.user_id)
            loan._schedule_flag(
                loan.user_id,
                env._("Loan not returned after 3 days: contact the borrower"),
                env._(
                    "%(item)s lent to %(partner)s (%(phone)s) on %(date)s.",
                    item=loan.item_id.name,
                    partner=loan.partner_id.name,
                    phone=loan.partner_id.mobile or loan.partner_id.phone or "-",
                    date=loan.date_out.date(),
                ),
            )
        loans.follow_up_flagged = True
        return loans

    def _get_report_copy_labels(self):
        return [self.env._("Loan slip")]
